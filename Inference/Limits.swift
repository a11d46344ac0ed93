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
    /// Most bytes of all token texts together, and of all merge rules together (Qwen2: ~1 MB each).
    public static let tokenizerMaxTableBytes = 64 << 20
    /// Longest single token text in bytes.
    public static let tokenizerMaxTokenBytes = 1 << 12
}
