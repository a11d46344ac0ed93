// Configuration of a ProbeLogits classifier: verbalizer classes (each one or more token sequences,
// e.g. {" safe", " Safe"} vs {" unsafe", " Dangerous"}), which class is "unsafe", calibration strength, threshold.
public struct VerbalizerClass: Equatable {
    public var name: String
    /// Token sequences that verbalize this class; a class's score is the log of the summed sequence probabilities.
    public var sequences: [[Int32]]

    public init(name: String, sequences: [[Int32]]) {
        self.name = name
        self.sequences = sequences
    }
}

public struct ProbeConfig: Equatable {
    public var classes: [VerbalizerClass]
    /// Index of the class whose calibrated probability is reported as p(unsafe) and compared to the threshold.
    public var unsafeClass: Int
    /// Contextual-calibration strength α ∈ [0, 1]: 0 = raw probabilities, 1 = divide fully by the content-free prior.
    public var alpha: Float
    /// Decision: unsafe when the calibrated p(unsafe) ≥ threshold.
    public var threshold: Float

    public init(classes: [VerbalizerClass], unsafeClass: Int, alpha: Float = 1, threshold: Float = 0.5) {
        self.classes = classes
        self.unsafeClass = unsafeClass
        self.alpha = alpha
        self.threshold = threshold
    }

    /// Checks the configuration against a vocabulary size and the limits.
    public func validate(vocab: Int) throws(InferenceError) {
        guard classes.count >= 2 else { throw .badProbe("at least two classes are needed") }
        guard classes.count <= InferenceLimits.maxProbeClasses else { throw .badProbe("too many classes") }
        guard unsafeClass >= 0 && unsafeClass < classes.count else { throw .badProbe("unsafe class index out of range") }
        guard alpha >= 0 && alpha <= 1 else { throw .badProbe("alpha must be within [0, 1]") }
        guard threshold >= 0 && threshold <= 1 else { throw .badProbe("threshold must be within [0, 1]") }
        for c in classes {
            guard !c.sequences.isEmpty else { throw .badProbe("class '\(c.name)' has no token sequence") }
            guard c.sequences.count <= InferenceLimits.maxProbeSequences else { throw .badProbe("class '\(c.name)' has too many sequences") }
            for s in c.sequences {
                guard !s.isEmpty && s.count <= InferenceLimits.maxProbeSequenceTokens else {
                    throw .badProbe("class '\(c.name)' has an empty or too long sequence")
                }
                for t in s where t < 0 || Int(t) >= vocab { throw .tokenOutOfRange(t, vocab: vocab) }
            }
        }
    }
}

/// The outcome of one probe.
public struct ProbeResult: Equatable {
    /// log p(class) from the restricted softmax over the verbalizers (natural log, sums to 1 in probability).
    public var classLogProbs: [Float]
    /// Class log-probabilities after contextual calibration with strength α (equal to the raw ones when α = 0).
    public var calibratedLogProbs: [Float]
    /// Raw log-odds of the unsafe class against the strongest other class (> 0: the model leans unsafe).
    public var margin: Float
    /// Calibrated probability of the unsafe class.
    public var calibratedPUnsafe: Float
    /// calibratedPUnsafe ≥ threshold.
    public var isUnsafe: Bool
}
