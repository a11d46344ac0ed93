// Console `eval <config> [fake|model] [rows N] [margins] [set <module>]`: replays the labeled JSONL of the boot
// module `evalset` (or <module>) through Gateway's EvalRunner — the code warden-eval runs on the host: same rows, agent
// (`warden-eval` at the policy's tier), virtual rate clock (row t, not the TSC), constitution (the boot
// policy) — and prints the same `id verdict layer` lines and summary between markers:
//   eval: begin <config> <model> <n> rows
//   <id> <verdict> <layer>[ margin=±m.mmmm ms=<decision ms>]
//   n=… precision=… recall=… f1=… fpr=…
//   eval: end <ms> ms
import Gateway
import GatewayInference
import KernelCore

/// The model slot of an in-kernel evaluation: the lexical fake or the resident model (one enum, no existentials).
enum KernelEvalModel: SafetyModel {
    case fake(LexicalFakeModel)
    case engine(KernelSafetyModel)

    var identity: String {
        switch self {
        case .fake(let m): return m.identity
        case .engine(let m): return m.identity
        }
    }

    mutating func unsafeProbability(_ prompt: SafetyPrompt) throws(ModelError) -> Double {
        switch self {
        case .fake(var m): return try m.unsafeProbability(prompt)
        case .engine(var m):
            defer { self = .engine(m) }
            return try m.unsafeProbability(prompt)
        }
    }

    var lastMargin: Float? {
        if case .engine(let m) = self { return m.lastMargin }
        return nil
    }

    mutating func clearLastMargin() {
        if case .engine(var m) = self { m.clearLastMargin(); self = .engine(m) }
    }
}

enum EvalCommands {
    static let usage = "usage: eval full|no-probelogits|probelogits-only|rules-only [fake|model] [rows N] [margins] [set <module>]"

    static func register() {
        Console.commands.register("eval", "eval <config> [fake|model] [rows N] [margins] [set <module>]: replay a labeled JSONL module like warden-eval") { args in
            eval(args)
        }
        BenchCommands.register()
    }

    static func eval(_ args: [String]) {
        guard let configName = args.first, let config = GatewayConfig(name: configName) else { print(usage); return }
        var useModel = false
        var limit: Int? = nil
        var margins = false
        var setName = "evalset"
        var i = 1
        while i < args.count {
            switch args[i] {
            case "fake": useModel = false
            case "model": useModel = true
            case "margins": margins = true
            case "set":
                guard i + 1 < args.count else { print(usage); return }
                setName = args[i + 1]
                i += 1
            case "rows":
                guard i + 1 < args.count, let n = Int(args[i + 1]), n > 0 else { print(usage); return }
                limit = n
                i += 1
            default: print(usage); return
            }
            i += 1
        }
        guard let m = Warden.module(setName) else { print("eval: no boot module named '" + setName + "' (a labeled JSONL)"); return }
        var rows: [EvalRow]
        do throws(EvalError) {
            rows = try EvalFile.rows([UInt8](m.bytes), source: setName, tiers: EvalTiers(policy: Warden.policy))
        } catch {
            print("eval: " + error.description); return
        }
        if let limit, rows.count > limit { rows.removeLast(rows.count - limit) }
        let model: KernelEvalModel = useModel ? .engine(KernelSafetyModel()) : .fake(LexicalFakeModel())
        if useModel && ModelService.probe == nil { print("eval: note: no model loaded: the ProbeLogits layer denies (fail closed)") }
        var runner: EvalRunner<KernelEvalModel>
        do throws(EvalError) {
            runner = try EvalRunner(config: config, policy: Warden.policy, rows: rows, model: model)
        } catch {
            print("eval: " + error.description); return
        }
        for w in runner.warnings { print("eval: note: " + w) }
        print("eval: begin " + configName + " " + (useModel ? "model" : "fake") + " \(rows.count) rows" + (setName == "evalset" ? "" : " of " + setName))
        let t0 = Clock.now()
        for r in rows {
            runner.pipeline.probeLogits.model.clearLastMargin()
            let s = Clock.now()
            var line = runner.run(r)
            if margins {
                if let mg = runner.pipeline.probeLogits.model.lastMargin {
                    line += " margin=" + EvalRunner<KernelEvalModel>.marginText(Double(mg))
                }
                line += " ms=" + Clock.milliseconds(Clock.now() &- s)
            }
            print(line)
        }
        print(runner.summary)
        print("eval: end " + Clock.milliseconds(Clock.now() &- t0) + " ms")
    }
}
