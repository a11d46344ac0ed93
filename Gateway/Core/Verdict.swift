// The outcome of one gateway layer and of the whole pipeline.

/// The six layers, in evaluation order (raw value = layer number used in audit records and ABI codes).
public enum LayerID: Int, Sendable, CaseIterable {
    case schema = 1
    case trustTier = 2
    case rateLimit = 3
    case adversarial = 4
    case probeLogits = 5
    case policy = 6

    public var name: String {
        switch self {
        case .schema: return "schema"
        case .trustTier: return "trust-tier"
        case .rateLimit: return "rate-limit"
        case .adversarial: return "adversarial"
        case .probeLogits: return "probelogits"
        case .policy: return "policy"
        }
    }
}

/// What one layer says about a call.
public enum LayerOutcome: Equatable, Sendable {
    /// The layer has no objection; later layers still run.
    case pass
    /// The layer denies the call; evaluation stops here. The reason is short, human-readable
    /// and goes into the audit record.
    case deny(reason: String)
}

public enum Verdict: String, Sendable {
    case allow
    case deny
}
