// ProbeLogits over text, the shape the Gateway's SafetyModel hook wants (prefix + query → p(unsafe)):
// tokenizes verbalizers and prompts, and re-prepares the prefix KV cache only when the prefix text changes.
public final class TextProbe {
    public let tokenizer: Tokenizer
    public let session: ProbeSession
    /// Content-free query used for contextual calibration after each new prefix (nil: no calibration).
    public let contentFree: String?
    /// Whether prompt text may contain special tokens such as `<|im_start|>` (verbalizers never do).
    public let parseSpecial: Bool
    public private(set) var preparedPrefix: String? = nil

    /// `classes`: (name, verbalizer texts), e.g. ("safe", [" safe", " Safe"]); `unsafeClass` names one of them.
    public init(model: Transformer, tokenizer: Tokenizer, classes: [(name: String, verbalizers: [String])],
                unsafeClass: String, alpha: Float, threshold: Float, contentFree: String?,
                parseSpecial: Bool = true) throws(InferenceError) {
        var verbalizers: [VerbalizerClass] = []
        var unsafeIndex: Int? = nil
        for (k, c) in classes.enumerated() {
            if c.name == unsafeClass { unsafeIndex = k }
            var seqs: [[Int32]] = []
            for v in c.verbalizers {
                let ids = tokenizer.encode(v)
                guard !ids.isEmpty else { throw .badProbe("verbalizer '\(v)' of class '\(c.name)' encodes to no tokens") }
                seqs.append(ids)
            }
            verbalizers.append(VerbalizerClass(name: c.name, sequences: seqs))
        }
        guard let u = unsafeIndex else { throw .badProbe("no class named '\(unsafeClass)'") }
        guard alpha == 0 || contentFree != nil else { throw .badProbe("alpha > 0 needs a content-free input") }
        self.tokenizer = tokenizer
        self.contentFree = contentFree
        self.parseSpecial = parseSpecial
        session = try ProbeSession(model: model, config: ProbeConfig(classes: verbalizers, unsafeClass: u,
                                                                     alpha: alpha, threshold: threshold))
    }

    /// One decision; the prefix is prefilled (and calibrated) only when it differs from the previous call's.
    public func classify(prefix: String, query: String) throws(InferenceError) -> ProbeResult {
        if preparedPrefix != prefix {
            preparedPrefix = nil
            let cf = contentFree.map { tokenizer.encode($0, parseSpecial: parseSpecial) }
            try session.prepare(prefix: tokenizer.encode(prefix, parseSpecial: parseSpecial), contentFree: cf)
            preparedPrefix = prefix
        }
        let ids = tokenizer.encode(query, parseSpecial: parseSpecial)
        guard !ids.isEmpty else { throw .emptyInput }
        return try session.classify(suffix: ids)
    }
}

extension TextProbe {
    /// Log-likelihood of `continuation` after `context` (texts tokenized separately, then joined; see
    /// `Transformer.logLikelihood`) and the continuation's token count. Uses the same engine and KV cache,
    /// so the prepared prefix is forgotten, here and in the session (the next `classify` prefills it again).
    public func logLikelihood(of continuation: String, after context: String) throws(InferenceError) -> (total: Double, tokens: Int) {
        preparedPrefix = nil
        session.forgetPrefix()
        let c = tokenizer.encode(context, parseSpecial: parseSpecial)
        let x = tokenizer.encode(continuation, parseSpecial: parseSpecial)
        guard !c.isEmpty, !x.isEmpty else { throw .emptyInput }
        return (try session.model.logLikelihood(of: x, after: c), x.count)
    }
}
