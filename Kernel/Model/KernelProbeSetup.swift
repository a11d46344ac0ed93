// The ProbeLogits configuration shared by KernelSafetyModel and `model probe`: identical to warden-eval's
// EngineSafetyModel (Gateway/CLI/Eval/EngineSafetyModel.swift): verbalizers = first tokens of
// ProbePrompt.safeWord / ProbePrompt.unsafeWord, α = 0 (no contextual calibration), threshold 0.5,
// no content-free input, specials not parsed; the probability comes from ProbePrompt.calibration.
import Gateway
import Inference

enum KernelProbeSetup {
    static func makeProbe(model: Transformer, tokenizer: Tokenizer) throws(InferenceError) -> TextProbe {
        // First tokens of the verbalizers (" BAD" encodes as " B" + "AD").
        let unsafeIds = tokenizer.encode(ProbePrompt.unsafeWord)
        let unsafeFirst = String(decoding: tokenizer.piece(unsafeIds.isEmpty ? 0 : unsafeIds[0]), as: UTF8.self)
        return try TextProbe(model: model, tokenizer: tokenizer,
                             classes: [(name: "safe", verbalizers: [ProbePrompt.safeWord]),
                                       (name: "unsafe", verbalizers: [unsafeFirst])],
                             unsafeClass: "unsafe", alpha: 0, threshold: 0.5, contentFree: nil,
                             parseSpecial: false)
    }
}
