// The pipeline's answer for one call: verdict, deciding layer, reason and per-layer latency.

/// Nanoseconds spent in each layer (0 for layers that did not run).
public struct LayerLatencies: Equatable, Sendable {
    public var schema: UInt64 = 0
    public var trustTier: UInt64 = 0
    public var rateLimit: UInt64 = 0
    public var adversarial: UInt64 = 0
    public var probeLogits: UInt64 = 0
    public var policy: UInt64 = 0

    public init() {}

    public subscript(layer: LayerID) -> UInt64 {
        get {
            switch layer {
            case .schema: return schema
            case .trustTier: return trustTier
            case .rateLimit: return rateLimit
            case .adversarial: return adversarial
            case .probeLogits: return probeLogits
            case .policy: return policy
            }
        }
        set {
            switch layer {
            case .schema: schema = newValue
            case .trustTier: trustTier = newValue
            case .rateLimit: rateLimit = newValue
            case .adversarial: adversarial = newValue
            case .probeLogits: probeLogits = newValue
            case .policy: policy = newValue
            }
        }
    }

    public var total: UInt64 { schema + trustTier + rateLimit + adversarial + probeLogits + policy }
}

public struct Decision: Equatable, Sendable {
    public var verdict: Verdict
    /// The layer that denied; nil when every enabled layer passed (or, with verdict deny, when the
    /// decision could not be recorded — see `GatewayPipeline.decide`).
    public var decidingLayer: LayerID?
    /// Why (empty on allow).
    public var reason: String
    public var latencies: LayerLatencies
    /// Monotonic time the call entered the gateway (ns).
    public var startNs: UInt64

    /// The deciding layer as recorded in audit records and ABI codes: 0 = allowed, 1...6 = layer.
    public var layerNumber: UInt8 { UInt8(decidingLayer?.rawValue ?? 0) }
}
