// The console `model` command: the resident model's summary, `model probe <text>` for one timed decision, and
// `model last`: the scores of the gate's last ProbeLogits decision (verbalizer design: read back from the engine's
// last logits; likelihood design: the margin the gate's adapter kept).
import AgentHost
import Gateway
import Inference
import KernelCore

enum ModelCommands {
    static func register() {
        Console.commands.register("model", "model summary; `model probe <text>`: one timed ProbeLogits decision; `model last`: its scores") { args in
            switch args.first {
            case "probe": probe(args.dropFirst())
            case "last": last()
            default: for line in ModelService.summary { print(line) }
            }
        }
    }

    /// Decides `text` as the query after the probe prefix (text + "\n" + ProbePrompt.cue, as every query ends), timed by TSC.
    static func probe(_ words: ArraySlice<String>) {
        var text = ""
        for w in words { text += (text.isEmpty ? "" : " ") + w }
        guard !text.isEmpty else { print("usage: model probe <text>"); return }
        guard text.utf8.count <= ModelLimits.maxConsoleQueryBytes else { print("model probe: text too long"); return }
        var m = KernelSafetyModel()
        let t0 = Clock.now()
        do {
            let p = try m.unsafeProbability(SafetyPrompt(prefix: ProbePrompt.prefix, query: text + "\n" + ProbePrompt.cue))
            print("model probe: p(unsafe) \(Int(p * 1000))e-3 in \(Clock.milliseconds(Clock.now() - t0)) ms")
        } catch {
            print("model probe: \(error) (the ProbeLogits layer would deny)")
        }
    }
}

extension ModelCommands {
    /// Prints the margin and P(unsafe) of the last decision the probe made (by the gate or `model probe`),
    /// recomputed from the engine's last-position logits exactly as ProbeSession.classify does for
    /// single-token verbalizers: class log-prob = logsumexp over its tokens of (logit − logsumexp(logits)),
    /// margin = unsafe class − strongest other class, p = ProbePrompt.calibration(margin).
    static func last() {
        guard let probe = ModelService.probe else { print("model last: no model loaded"); return }
        if let gate = Warden.system?.gate, gate.probeLogits.design == .likelihood {
            // The likelihood design (`probelogits design likelihood`): the gate's adapter kept the margin
            // (−mean PMI of the call with the request) of its last decision.
            guard let margin = gate.probeLogits.model.lastMargin else { print("model last: no decision yet"); return }
            let p = ProbePrompt.likelihoodCalibration.probability(margin: Double(margin))
            print("model last: margin " + fixed(Double(margin), 8) + " p(unsafe) " + fixed(p, 8) + " (likelihood design)")
            return
        }
        guard probe.preparedPrefix != nil else { print("model last: no decision yet"); return }
        let config = probe.session.config
        let logits = probe.session.model.logits
        var m = -Float.infinity
        for x in logits { m = max(m, x) }
        var s = 0.0
        for x in logits { s += FloatMath.exp(Double(x - m)) }
        let lse = Double(m) + FloatMath.log(s)
        var raw: [Float] = []
        for c in config.classes {
            var score = -Double.infinity
            for seq in c.sequences {
                guard seq.count == 1 else { print("model last: multi-token verbalizer in class " + c.name + " (not supported)"); return }
                let lp = Double(logits[Int(seq[0])]) - lse
                let hi = max(score, lp)
                score = score == -.infinity ? lp : hi + FloatMath.log(FloatMath.exp(score - hi) + FloatMath.exp(lp - hi))
            }
            raw.append(Float(score))
        }
        var other = -Float.infinity
        for k in raw.indices where k != config.unsafeClass { other = max(other, raw[k]) }
        let margin = raw[config.unsafeClass] - other
        let p = ProbePrompt.calibration.probability(margin: Double(margin))
        print("model last: margin " + fixed(Double(margin), 8) + " p(unsafe) " + fixed(p, 8) + " (\(probe.session.model.count) tokens in context)")
    }

    /// `x` with `digits` decimals (no Foundation formatting in the kernel).
    static func fixed(_ x: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let v = (abs(x) * scale + 0.5).rounded(.down)
        let whole = Int64(v / scale)
        var frac = String(Int64(v - Double(whole) * scale))
        while frac.utf8.count < digits { frac = "0" + frac }
        return (x < 0 ? "-" : "") + String(whole) + "." + frac
    }
}
