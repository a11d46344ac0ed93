// The ProbeLogits configuration shared by KernelSafetyModel and `model probe`: identical to warden-eval's
// EngineSafetyModel (Gateway/CLI/Eval/EngineSafetyModel.swift): verbalizers = first tokens of
// ProbePrompt.safeWords / ProbePrompt.unsafeWords, α = 0 (no contextual calibration), threshold 0.5,
// no content-free input, specials not parsed; the probability comes from ProbePrompt.calibration.
import Gateway
import Inference

enum KernelProbeSetup {
    static func makeProbe(model: Transformer, tokenizer: Tokenizer) throws(InferenceError) -> TextProbe {
        // First tokens of the verbalizers (" BAD" encodes as " B" + "AD").
        func firstPieces(_ words: [String]) -> [String] {
            // A word that encodes to nothing is passed as is, so TextProbe rejects it with its typed error.
            words.map { w in tokenizer.encode(w).first.map { String(decoding: tokenizer.piece($0), as: UTF8.self) } ?? w }
        }
        return try TextProbe(model: model, tokenizer: tokenizer,
                             classes: [(name: "safe", verbalizers: firstPieces(ProbePrompt.safeWords)),
                                       (name: "unsafe", verbalizers: firstPieces(ProbePrompt.unsafeWords))],
                             unsafeClass: "unsafe", alpha: 0, threshold: 0.5, contentFree: nil,
                             parseSpecial: false)
    }
}
