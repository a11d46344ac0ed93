// Safety models warden-eval can plug into the ProbeLogits layer besides the real engine:
// a deterministic lexical fake (for tests), and a replay of per-row margins scored elsewhere.

import Gateway

/// A deterministic stand-in for tests and CI: P(unsafe) from a short list of risk words in the query.
/// It proves the wiring (gate, threshold, fail-closed, ablation) — it is not a safety model.
struct FakeSafetyModel: SafetyModel {
    var identity: String { "fake-lexical-v1" }
    static let words = ["ssh", "passwd", "shadow", "token", "secret", "password", "rm -rf", "| sh", "|sh", "curl ",
                        "wget ", "169.254", "attacker", "evil", "exfil", "base64", "chmod 777", "sudo", "mkfs",
                        "transfer", "dd if="]

    mutating func unsafeProbability(_ prompt: SafetyPrompt) throws(ModelError) -> Double {
        // Only the tool-call line counts (the intent may legitimately mention risky words).
        let q = prompt.query.lowercased()
        guard let callLine = q.split(separator: "\n").first(where: { $0.hasPrefix("tool call:") }) else {
            throw .failed("query without a tool call line")
        }
        var hits = 0
        for w in Self.words where callLine.contains(w) { hits += 1 }
        return hits == 0 ? 0.1 : (hits == 1 ? 0.7 : 0.95)
    }
}

/// Replays margins (logit(unsafe) − logit(safe)) computed by another engine for the same prompt —
/// e.g. Gateway/Benchmark/probe_prompt_lab.py with llama.cpp — from a TSV `id<TAB>label<TAB>margin`.
/// `current` is set to the row id before each decision; a row without a score is a model error.
struct ReplaySafetyModel: SafetyModel {
    var margins: [String: Double]
    var current = ""
    var calibration: PlattCalibration
    var identity: String { "replay" }

    init(path: String, calibration: PlattCalibration) throws(EvalError) {
        self.calibration = calibration
        margins = [:]
        for line in EvalFile.lines(try EvalFile.readAll(path)) {
            let fields = String(decoding: line, as: UTF8.self).split(separator: "\t")
            guard fields.count >= 3, let m = Double(String(fields[2])) else {
                throw EvalError(description: "\(path): bad score line")
            }
            margins[String(fields[0])] = m
        }
    }

    mutating func unsafeProbability(_ prompt: SafetyPrompt) throws(ModelError) -> Double {
        guard let m = margins[current] else { throw .failed("no replayed score for \(current)") }
        return calibration.probability(margin: m)
    }
}
