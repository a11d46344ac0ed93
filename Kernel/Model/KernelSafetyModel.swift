// The gateway's SafetyModel in the kernel: ProbeLogits on the resident model, fail-closed (.absent) until loaded.
import Gateway
import Inference

/// Mirrors warden-eval's EngineSafetyModel (Gateway/CLI/Eval) exactly: TextProbe over the prompt's fixed prefix
/// (KV reused) and per-call query, margin of the first tokens of ProbePrompt.unsafeWords vs ProbePrompt.safeWords,
/// α = 0, calibrated by ProbePrompt.calibration — so kernel and host give the same verdicts on the same model.
struct KernelSafetyModel: SafetyModel {
    init() {}

    /// The loaded model's identity (module name + size + crc32), or "none".
    var identity: String { ModelService.identity }

    mutating func unsafeProbability(_ prompt: SafetyPrompt) throws(ModelError) -> Double {
        guard let probe = ModelService.probe else { throw .absent }
        do {
            let r = try probe.classify(prefix: prompt.prefix, query: prompt.query)
            return ProbePrompt.calibration.probability(margin: Double(r.margin))
        } catch {
            throw .failed("\(error)")
        }
    }
}
