// Every limit of the Inference engine in one place (context cap, batch size, model shape bounds).
public enum InferenceLimits {
    /// Default cap on the context (KV-cache length, tokens) when the caller gives none.
    /// SmolLM2-135M: 30 layers × 2 (K,V) × 3 heads × 64 × 2 bytes = 23 KiB per token → 23 MiB at 1024.
    public static let defaultContextCap = 1024
    /// Hard upper bound on any configured context cap (tokens).
    public static let maxContextCap = 32768
    /// Tokens processed per prefill chunk; longer prompts are split. Bounds the scratch buffers.
    public static let maxBatch = 512
    /// Bounds on hyper-parameters read from metadata (reject absurd or hostile files early).
    public static let maxLayers = 256
    public static let maxEmbedding = 16384
    public static let maxHeads = 256
    public static let maxHeadDim = 512
    public static let maxFeedForward = 65536
    public static let maxVocab = 1 << 20
    /// Verbalizer limits of a probe: classes, sequences per class and tokens per sequence.
    public static let maxProbeClasses = 16
    public static let maxProbeSequences = 16
    public static let maxProbeSequenceTokens = 8
}
