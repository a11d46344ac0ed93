// Layer 5: the ProbeLogits gate. For tools whose side-effect class is gated, asks the safety model
// for P(unsafe) of the call and denies above the threshold. Fails closed: no model or a model
// error denies every gated call, and the reason says why.

public struct ProbeLogitsLayer<Model: SafetyModel> {
    public var model: Model
    /// Deny when P(unsafe) > threshold.
    public var threshold: Double
    /// How the model is asked (`probelogits design` in the policy); the prompt carries it to the model.
    public var design: ProbeDesign = .verbalizer
    /// Bit set of `SideEffect.bit` values the gate applies to.
    public var gatedEffects: UInt16
    /// Per-tool override by catalogue index (set from the policy); nil = gate by side-effect class.
    /// Tools registered after it was set fall back to their class.
    public var gatedTools: [Bool]? = nil

    /// Default gated classes: everything with side effects beyond reading/logging.
    public static var defaultGatedEffects: UInt16 {
        SideEffect.write.bit | SideEffect.destructive.bit | SideEffect.network.bit
            | SideEffect.exec.bit | SideEffect.external.bit
    }

    public init(model: Model, threshold: Double = GatewayLimits.probeDefaultThreshold,
                gatedEffects: UInt16 = Self.defaultGatedEffects) {
        self.model = model
        self.threshold = threshold
        self.gatedEffects = gatedEffects
    }

    public func gates(_ tool: ToolSpec) -> Bool { gatedEffects & tool.sideEffect.bit != 0 }

    public func gates(_ tool: ToolSpec, index: Int) -> Bool {
        if let g = gatedTools, index < g.count { return g[index] }
        return gates(tool)
    }

    /// `canonicalArguments` are the call's arguments in canonical JSON (the pipeline computes them once);
    /// `index` is the tool's catalogue index (for per-tool gating), -1 if unknown.
    public mutating func evaluate(_ call: ToolCall, tool: ToolSpec, index: Int = -1,
                                  canonicalArguments: [UInt8]) -> LayerOutcome {
        guard index >= 0 ? gates(tool, index: index) : gates(tool) else { return .pass }
        let prompt = SafetyPrompt(prefix: ProbePrompt.prefix,
                                  query: ProbePrompt.query(call, canonicalArguments: canonicalArguments),
                                  scored: ProbePrompt.scored(call, canonicalArguments: canonicalArguments),
                                  design: design)
        let p: Double
        do {
            p = try model.unsafeProbability(prompt)
        } catch {
            return .deny(reason: "probelogits: \(error.description); fail closed for \(tool.sideEffect.name) tool")
        }
        guard p >= 0 && p <= 1 else {
            return .deny(reason: "probelogits: model returned invalid probability; fail closed")
        }
        if p > threshold {
            return .deny(reason: "probelogits: P(unsafe)=\(GatewayMath.fixed(p)) > \(GatewayMath.fixed(threshold))")
        }
        return .pass
    }
}
