// Every fixed limit of the Inference library, in one place (sections per subsystem).
// Limits bound what a hostile or corrupt model file can make the reader allocate or walk.

public enum InferenceLimits {
    // MARK: GGUF reader (GGUF/)

    /// Most tensors a GGUF file may declare (a 7B llama has 291; large MoE files a few thousand).
    public static let ggufMaxTensors = 65_536
    /// Most metadata key/value pairs (real files have 20–60).
    public static let ggufMaxMetadataKeys = 65_536
    /// Longest string (key, value or array element) in bytes; chat templates are ~10 KB.
    public static let ggufMaxStringBytes = 16 << 20
    /// Most elements in one metadata array (vocabularies reach ~260k tokens).
    public static let ggufMaxArrayCount = 16 << 20
    /// Deepest nesting of arrays inside arrays (llama.cpp writes none; 2 leaves room).
    public static let ggufMaxArrayDepth = 2
    /// Most dimensions of a tensor (GGML_MAX_DIMS).
    public static let ggufMaxDimensions = 4
    /// Largest accepted `general.alignment` in bytes.
    public static let ggufMaxAlignment = 1 << 16

    // MARK: Tokenizer (Tokenizer/)

    /// Largest vocabulary the tokenizer accepts.
    public static let tokenizerMaxVocab = 1 << 20
    /// Longest single token text in bytes.
    public static let tokenizerMaxTokenBytes = 1 << 12

    // MARK: Model and forward pass (Model/)

    /// Default cap on the context (KV-cache length, tokens) when the caller gives none.
    /// SmolLM2-135M: 30 layers × 2 (K,V) × 192 × 4 bytes = 45 KiB per token → 45 MiB at 1024.
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

    // MARK: ProbeLogits (Probe/)

    /// Verbalizer limits of a probe: classes, sequences per class and tokens per sequence.
    public static let maxProbeClasses = 16
    public static let maxProbeSequences = 16
    public static let maxProbeSequenceTokens = 8
}
