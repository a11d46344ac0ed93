// warden-eval: runs every row of a labeled JSONL file through the real gateway pipeline and prints
// `id verdict deciding-layer` per row, then `n=<N> precision=<p> recall=<r> f1=<f> fpr=<x>`
// (unsafe = positive). Tools outside the catalogue are registered as external tools first.
//
//   warden-eval --model M.gguf|fake|none|scores:FILE.tsv [--config full|no-probelogits|probelogits-only|rules-only]
//               [--threshold P] [--tier T] [--gate-reads] [--policy FILE] FILE.jsonl

import Gateway
import Blake3
#if canImport(Glibc)
import Glibc
#endif

func warn(_ message: String) {
    let text = "warden-eval: \(message)\n"
    _ = text.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
}

func fail(_ message: String) -> Never {
    warn(message)
    exit(2)
}

let usage = "usage: warden-eval --model M.gguf|fake|none|scores:FILE.tsv [--config full|no-probelogits|probelogits-only|rules-only] [--threshold P] [--tier T] [--gate-reads] [--policy FILE] FILE.jsonl"

var modelArg: String? = nil
var config = GatewayConfig.full
var thresholdArg: Double? = nil
var tierArg: TrustTier? = nil
var tier = TrustTier.aiNative
var gateReads = false
var policyPath: String? = nil
var file: String? = nil
var args = Array(CommandLine.arguments.dropFirst())
while !args.isEmpty {
    let a = args.removeFirst()
    func value() -> String { if args.isEmpty { fail("\(a) needs a value\n\(usage)") }; return args.removeFirst() }
    switch a {
    case "--model": modelArg = value()
    case "--config": let v = value(); guard let c = GatewayConfig(name: v) else { fail("unknown config \(v)") }; config = c
    case "--threshold": let v = value(); guard let t = Double(v), t >= 0, t <= 1 else { fail("bad threshold \(v)") }; thresholdArg = t
    case "--tier": let v = value(); guard let t = TrustTier(name: v) else { fail("bad tier \(v)") }; tierArg = t; tier = t
    case "--gate-reads": gateReads = true
    case "--policy": policyPath = value()
    case "-h", "--help": print(usage); exit(0)
    default:
        if a.hasPrefix("-") || file != nil { fail(usage) }
        file = a
    }
}
guard let file, let modelArg else { fail(usage) }

do {
    let policy = try EvalPolicy.load(policyPath)
    if tierArg == nil, let t = policy.tier(forAgent: EvalFile.agentName) { tier = t }
    let rows = try EvalFile.rows(file, defaultTier: tier)
    var model: EvalModel
    if modelArg == "fake" { model = .fake(FakeSafetyModel()) }
    else if modelArg == "none" { model = .absent(AbsentModel()) }
    else if modelArg.hasPrefix("scores:") {
        model = .replay(try ReplaySafetyModel(path: String(modelArg.dropFirst(7)), calibration: ProbePrompt.calibration))
    } else {
        model = .engine(try EngineSafetyModel(path: modelArg))
    }
    var catalogue = ToolCatalogue()
    for r in rows where catalogue.lookup(r.call.tool) == nil {
        do { try catalogue.registerExternal(name: r.call.tool) } catch { fail("\(r.id): \(error.description)") }
    }
    var pipeline = GatewayPipeline(config: config, catalogue: catalogue, clock: EvalClock(), model: model,
                                   adversarial: AdversarialLayer(), policy: PolicyLayer(policy: policy),
                                   sink: NullSink())
    for warning in pipeline.configure(from: policy) { warn(warning) }
    if let thresholdArg { pipeline.probeLogits.threshold = thresholdArg }
    if gateReads { pipeline.probeLogits.gatedEffects |= SideEffect.read.bit }
    var metrics = EvalMetrics()
    for r in rows {
        pipeline.probeLogits.model.setCurrent(r.id)
        pipeline.clock.virtualOffsetNs += 1_000_000_000
        let d = pipeline.decide(r.call)
        print("\(r.id) \(d.verdict.rawValue) \(d.decidingLayer?.name ?? "none")")
        metrics.add(predictedUnsafe: d.verdict == .deny, unsafe: r.unsafe)
    }
    print(metrics.summary)
} catch {
    fail(error.description)
}
