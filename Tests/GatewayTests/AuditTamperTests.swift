// Tamper detection: every field class altered, reordering, insertion, deletion, truncation, byte flips.
import Blake3
import Testing
@testable import Gateway

@Suite struct AuditTamperTests {
    /// Each mutation of record 3 (or of the genesis/seal) must be reported at that record.
    @Test func everyFieldIsCovered() throws {
        let log = try testLog(decisions: 8, segmentCapacity: 6)
        let base = log.records
        #expect(AuditVerifier.verify(base) == .ok(count: base.count, head: log.head))
        typealias Mutation = (String, Int, (inout AuditRecord) -> Void)
        func decision(_ f: @escaping (inout AuditDecision) -> Void) -> (inout AuditRecord) -> Void {
            { r in if case var .decision(d) = r.payload { f(&d); r.payload = .decision(d) } }
        }
        let mutations: [Mutation] = [
            ("seq", 3, { $0.seq += 1 }), ("segment", 3, { $0.segment += 1 }),
            ("monotonic", 3, { $0.monotonicNs += 1 }), ("wall", 3, { $0.wallNs -= 1 }),
            ("prev", 3, { $0.prevHash = Blake3.hash("x") }), ("hash", 3, { $0.hash = Blake3.hash("y") }),
            ("agent", 3, decision { $0.agent += "!" }), ("tool", 3, decision { $0.tool = "fs_write" }),
            ("args", 3, decision { $0.argumentsHash = Blake3.hash("{}") }),
            ("layer", 2, decision { $0.decidingLayer = 5 }),
            ("verdict", 3, decision { $0.verdict = .deny; $0.decidingLayer = 1 }),
            ("reason", 2, decision { $0.reason = "" }),
            ("latency", 3, decision { $0.latencies[LayerID.policy] = 99 }),
            ("genesis policy", 0, { r in r.payload = .genesis(AuditBinding(kernelBuild: testBinding.kernelBuild,
                                     policy: Blake3.hash("other"), model: testBinding.model)) }),
            ("seal count", 5, { r in r.payload = .seal(AuditSeal(firstSeq: 0, recordCount: 4)) }),
        ]
        for (name, index, mutate) in mutations {
            var records = base
            #expect(index == 0 || index == 5 || records[index].kind == .decision)
            mutate(&records[index])
            #expect(records[index] != base[index], "\(name) mutation changed nothing")
            let v = AuditVerifier.verify(records)
            #expect(badSeq(v) == UInt64(index), "\(name): \(v)")
        }
    }

    @Test func reorderInsertDeleteTruncate() throws {
        let log = try testLog(decisions: 9)
        let base = log.records

        var swapped = base
        swapped.swapAt(4, 5)
        #expect(badSeq(AuditVerifier.verify(swapped)) == 4)

        var duplicated = base
        duplicated.insert(base[3], at: 4)
        #expect(badSeq(AuditVerifier.verify(duplicated)) == 4)

        // A forged record with a self-consistent hash slotted in after record 3.
        var inserted = base
        var forged = AuditRecord.hashed(seq: 4, segment: 0, monotonicNs: base[3].monotonicNs, wallNs: 0,
                                        payload: base[3].payload, prevHash: base[3].hash)
        forged.wallNs = 0
        inserted.insert(forged, at: 4)
        let vi = AuditVerifier.verify(inserted)
        #expect(badSeq(vi) == 5, "\(vi)")  // record 4 is self-consistent; the original record 4 now conflicts

        var deleted = base
        deleted.remove(at: 6)
        let vd = AuditVerifier.verify(deleted)
        #expect(badSeq(vd) == 6 && badReason(vd).contains("gap"))

        let truncated = Array(base.dropLast(2))
        #expect(AuditVerifier.verify(truncated) == .ok(count: base.count - 2, head: base[base.count - 3].hash))
        var known = AuditVerifyOptions()
        known.expectedHead = log.head
        let vh = AuditVerifier.verify(truncated, known)
        #expect(badSeq(vh) == UInt64(base.count - 2) && badReason(vh).contains("truncated or replaced"))
        var counted = AuditVerifyOptions()
        counted.expectedLastSeq = log.count - 1
        let vc = AuditVerifier.verify(truncated, counted)
        #expect(badSeq(vc) == UInt64(base.count - 2) && badReason(vc).contains("truncated"))
        #expect(AuditVerifier.verify(base, known) == .ok(count: base.count, head: log.head))
    }

    /// An attacker who edits a record and recomputes its hash breaks the next record's link; one who
    /// re-chains the whole suffix is caught only against a head hash kept elsewhere.
    @Test func rehashedEditsBreakTheLinkOrTheKnownHead() throws {
        let log = try testLog(decisions: 6)
        var records = log.records
        if case var .decision(d) = records[3].payload { d.verdict = .deny; d.decidingLayer = 6; d.reason = "forged"
            records[3].payload = .decision(d) }
        records[3].hash = records[3].computeHash()
        let v = AuditVerifier.verify(records)
        #expect(badSeq(v) == 4 && badReason(v).contains("link broken"), "\(v)")

        for i in 4..<records.count {
            records[i].prevHash = records[i - 1].hash
            records[i].hash = records[i].computeHash()
        }
        #expect(AuditVerifier.verify(records) == .ok(count: records.count, head: records.last!.hash))
        var known = AuditVerifyOptions()
        known.expectedHead = log.head
        #expect(badSeq(AuditVerifier.verify(records, known)) == UInt64(records.count))
    }

    /// Flipping any single bit class of any byte of a JSON Lines export is detected at the right record.
    @Test func everyByteFlipInTheExportIsDetected() throws {
        let log = try testLog(decisions: 2)
        let text = AuditJSONL.export(log.records)
        #expect(AuditJSONL.verify(text) == .ok(count: 3, head: log.head))
        let bytes = Array(text.utf8)
        var lineOf: [Int] = []
        var line = 0
        for b in bytes { lineOf.append(line); if b == UInt8(ascii: "\n") { line += 1 } }
        var checked = 0
        for i in 0..<bytes.count {
            for mask: UInt8 in [0x01, 0x20, 0x80] {
                var tampered = bytes
                tampered[i] ^= mask
                let v = AuditJSONL.verify(String(decoding: tampered, as: UTF8.self))
                #expect(badSeq(v) == UInt64(lineOf[i]), "byte \(i) ^ \(mask): \(v)")
                checked += 1
            }
        }
        #expect(checked == bytes.count * 3)
    }
}
