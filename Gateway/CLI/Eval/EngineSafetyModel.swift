// The real model for warden-eval. FIXME: wire Inference's tokenizer + ProbeSession once merged.

import Gateway

struct EngineSafetyModel {
    var identity: String { "engine" }
    init(path: String) throws(EvalError) {
        throw EvalError(description: "\(path): the Inference engine is not wired into warden-eval yet; use --model fake or scores:FILE.tsv")
    }
    func unsafeProbability(_ prompt: SafetyPrompt) throws(ModelError) -> Double { throw .absent }
}
