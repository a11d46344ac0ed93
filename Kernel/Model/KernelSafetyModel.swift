// The gateway's SafetyModel in the kernel: a thin holder of the shared adapter GatewayInference.ProbeSafetyModel
// (the same code warden-eval runs on the host) over the resident model's probe; no probe → ModelError.absent.
import Gateway
import GatewayInference
import Inference

struct KernelSafetyModel: SafetyModel {
    /// Built over the model ModelService loaded at boot (construct after `ModelService.loadFromBootModules()`).
    var adapter = ProbeSafetyModel(probe: ModelService.probe, identity: ModelService.identity)

    init() {}

    /// The loaded model's identity (module name + size + crc32), or "none".
    var identity: String { adapter.identity }

    /// The raw margin of the last decision (nil before the first or after an error).
    var lastMargin: Float? { adapter.lastMargin }

    mutating func clearLastMargin() { adapter.clearLastMargin() }

    mutating func unsafeProbability(_ prompt: SafetyPrompt) throws(ModelError) -> Double {
        try adapter.unsafeProbability(prompt)
    }
}
