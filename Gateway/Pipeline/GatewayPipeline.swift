// The gateway: runs the enabled layers in order (schema → tier → rate → adversarial → ProbeLogits
// → policy), stops at the first deny, records the deciding layer and per-layer latency, and hands
// every decision to the sink (the audit log). If the sink fails, the call is denied.

public struct GatewayPipeline<Clock: MonotonicClock, Model: SafetyModel, AdversarialStage: ContentLayer,
                              PolicyStage: ContentLayer, Sink: DecisionSink> {
    public var config: GatewayConfig
    public var catalogue: ToolCatalogue
    public var clock: Clock
    public let schema = SchemaLayer()
    public let trustTier = TrustTierLayer()
    public var rateLimit: RateLimitLayer
    public var adversarial: AdversarialStage
    public var probeLogits: ProbeLogitsLayer<Model>
    public var policy: PolicyStage
    public var sink: Sink
    /// Reused buffer for the canonical arguments (no allocation once warmed up).
    var canonical: [UInt8] = []

    public init(config: GatewayConfig = .full, catalogue: ToolCatalogue = ToolCatalogue(), clock: Clock,
                model: Model, adversarial: AdversarialStage, policy: PolicyStage, sink: Sink,
                rateLimit: RateLimitLayer = RateLimitLayer()) {
        self.config = config
        self.catalogue = catalogue
        self.clock = clock
        self.rateLimit = rateLimit
        self.adversarial = adversarial
        self.probeLogits = ProbeLogitsLayer(model: model)
        self.policy = policy
        self.sink = sink
        canonical.reserveCapacity(4096)
    }

    /// Decides one call and records the decision.
    public mutating func decide(_ call: ToolCall) -> Decision {
        let start = clock.nanoseconds()
        var decision = Decision(verdict: .allow, decidingLayer: nil, reason: "", latencies: LayerLatencies(), startNs: start)
        canonical.removeAll(keepingCapacity: true)
        JSONWriter.canonical(call.arguments, into: &canonical)
        evaluate(call, &decision, start)
        if case .failed(let why) = sink.record(call, decision, canonicalArguments: canonical) {
            // Deny with no deciding layer: the ABI reports this as "audit unavailable".
            decision.verdict = .deny
            decision.reason = "audit append failed: " + why
        }
        return decision
    }

    mutating func evaluate(_ call: ToolCall, _ d: inout Decision, _ start: UInt64) {
        var t = start
        // Layer 1. An unknown tool is denied here even if the layer is disabled: nothing after
        // it can work without a catalogue entry.
        guard let index = catalogue.lookup(call.tool) else {
            _ = finish(.schema, schema.evaluate(call, tool: nil), &d, &t)
            return
        }
        let tool = catalogue[index]
        if config.runs(.schema), finish(.schema, schema.evaluate(call, tool: tool), &d, &t) { return }
        if config.runs(.trustTier), finish(.trustTier, trustTier.evaluate(call, tool: tool), &d, &t) { return }
        if config.runs(.rateLimit),
           finish(.rateLimit, rateLimit.evaluate(call, toolIndex: index, rate: tool.rateLimit, now: t), &d, &t) { return }
        if config.runs(.adversarial), finish(.adversarial, adversarial.evaluate(call), &d, &t) { return }
        if config.runs(.probeLogits),
           finish(.probeLogits, probeLogits.evaluate(call, tool: tool, index: index, canonicalArguments: canonical), &d, &t) { return }
        if config.runs(.policy), finish(.policy, policy.evaluate(call), &d, &t) { return }
    }

    /// Records the layer's latency; on deny fills the decision and returns true (stop).
    mutating func finish(_ layer: LayerID, _ outcome: LayerOutcome, _ d: inout Decision, _ t: inout UInt64) -> Bool {
        let now = clock.nanoseconds()
        d.latencies[layer] = now &- t
        t = now
        if case .deny(let reason) = outcome {
            d.verdict = .deny
            d.decidingLayer = layer
            d.reason = reason
            return true
        }
        return false
    }
}
