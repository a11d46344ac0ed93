// One audit record: common header (kind, segment, sequence, clocks, links) plus a kind-specific payload.

import Blake3

/// Record kinds; the raw value is the byte hashed in the record encoding (docs/audit-format.md).
public enum AuditRecordKind: UInt8, Sendable, CaseIterable {
    /// First record of a boot: binds the chain to the kernel build, the policy and the model.
    case genesis = 1
    /// One gateway decision.
    case decision = 2
    /// Last record of a full segment; its hash is the segment's head.
    case seal = 3

    public var name: String {
        switch self {
        case .genesis: return "genesis"
        case .decision: return "decision"
        case .seal: return "seal"
        }
    }

    public init?(name: String) {
        for kind in AuditRecordKind.allCases where kind.name == name { self = kind; return }
        return nil
    }
}

/// What a genesis record binds the boot's chain to (each a BLAKE3 digest).
public struct AuditBinding: Equatable, Sendable {
    public var kernelBuild: Blake3Digest
    public var policy: Blake3Digest
    public var model: Blake3Digest

    public init(kernelBuild: Blake3Digest, policy: Blake3Digest, model: Blake3Digest) {
        self.kernelBuild = kernelBuild
        self.policy = policy
        self.model = model
    }
}

/// Per-layer latency in nanoseconds, layers 1...6 (index = LayerID.rawValue - 1); 0 = layer not run.
public struct AuditLatencies: Equatable, Sendable {
    /// Lanes 0...5 hold layers 1...6; lanes 6 and 7 are always zero.
    public private(set) var lanes: SIMD8<UInt64>

    public init() { lanes = .zero }

    public init(_ l1: UInt64, _ l2: UInt64, _ l3: UInt64, _ l4: UInt64, _ l5: UInt64, _ l6: UInt64) {
        lanes = SIMD8(l1, l2, l3, l4, l5, l6, 0, 0)
    }

    public subscript(layer: LayerID) -> UInt64 {
        get { lanes[layer.rawValue - 1] }
        set { lanes[layer.rawValue - 1] = newValue }
    }

    /// Layer by index 0...5.
    public subscript(index index: Int) -> UInt64 {
        get { precondition(index >= 0 && index < 6, "latency index out of range"); return lanes[index] }
        set { precondition(index >= 0 && index < 6, "latency index out of range"); lanes[index] = newValue }
    }
}

/// The fields of one gateway decision.
public struct AuditDecision: Equatable, Sendable {
    public var agent: String
    public var tool: String
    /// BLAKE3 of the canonical JSON form of the call's arguments.
    public var argumentsHash: Blake3Digest
    /// 0 = no layer denied (allowed); 1...6 = the denying LayerID's raw value.
    public var decidingLayer: UInt8
    public var verdict: Verdict
    public var reason: String
    public var latencies: AuditLatencies

    public init(agent: String, tool: String, argumentsHash: Blake3Digest, decidingLayer: UInt8,
                verdict: Verdict, reason: String, latencies: AuditLatencies) {
        self.agent = agent
        self.tool = tool
        self.argumentsHash = argumentsHash
        self.decidingLayer = decidingLayer
        self.verdict = verdict
        self.reason = reason
        self.latencies = latencies
    }
}

/// What a seal record says about the segment it closes.
public struct AuditSeal: Equatable, Sendable {
    /// Sequence number of the segment's first record.
    public var firstSeq: UInt64
    /// Records in the segment before the seal.
    public var recordCount: UInt64

    public init(firstSeq: UInt64, recordCount: UInt64) {
        self.firstSeq = firstSeq
        self.recordCount = recordCount
    }
}

public enum AuditPayload: Equatable, Sendable {
    case genesis(AuditBinding)
    case decision(AuditDecision)
    case seal(AuditSeal)

    public var kind: AuditRecordKind {
        switch self {
        case .genesis: return .genesis
        case .decision: return .decision
        case .seal: return .seal
        }
    }
}

/// What the gateway appends per decision: the clocks plus the decision fields.
public struct AuditEntry: Equatable, Sendable {
    /// Monotonic clock, nanoseconds since boot.
    public var monotonicNs: UInt64
    /// Wall clock, nanoseconds since the Unix epoch (may jump; informational).
    public var wallNs: Int64
    public var decision: AuditDecision

    public init(monotonicNs: UInt64, wallNs: Int64, decision: AuditDecision) {
        self.monotonicNs = monotonicNs
        self.wallNs = wallNs
        self.decision = decision
    }

    public init(monotonicNs: UInt64, wallNs: Int64, agent: String, tool: String, argumentsHash: Blake3Digest,
                decidingLayer: UInt8, verdict: Verdict, reason: String, latencies: AuditLatencies) {
        self.init(monotonicNs: monotonicNs, wallNs: wallNs,
                  decision: AuditDecision(agent: agent, tool: tool, argumentsHash: argumentsHash,
                                          decidingLayer: decidingLayer, verdict: verdict, reason: reason,
                                          latencies: latencies))
    }
}

/// A record as stored and exported. `hash` = BLAKE3 of the encoding of every other field
/// (including `prevHash`), see `AuditRecord.computeHash()` and docs/audit-format.md.
public struct AuditRecord: Equatable, Sendable {
    /// Global sequence number, 0 for the boot's genesis, +1 per record across segments.
    public var seq: UInt64
    /// Segment index, 0 for the first; +1 after every seal.
    public var segment: UInt32
    public var monotonicNs: UInt64
    public var wallNs: Int64
    public var payload: AuditPayload
    public var prevHash: Blake3Digest
    public var hash: Blake3Digest

    public var kind: AuditRecordKind { payload.kind }

    public init(seq: UInt64, segment: UInt32, monotonicNs: UInt64, wallNs: Int64, payload: AuditPayload,
                prevHash: Blake3Digest, hash: Blake3Digest) {
        self.seq = seq
        self.segment = segment
        self.monotonicNs = monotonicNs
        self.wallNs = wallNs
        self.payload = payload
        self.prevHash = prevHash
        self.hash = hash
    }

    /// A record with its hash computed from the other fields.
    public static func hashed(seq: UInt64, segment: UInt32, monotonicNs: UInt64, wallNs: Int64,
                              payload: AuditPayload, prevHash: Blake3Digest) -> AuditRecord {
        var r = AuditRecord(seq: seq, segment: segment, monotonicNs: monotonicNs, wallNs: wallNs,
                            payload: payload, prevHash: prevHash, hash: .zero)
        r.hash = r.computeHash()
        return r
    }
}
