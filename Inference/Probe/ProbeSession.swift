// ProbeLogits: classify a prompt by the model's next-token distribution over verbalizer classes.
// The fixed prefix (instructions, few-shot examples) is prefilled once; each call truncates the KV cache
// back to it and prefills only the suffix, so a decision costs the suffix (plus multi-token verbalizers).
// Calibration (Zhao et al. 2021, contextual calibration): the class distribution on a content-free suffix
// (e.g. "N/A") is the verbalizers' prior; calibrated log p = log p − α·log prior, renormalized.
public final class ProbeSession {
    public let model: Transformer
    public let config: ProbeConfig
    /// Tokens of the prepared prefix held in the KV cache (nil before `prepare`).
    public private(set) var prefixCount: Int? = nil
    /// Class log-probabilities on the content-free input (nil when not calibrated).
    public private(set) var prior: [Float]? = nil

    /// Per-class scratch (no allocation per call beyond the result arrays).
    var classScores: [Double]
    var firstLogProbs: [Double]

    public init(model: Transformer, config: ProbeConfig) throws(InferenceError) {
        try config.validate(vocab: model.config.vocab)
        self.model = model
        self.config = config
        classScores = [Double](repeating: 0, count: config.classes.count)
        var sequences = 0
        for c in config.classes { sequences += c.sequences.count }
        firstLogProbs = [Double](repeating: 0, count: sequences)
    }

    /// Prefills the fixed prefix once and, when given, calibrates against the content-free suffix.
    public func prepare(prefix: [Int32], contentFree: [Int32]? = nil) throws(InferenceError) {
        prefixCount = nil
        prior = nil
        model.truncate(to: 0)
        if !prefix.isEmpty { try model.prefill(prefix) }
        prefixCount = model.count
        if let contentFree { prior = try classLogProbs(suffix: contentFree) }
    }

    /// Forgets the prepared prefix (its KV positions were overwritten by another use of the engine):
    /// `classify` throws `prefixNotPrepared` until `prepare` runs again.
    func forgetPrefix() {
        prefixCount = nil
        prior = nil
    }

    /// One decision: prefix (reused) + suffix → class log-probs, margin, calibrated p(unsafe), decision.
    public func classify(suffix: [Int32]) throws(InferenceError) -> ProbeResult {
        if config.alpha > 0 && prior == nil { throw .badProbe("alpha > 0 needs a content-free calibration in prepare") }
        let raw = try classLogProbs(suffix: suffix)
        var calibrated = raw
        if let prior, config.alpha > 0 {
            var scores = [Double](repeating: 0, count: raw.count)
            for k in raw.indices { scores[k] = Double(raw[k]) - Double(config.alpha) * Double(prior[k]) }
            let norm = logSumExp(scores)
            for k in raw.indices { calibrated[k] = Float(scores[k] - norm) }
        }
        let u = config.unsafeClass
        var strongestOther = -Float.infinity
        for k in raw.indices where k != u { strongestOther = max(strongestOther, raw[k]) }
        let pUnsafe = Float(FloatMath.exp(Double(calibrated[u])))
        return ProbeResult(classLogProbs: raw, calibratedLogProbs: calibrated, margin: raw[u] - strongestOther,
                           calibratedPUnsafe: pUnsafe, isUnsafe: pUnsafe >= config.threshold)
    }

    /// Restricted-softmax class log-probabilities after prefix + suffix (no calibration).
    public func classLogProbs(suffix: [Int32]) throws(InferenceError) -> [Float] {
        guard let base = prefixCount else { throw .prefixNotPrepared }
        guard !suffix.isEmpty else { throw .emptyInput }
        model.truncate(to: base)
        try model.prefill(suffix)
        let afterSuffix = model.count
        // First tokens of every sequence from the suffix's last-position distribution.
        let lse = logSumExp(model.logits)
        var n = 0
        for (k, c) in config.classes.enumerated() {
            classScores[k] = -.infinity
            for seq in c.sequences {
                firstLogProbs[n] = Double(model.logits[Int(seq[0])]) - lse
                if seq.count == 1 { classScores[k] = logAddExp(classScores[k], firstLogProbs[n]) }
                n += 1
            }
        }
        // Multi-token sequences: chain rule, feeding the sequence one token at a time after the suffix.
        n = 0
        for (k, c) in config.classes.enumerated() {
            for seq in c.sequences {
                defer { n += 1 }
                guard seq.count > 1 else { continue }
                model.truncate(to: afterSuffix)
                var logp = firstLogProbs[n]
                for i in 1..<seq.count {
                    try model.prefill([seq[i - 1]])
                    logp += Double(model.logits[Int(seq[i])]) - logSumExp(model.logits)
                }
                classScores[k] = logAddExp(classScores[k], logp)
            }
        }
        model.truncate(to: afterSuffix)
        let norm = logSumExp(classScores)
        var out = [Float](repeating: 0, count: classScores.count)
        for k in classScores.indices { out[k] = Float(classScores[k] - norm) }
        return out
    }
}

func logSumExp<C: Collection>(_ xs: C) -> Double where C.Element == Float {
    var m = -Float.infinity
    for x in xs { m = max(m, x) }
    if m == -.infinity { return -.infinity }
    var s = 0.0
    for x in xs { s += FloatMath.exp(Double(x - m)) }
    return Double(m) + FloatMath.log(s)
}

func logSumExp(_ xs: [Double]) -> Double {
    var m = -Double.infinity
    for x in xs { m = max(m, x) }
    if m == -.infinity { return -.infinity }
    var s = 0.0
    for x in xs { s += FloatMath.exp(x - m) }
    return m + FloatMath.log(s)
}

@inline(__always)
func logAddExp(_ a: Double, _ b: Double) -> Double {
    if a == -.infinity { return b }
    if b == -.infinity { return a }
    let m = max(a, b)
    return m + FloatMath.log(FloatMath.exp(a - m) + FloatMath.exp(b - m))
}
