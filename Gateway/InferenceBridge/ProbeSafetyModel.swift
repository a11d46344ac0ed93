// The gateway's SafetyModel over the Inference engine — the one adapter warden-eval (host) and the kernel
// use: TextProbe over ProbePrompt's fixed prefix (KV prefilled once, reused) and the per-call query; the
// classes are the first tokens of ProbePrompt.safeWords / ProbePrompt.unsafeWords (a word longer than one token counts as its first), α = 0
// (no contextual calibration, no content-free input), specials not parsed; P(unsafe) is
// ProbePrompt.calibration of the raw margin. When the prompt's design is `.likelihood` the same engine instead
// scores the prompt's ScoredCall: margin = −(log P(call | context) − log P(call | baseline)) / tokens(call),
// calibrated by ProbePrompt.likelihoodCalibration. Any engine error is a ModelError: the layer fails closed.
import Gateway
import Inference

public struct ProbeSafetyModel: SafetyModel {
    /// The ready probe; nil means no model (every gated call is denied: ModelError.absent).
    public let probe: TextProbe?
    /// Recorded in the audit genesis (a path on the host, "model:<size>:<crc32>" in the kernel).
    public let identity: String
    /// The raw margin logit(unsafe) − logit(safe) of the last decision (nil before the first or after an error).
    public private(set) var lastMargin: Float? = nil

    public init(probe: TextProbe?, identity: String) {
        self.probe = probe
        self.identity = identity
    }

    /// Builds the engine, tokenizer and probe over a GGUF image in memory (the host maps a file; the bytes
    /// must outlive the model: weights are zero-copy views).
    public init(gguf bytes: UnsafeRawBufferPointer, kernels: KernelTier, identity: String) throws(ProbeModelError) {
        let gguf: GGUFFile
        let model: Transformer
        let tokenizer: Tokenizer
        do { gguf = try GGUFFile(bytes: bytes) } catch { throw ProbeModelError("GGUF: \(error)") }
        do { model = try Transformer(gguf: gguf, kernels: QuantKernels(tier: kernels)) } catch { throw ProbeModelError("engine: \(error)") }
        do { tokenizer = try Tokenizer(gguf: gguf) } catch { throw ProbeModelError("tokenizer: \(error)") }
        do { self.init(probe: try Self.makeProbe(model: model, tokenizer: tokenizer), identity: identity) }
        catch { throw ProbeModelError("probe: \(error)") }
    }

    /// The probe configuration described at the top of this file.
    public static func makeProbe(model: Transformer, tokenizer: Tokenizer) throws(InferenceError) -> TextProbe {
        // First token of each verbalizer word (a multi-token word counts as its first token).
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

    /// Forgets the last margin (before a call the layer may not gate, so a stale margin is not reported).
    public mutating func clearLastMargin() { lastMargin = nil }

    public mutating func unsafeProbability(_ prompt: SafetyPrompt) throws(ModelError) -> Double {
        lastMargin = nil
        guard let probe else { throw .absent }
        switch prompt.design {
        case .verbalizer:
            do {
                let r = try probe.classify(prefix: prompt.prefix, query: prompt.query)
                lastMargin = r.margin
                return ProbePrompt.calibration.probability(margin: Double(r.margin))
            } catch {
                throw .failed("\(error)")
            }
        case .likelihood:
            guard let s = prompt.scored else { throw .failed("the likelihood probe needs the call's scored text") }
            do {
                let with = try probe.logLikelihood(of: s.call, after: s.context)
                let without = try probe.logLikelihood(of: s.call, after: s.baseline)
                let margin = (without.total - with.total) / Double(with.tokens)
                lastMargin = Float(margin)
                return ProbePrompt.likelihoodCalibration.probability(margin: margin)
            } catch {
                throw .failed("\(error)")
            }
        }
    }
}

/// Why the engine could not be built from a GGUF image.
public struct ProbeModelError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
