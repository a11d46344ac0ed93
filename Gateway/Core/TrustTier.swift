// Agent trust tiers, ordered System > AiNative > AiEnhanced > Classic (layer 2 compares them).

public enum TrustTier: Int, Comparable, Sendable, CaseIterable {
    case classic = 0
    case aiEnhanced = 1
    case aiNative = 2
    case system = 3

    public static func < (lhs: TrustTier, rhs: TrustTier) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The spelling used in policies, manifests and audit records.
    public var name: String {
        switch self {
        case .classic: return "classic"
        case .aiEnhanced: return "ai-enhanced"
        case .aiNative: return "ai-native"
        case .system: return "system"
        }
    }

    public init?(name: String) {
        switch name {
        case "classic": self = .classic
        case "ai-enhanced": self = .aiEnhanced
        case "ai-native": self = .aiNative
        case "system": self = .system
        default: return nil
        }
    }
}
