// The per-boot audit chain: genesis, O(1) append of decisions, segment sealing, draining, verification.

import Blake3

/// Summary kept for every sealed segment, even after its records were drained.
public struct AuditSegmentSummary: Equatable, Sendable {
    public var index: UInt32
    public var firstSeq: UInt64
    /// Records in the segment, including its seal.
    public var count: UInt64
    /// Hash of the segment's seal record.
    public var head: Blake3Digest
}

/// A hash-chained, segmented, bounded log. Every record's `prevHash` is the previous record's hash,
/// across segment boundaries. Storage policy (docs/audit-format.md §Storage): the active segment
/// holds `AuditLimits.segmentCapacity` records; when full it is sealed (a seal record carrying its
/// first sequence number and count, whose hash is the segment head) and kept in memory until drained;
/// if `AuditLimits.retainedSealedSegments` sealed segments are waiting, `append` throws `.storageFull`.
public struct AuditLog: Sendable {
    public let binding: AuditBinding
    /// Records of the active segment, oldest first.
    public private(set) var active: [AuditRecord]
    /// Sealed segments not yet drained, oldest first.
    public private(set) var sealedWaiting: [[AuditRecord]]
    /// Summaries of the most recent sealed segments, oldest first (at most `AuditLimits.keptSegmentSummaries`).
    public private(set) var sealedSummaries: [AuditSegmentSummary]
    public private(set) var head: Blake3Digest
    /// Records appended since boot, including genesis and seals.
    public private(set) var count: UInt64
    public private(set) var segment: UInt32
    let segmentCapacity: Int
    let retainLimit: Int

    /// Starts a boot's chain with its genesis record (seq 0, segment 0, prevHash zero).
    public init(binding: AuditBinding, monotonicNs: UInt64, wallNs: Int64,
                segmentCapacity: Int = AuditLimits.segmentCapacity,
                retainedSealedSegments: Int = AuditLimits.retainedSealedSegments) {
        precondition(segmentCapacity >= 3, "a segment needs room for genesis or a decision, plus its seal")
        self.binding = binding
        self.segmentCapacity = segmentCapacity
        self.retainLimit = retainedSealedSegments
        self.active = []
        self.active.reserveCapacity(segmentCapacity)
        self.sealedWaiting = []
        self.sealedSummaries = []
        self.segment = 0
        let genesis = AuditRecord.hashed(seq: 0, segment: 0, monotonicNs: monotonicNs, wallNs: wallNs,
                                         payload: .genesis(binding), prevHash: .zero)
        self.active.append(genesis)
        self.head = genesis.hash
        self.count = 1
    }

    /// The genesis record of this boot's chain.
    public var genesis: AuditRecord? {
        if let first = sealedWaiting.first?.first, first.seq == 0 { return first }
        if let first = active.first, first.seq == 0 { return first }
        return nil
    }

    /// Appends one decision (read it back as `active.last`). O(1): one record hash (plus, once per
    /// segment, a seal hash). Throws `.storageFull` when the log must block, and rejects malformed entries.
    public mutating func append(_ entry: AuditEntry) throws(AuditError) {
        let d = entry.decision
        guard d.decidingLayer <= 6 else { throw .invalidDecision("deciding layer \(d.decidingLayer) is not 0...6") }
        guard (d.verdict == .allow) == (d.decidingLayer == 0) else {
            throw .invalidDecision("verdict \(d.verdict.rawValue) with deciding layer \(d.decidingLayer)")
        }
        try checkLength(d.agent, "agent")
        try checkLength(d.tool, "tool")
        try checkLength(d.reason, "reason")
        if active.count == segmentCapacity - 1 {
            guard sealedWaiting.count < retainLimit else { throw .storageFull(sealedWaiting: sealedWaiting.count) }
            sealActiveSegment(monotonicNs: entry.monotonicNs, wallNs: entry.wallNs)
        }
        // Built in place and hashed where it lies: no record copy on the hot path.
        active.append(AuditRecord(seq: count, segment: segment, monotonicNs: entry.monotonicNs, wallNs: entry.wallNs,
                                  payload: .decision(d), prevHash: head, hash: .zero))
        head = active.withUnsafeMutableBufferPointer { records in
            let last = records.baseAddress! + (records.count - 1)
            last.pointee.hash = last.pointee.computeHash()
            return last.pointee.hash
        }
        count &+= 1
    }

    private func checkLength(_ s: String, _ field: String) throws(AuditError) {
        let n = s.utf8.count
        if n > AuditLimits.maxStringBytes { throw .fieldTooLong(field: field, bytes: n) }
    }

    private mutating func sealActiveSegment(monotonicNs: UInt64, wallNs: Int64) {
        let firstSeq = active.first?.seq ?? count
        let seal = AuditRecord.hashed(seq: count, segment: segment, monotonicNs: monotonicNs, wallNs: wallNs,
                                      payload: .seal(AuditSeal(firstSeq: firstSeq, recordCount: UInt64(active.count))),
                                      prevHash: head)
        active.append(seal)
        head = seal.hash
        count &+= 1
        sealedSummaries.append(AuditSegmentSummary(index: segment, firstSeq: firstSeq,
                                                   count: UInt64(active.count), head: seal.hash))
        if sealedSummaries.count > AuditLimits.keptSegmentSummaries { sealedSummaries.removeFirst() }
        sealedWaiting.append(active)
        active = []
        active.reserveCapacity(segmentCapacity)
        segment &+= 1
    }

    /// Hands the oldest sealed segment to the caller (to persist or export) and frees its slot.
    public mutating func drainSealedSegment() -> [AuditRecord]? {
        sealedWaiting.isEmpty ? nil : sealedWaiting.removeFirst()
    }

    /// Every record still in memory (waiting sealed segments, then the active one), oldest first.
    public var records: [AuditRecord] {
        var all: [AuditRecord] = []
        for s in sealedWaiting { all += s }
        all += active
        return all
    }

    /// Records in memory with `seq >= from`.
    public func records(from seq: UInt64) -> [AuditRecord] {
        records.filter { $0.seq >= seq }
    }

    /// Verifies the records still in memory against this log's head and count.
    public func verify() -> AuditVerification {
        let all = records
        guard let first = all.first else { return .bad(seq: 0, reason: "no records in memory") }
        var options = AuditVerifyOptions()
        options.expectedHead = head
        options.expectedLastSeq = count - 1
        options.expectedBinding = binding
        if first.seq != 0 {
            // Earlier segments were drained: anchor on the head of the segment before the first one kept.
            guard let previous = sealedSummaries.first(where: { $0.index &+ 1 == first.segment }) else {
                return .bad(seq: first.seq, reason: "no summary of the segment before \(first.segment)")
            }
            options.anchor = AuditAnchor(prevHash: previous.head, seq: previous.firstSeq &+ previous.count,
                                         segment: first.segment)
        }
        return AuditVerifier.verify(all, options)
    }
}
