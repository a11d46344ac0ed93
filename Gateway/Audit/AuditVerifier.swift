// Offline verification of an audit chain: integrity of each record, links, order, segments, truncation.

import Blake3

/// Where a chain excerpt starts when it does not start at genesis: the head of the previous
/// (drained) segment, and the first sequence number and segment index expected after it.
public struct AuditAnchor: Equatable, Sendable {
    public var prevHash: Blake3Digest
    public var seq: UInt64
    public var segment: UInt32

    public init(prevHash: Blake3Digest, seq: UInt64, segment: UInt32) {
        self.prevHash = prevHash
        self.seq = seq
        self.segment = segment
    }
}

public struct AuditVerifyOptions: Sendable {
    /// nil: the records must start with the boot's genesis (seq 0).
    public var anchor: AuditAnchor?
    /// The head hash recorded elsewhere (e.g. printed at shutdown); detects truncation of the tail.
    public var expectedHead: Blake3Digest?
    /// The last sequence number recorded elsewhere; detects truncation of the tail.
    public var expectedLastSeq: UInt64?
    /// The kernel build, policy and model the genesis record must bind.
    public var expectedBinding: AuditBinding?

    public init() {}
}

public enum AuditVerification: Equatable, Sendable {
    case ok(count: Int, head: Blake3Digest)
    /// The first bad record's sequence number (its position in the chain) and what is wrong.
    case bad(seq: UInt64, reason: String)
}

public enum AuditVerifier {
    /// Checks, for every record in order: its hash, its sequence number, its link to the previous
    /// record, the segment structure, the kind's invariants and the monotonic clock; then the tail.
    public static func verify(_ records: [AuditRecord], _ options: AuditVerifyOptions = AuditVerifyOptions())
        -> AuditVerification {
        var prev = options.anchor?.prevHash ?? .zero
        var expectedSeq = options.anchor?.seq ?? 0
        var segment = options.anchor?.segment ?? 0
        var segmentFirstSeq = expectedSeq
        var lastMonotonic: UInt64 = 0
        for r in records {
            if r.computeHash() != r.hash {
                return .bad(seq: expectedSeq, reason: "record hash mismatch: contents altered (stored \(r.hash.hex))")
            }
            if r.seq != expectedSeq {
                let what = r.seq < expectedSeq ? "repeated or out of order" : "gap: records missing"
                return .bad(seq: expectedSeq, reason: "sequence number \(r.seq), expected \(expectedSeq) (\(what))")
            }
            if r.prevHash != prev {
                return .bad(seq: r.seq, reason: "previous-hash link broken: record inserted, deleted or reordered")
            }
            if r.segment != segment {
                return .bad(seq: r.seq, reason: "segment \(r.segment), expected \(segment) (segments change only after a seal)")
            }
            if r.seq > 0 && r.monotonicNs < lastMonotonic {
                return .bad(seq: r.seq, reason: "monotonic time goes backwards (\(r.monotonicNs) < \(lastMonotonic))")
            }
            switch r.payload {
            case let .genesis(binding):
                if r.seq != 0 || options.anchor != nil {
                    return .bad(seq: r.seq, reason: "genesis record in the middle of the chain")
                }
                if let expected = options.expectedBinding, expected != binding {
                    return .bad(seq: r.seq, reason: bindingMismatch(binding, expected))
                }
            case let .decision(d):
                if r.seq == 0 && options.anchor == nil {
                    return .bad(seq: 0, reason: "chain does not start with a genesis record")
                }
                if d.decidingLayer > 6 || (d.verdict == .allow) != (d.decidingLayer == 0) {
                    return .bad(seq: r.seq, reason: "verdict \(d.verdict.rawValue) inconsistent with deciding layer \(d.decidingLayer)")
                }
            case let .seal(seal):
                if r.seq == 0 && options.anchor == nil {
                    return .bad(seq: 0, reason: "chain does not start with a genesis record")
                }
                if seal.firstSeq != segmentFirstSeq || seal.recordCount != r.seq - segmentFirstSeq {
                    return .bad(seq: r.seq, reason: "seal claims \(seal.recordCount) records from seq \(seal.firstSeq), segment has \(r.seq - segmentFirstSeq) from \(segmentFirstSeq)")
                }
                segment &+= 1
                segmentFirstSeq = r.seq &+ 1
            }
            prev = r.hash
            lastMonotonic = r.monotonicNs
            expectedSeq &+= 1
        }
        guard let last = records.last else { return .bad(seq: expectedSeq, reason: "no records") }
        if let lastSeq = options.expectedLastSeq, lastSeq != last.seq {
            if last.seq < lastSeq {
                return .bad(seq: last.seq &+ 1, reason: "truncated: chain ends at seq \(last.seq), expected through seq \(lastSeq)")
            }
            return .bad(seq: lastSeq &+ 1, reason: "chain continues past the expected last seq \(lastSeq)")
        }
        if let head = options.expectedHead, head != last.hash {
            return .bad(seq: last.seq &+ 1, reason: "head \(last.hash.hex) is not the expected head \(head.hex) (tail truncated or replaced)")
        }
        return .ok(count: records.count, head: last.hash)
    }

    static func bindingMismatch(_ got: AuditBinding, _ expected: AuditBinding) -> String {
        if got.kernelBuild != expected.kernelBuild { return "genesis binds kernel build \(got.kernelBuild.hex), expected \(expected.kernelBuild.hex)" }
        if got.policy != expected.policy { return "genesis binds policy \(got.policy.hex), expected \(expected.policy.hex)" }
        return "genesis binds model \(got.model.hex), expected \(expected.model.hex)"
    }
}
