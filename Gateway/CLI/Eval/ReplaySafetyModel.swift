// Replays margins (logit(unsafe) − logit(safe)) computed by another engine for the same prompt —
// e.g. Gateway/Benchmark/probe_prompt_lab.py with llama.cpp — from a TSV `id<TAB>label<TAB>margin`.
// `current` is set to the row id before each decision; a row without a score is a model error.

import Gateway

struct ReplaySafetyModel: SafetyModel {
    var margins: [String: Double]
    var current = ""
    var calibration: PlattCalibration
    var identity: String { "replay" }

    init(path: String, calibration: PlattCalibration) throws(EvalError) {
        self.calibration = calibration
        margins = [:]
        for line in EvalFile.lines(try EvalFile.read(path)) {
            let fields = String(decoding: line.bytes, as: UTF8.self).split(separator: "\t")
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
