// Which layers a pipeline runs: the full gateway and the three ablation configurations.

public struct GatewayConfig: Equatable, Sendable {
    /// Bit (1 << layer number) per enabled layer.
    public var enabled: UInt8

    public init(layers: [LayerID]) {
        enabled = 0
        for l in layers { enabled |= 1 << UInt8(l.rawValue) }
    }

    public func runs(_ layer: LayerID) -> Bool { enabled & (1 << UInt8(layer.rawValue)) != 0 }

    /// All six layers.
    public static let full = GatewayConfig(layers: LayerID.allCases)
    /// Everything but the model: schema, tier, rate, adversarial pre-filter, policy.
    public static let noProbeLogits = GatewayConfig(layers: [.schema, .trustTier, .rateLimit, .adversarial, .policy])
    /// The model with only the structural layers in front of it: schema, tier, rate, ProbeLogits.
    public static let probeLogitsOnly = GatewayConfig(layers: [.schema, .trustTier, .rateLimit, .probeLogits])
    /// The structural rules alone: schema, tier, rate (no content analysis at all).
    public static let rulesOnly = GatewayConfig(layers: [.schema, .trustTier, .rateLimit])

    /// The `--config` spellings of warden-eval.
    public init?(name: String) {
        switch name {
        case "full": self = .full
        case "no-probelogits": self = .noProbeLogits
        case "probelogits-only": self = .probeLogitsOnly
        case "rules-only": self = .rulesOnly
        default: return nil
        }
    }
}
