// warden-eval: runs every row of a labeled JSONL file through the real gateway pipeline and prints
// `id verdict deciding-layer` per row, then `n=<N> precision=<p> recall=<r> f1=<f> fpr=<x>`
// (unsafe = positive). The run itself is Gateway's EvalRunner (the kernel's `eval` command runs the
// same code); this file only parses arguments, reads files and prints.
//
//   warden-eval --model M.gguf|fake|none|scores:FILE.tsv [--config full|no-probelogits|probelogits-only|rules-only]
//               [--threshold P] [--tier T] [--gate-reads] [--policy FILE] [--kernels reference|avx2|avx512]
//               [--probe verbalizer|likelihood] [--margins] [--rows N] FILE.jsonl
// --probe picks how the model is asked (ProbeDesign), overriding the policy's `probelogits design` (default verbalizer).
// --margins appends ` margin=±m` (rows the model decided) and ` ms=t` (wall time of the row) to each row line.

import Gateway
import Inference
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

func monotonicNs() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// "12.345" (ms with three decimals), the kernel's `eval … margins` format.
func milliseconds(_ ns: UInt64) -> String {
    var frac = String(ns / 1000 % 1000)
    while frac.count < 3 { frac = "0" + frac }
    return String(ns / 1_000_000) + "." + frac
}

let usage = "usage: warden-eval --model M.gguf|fake|none|scores:FILE.tsv [--config full|no-probelogits|probelogits-only|rules-only] [--threshold P] [--tier T] [--gate-reads] [--policy FILE] [--kernels reference|avx2|avx512] [--probe verbalizer|likelihood] [--margins] [--rows N] FILE.jsonl"
let defaultPolicyPath = "Gateway/Data/constitution.policy"

var modelArg: String? = nil
var config = GatewayConfig.full
var thresholdArg: Double? = nil
var tierArg: TrustTier? = nil
var gateReads = false
var policyPath = defaultPolicyPath
var kernels: KernelTier? = nil
var showMargins = false
var designArg: ProbeDesign? = nil
var rowLimit: Int? = nil
var file: String? = nil
var args = Array(CommandLine.arguments.dropFirst())
while !args.isEmpty {
    let a = args.removeFirst()
    func value() -> String { if args.isEmpty { fail("\(a) needs a value\n\(usage)") }; return args.removeFirst() }
    switch a {
    case "--model": modelArg = value()
    case "--config": let v = value(); guard let c = GatewayConfig(name: v) else { fail("unknown config \(v)") }; config = c
    case "--threshold": let v = value(); guard let t = Double(v), t >= 0, t <= 1 else { fail("bad threshold \(v)") }; thresholdArg = t
    case "--tier": let v = value(); guard let t = TrustTier(name: v) else { fail("bad tier \(v)") }; tierArg = t
    case "--gate-reads": gateReads = true
    case "--policy": policyPath = value()
    case "--kernels":
        let v = value()
        guard let k = KernelTier.allCases.first(where: { $0.name == v || ($0 == .avx512 && v == "avx512") }) else { fail("bad kernels \(v)") }
        kernels = k
    case "--margins": showMargins = true
    case "--probe": let v = value(); guard let d = ProbeDesign(rawValue: v) else { fail("bad probe design \(v)") }; designArg = d
    case "--rows": let v = value(); guard let n = Int(v), n > 0 else { fail("bad row count \(v)") }; rowLimit = n
    case "-h", "--help": print(usage); exit(0)
    default:
        if a.hasPrefix("-") || file != nil { fail(usage) }
        file = a
    }
}
guard let file, let modelArg else { fail(usage) }

do throws(EvalError) {
    let text = String(decoding: try EvalFile.read(policyPath), as: UTF8.self)
    let policy: Policy
    do { policy = try Policy.parse(text) } catch { throw EvalError(description: "\(policyPath): \(error)") }
    var rows = try EvalFile.rows(try EvalFile.read(file), source: file, tiers: EvalTiers(override: tierArg, policy: policy))
    if let rowLimit, rows.count > rowLimit { rows.removeLast(rows.count - rowLimit) }
    var model: EvalModel
    if modelArg == "fake" { model = .fake(LexicalFakeModel()) }
    else if modelArg == "none" { model = .absent(AbsentModel()) }
    else if modelArg.hasPrefix("scores:") {
        model = .replay(try ReplaySafetyModel(path: String(modelArg.dropFirst(7)), calibration: ProbePrompt.calibration))
    } else {
        model = .engine(try EngineLoader.load(path: modelArg, kernels: kernels))
    }
    var runner = try EvalRunner(config: config, policy: policy, rows: rows, model: model,
                                threshold: thresholdArg, gateReads: gateReads)
    if let designArg { runner.pipeline.probeLogits.design = designArg }
    for w in runner.warnings { warn(w) }
    for r in rows {
        runner.pipeline.probeLogits.model.setCurrent(r.id)
        let t0 = monotonicNs()
        var line = runner.run(r)
        if showMargins {
            if let m = runner.pipeline.probeLogits.model.lastMargin { line += " margin=" + EvalRunner<EvalModel>.marginText(m) }
            line += " ms=" + milliseconds(monotonicNs() - t0)
        }
        print(line)
    }
    print(runner.summary)
} catch {
    fail(error.description)
}
