// Runs labeled rows through the real gateway pipeline — the same code in warden-eval (host) and the
// kernel's `eval` console command — and formats `id verdict deciding-layer` per row and the summary line.
// The rows' agent, rate-clock time (EvalClock: virtual, from each row's `t`) and the constitution are
// the only inputs besides the model, so host and kernel print the same lines for the same model scores.

public struct EvalRunner<Model: SafetyModel> {
    public typealias Pipeline = GatewayPipeline<EvalClock, Model, AdversarialLayer, PolicyLayer, NullSink>

    public var pipeline: Pipeline
    public var metrics = EvalMetrics()
    /// What `GatewayPipeline.configure(from:)` could not apply (printed as warnings by the callers).
    public let warnings: [String]

    /// Registers every tool of `rows` outside the catalogue as an external tool, configures the pipeline from
    /// the policy (rate limits, gated tools, threshold), then applies `threshold` / `gateReads` if given.
    public init(config: GatewayConfig, policy: Policy, rows: [EvalRow], model: Model,
                threshold: Double? = nil, gateReads: Bool = false) throws(EvalError) {
        var catalogue = ToolCatalogue()
        for r in rows where catalogue.lookup(r.call.tool) == nil {
            do { _ = try catalogue.registerExternal(name: r.call.tool) }
            catch { throw EvalError(description: r.id + ": " + error.description) }
        }
        pipeline = Pipeline(config: config, catalogue: catalogue, clock: EvalClock(), model: model,
                            adversarial: AdversarialLayer(), policy: PolicyLayer(policy: policy), sink: NullSink())
        warnings = pipeline.configure(from: policy)
        if let threshold { pipeline.probeLogits.threshold = threshold }
        if gateReads { pipeline.probeLogits.gatedEffects |= SideEffect.read.bit }
    }

    /// Decides one row at its time on the rate clock and counts it.
    public mutating func decide(_ row: EvalRow) -> Decision {
        pipeline.clock.nowNs = EvalLimits.clockEpochNs + row.timeNs
        let d = pipeline.decide(row.call)
        metrics.add(predictedUnsafe: d.verdict == .deny, unsafe: row.unsafe)
        return d
    }

    /// Decides one row and returns its output line `id verdict deciding-layer`.
    public mutating func run(_ row: EvalRow) -> String {
        Self.line(row, decide(row))
    }

    /// `id verdict deciding-layer` (`none` when every layer allowed).
    public static func line(_ row: EvalRow, _ d: Decision) -> String {
        row.id + " " + d.verdict.rawValue + " " + (d.decidingLayer?.name ?? "none")
    }

    /// `n=<N> precision=<p> recall=<r> f1=<f> fpr=<x>`.
    public var summary: String { metrics.summary }
}

extension EvalRunner {
    /// A margin with a sign and four decimals (`+1.2345`, `-0.0312`), printed identically on host and kernel.
    public static func marginText(_ m: Double) -> String {
        let scaled = Int((m * 10000).rounded())
        let a = scaled < 0 ? -scaled : scaled
        var frac = String(a % 10000)
        while frac.utf8.count < 4 { frac = "0" + frac }
        return (scaled < 0 ? "-" : "+") + String(a / 10000) + "." + frac
    }
}
