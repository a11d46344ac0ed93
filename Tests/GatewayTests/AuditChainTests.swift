// Audit chain behaviour: genesis binding, linking, append validation, segment sealing and draining.
import Blake3
import Testing
@testable import Gateway

@Suite struct AuditChainTests {
    @Test func genesisBindsBuildPolicyAndModel() throws {
        let log = try testLog(decisions: 3)
        let g = try #require(log.genesis)
        #expect(g.seq == 0 && g.prevHash == .zero && g.kind == .genesis)
        #expect(g.payload == .genesis(testBinding))
        #expect(log.verify() == .ok(count: 4, head: log.head))
        var other = AuditVerifyOptions()
        other.expectedBinding = AuditBinding(kernelBuild: testBinding.kernelBuild, policy: Blake3.hash("policy v2"),
                                             model: testBinding.model)
        let v = AuditVerifier.verify(log.records, other)
        #expect(badSeq(v) == 0)
        #expect(badReason(v).contains("genesis binds policy"))
    }

    @Test func chainMustStartWithGenesis() throws {
        let records = try testLog(decisions: 3).records
        // A chain re-rooted at a forged first decision (hash recomputed, prev zero, seq 0).
        var forged = records[1]
        forged.seq = 0
        forged.prevHash = .zero
        forged.hash = forged.computeHash()
        let v = AuditVerifier.verify([forged])
        #expect(badSeq(v) == 0)
        #expect(badReason(v).contains("genesis"))
    }

    @Test func recordsAreLinkedAndNumbered() throws {
        let log = try testLog(decisions: 10)
        let r = log.records
        #expect(r.count == 11)
        for i in 1..<r.count {
            #expect(r[i].seq == UInt64(i))
            #expect(r[i].prevHash == r[i - 1].hash)
            #expect(r[i].hash == r[i].computeHash())
        }
        #expect(log.head == r.last!.hash)
        #expect(log.records(from: 7).map(\.seq) == [7, 8, 9, 10])
    }

    @Test func appendRejectsInconsistentDecisions() throws {
        var log = try testLog(decisions: 0)
        var e = testEntry(0)
        e.decision.decidingLayer = 7
        e.decision.verdict = .deny
        #expect(throws: AuditError.invalidDecision("deciding layer 7 is not 0...6")) { try log.append(e) }
        e.decision.decidingLayer = 0
        #expect(throws: AuditError.invalidDecision("verdict deny with deciding layer 0")) { try log.append(e) }
        e.decision.verdict = .allow
        e.decision.reason = String(repeating: "x", count: AuditLimits.maxStringBytes + 1)
        #expect(throws: AuditError.fieldTooLong(field: "reason", bytes: AuditLimits.maxStringBytes + 1)) { try log.append(e) }
        #expect(log.count == 1)
    }

    @Test func fullSegmentsAreSealedAndLinked() throws {
        // Capacity 5: each segment holds 4 records plus its seal.
        let log = try testLog(decisions: 12, segmentCapacity: 5)
        let r = log.records
        #expect(log.verify() == .ok(count: r.count, head: log.head))
        let seals = r.filter { $0.kind == .seal }
        #expect(seals.count == 3)
        #expect(seals.map(\.seq) == [4, 9, 14])
        #expect(seals[0].payload == .seal(AuditSeal(firstSeq: 0, recordCount: 4)))
        #expect(seals[1].payload == .seal(AuditSeal(firstSeq: 5, recordCount: 4)))
        #expect(log.sealedSummaries.map(\.head) == seals.map(\.hash))
        #expect(log.sealedSummaries.map(\.count) == [5, 5, 5])
        // The first record of each new segment links to the seal.
        #expect(r[5].prevHash == seals[0].hash && r[5].segment == 1)
        #expect(log.count == 1 + 12 + 3)
    }

    @Test func fullStorageBlocksUntilDrainedThenVerifiesFromAnchor() throws {
        var log = try testLog(decisions: 0, segmentCapacity: 4, retained: 2)
        var appended = 0
        var blocked: AuditError? = nil
        while blocked == nil && appended < 100 {
            do throws(AuditError) { try log.append(testEntry(appended)); appended += 1 } catch { blocked = error }
        }
        #expect(blocked == .storageFull(sealedWaiting: 2))
        let countBefore = log.count
        // Nothing was dropped: draining hands out the oldest sealed segment, then appends resume.
        let drained = log.drainSealedSegment()
        let first = try #require(drained)
        #expect(first.first?.seq == 0 && first.last?.kind == .seal)
        try log.append(testEntry(appended))
        #expect(log.count == countBefore + 2)  // a seal plus the decision
        #expect(log.verify() == .ok(count: log.records.count, head: log.head))
        // The drained segment plus what remains in memory is the whole chain.
        #expect(AuditVerifier.verify(first + log.records) == .ok(count: Int(log.count), head: log.head))
    }
}
