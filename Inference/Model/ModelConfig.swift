// Hyper-parameters of a llama-family model, read and bounds-checked from GGUF metadata
// (`{arch}.block_count`, `.embedding_length`, `.attention.head_count[_kv]`, `.rope.*`, …).
public enum Architecture: Equatable {
    /// llama: RoPE on adjacent pairs (ggml mode 0), no attention biases.
    case llama
    /// qwen2: Q/K/V biases, RoPE on split halves (ggml NEOX mode).
    case qwen2

    public var name: String { self == .llama ? "llama" : "qwen2" }
}

public struct ModelConfig: Equatable {
    public var architecture: Architecture
    public var layers: Int
    /// Model width d (embedding length).
    public var embedding: Int
    public var feedForward: Int
    public var heads: Int
    public var kvHeads: Int
    public var headDim: Int
    public var vocab: Int
    public var rmsEpsilon: Float
    /// RoPE: rotated dimensions per head, frequency base, and position scale (1 / linear factor).
    public var ropeDims: Int
    public var ropeBase: Float
    public var ropeFreqScale: Float
    /// Context length the model was trained for (metadata), before the engine's cap.
    public var trainedContext: Int

    public var qDim: Int { heads * headDim }
    public var kvDim: Int { kvHeads * headDim }

    public init(gguf: GGUFFile) throws(InferenceError) {
        guard let arch = gguf.string("general.architecture") else { throw .missingMetadata("general.architecture") }
        switch arch {
        case "llama": architecture = .llama
        case "qwen2": architecture = .qwen2
        default: throw .unsupportedArchitecture(arch)
        }
        func int(_ key: String, _ limit: Int, default def: Int? = nil) throws(InferenceError) -> Int {
            let full = arch + "." + key
            guard let v = gguf.int(full) ?? def else { throw .missingMetadata(full) }
            guard v >= 1 && v <= limit else { throw .hyperParameterOutOfRange(full, v) }
            return v
        }
        layers = try int("block_count", InferenceLimits.maxLayers)
        embedding = try int("embedding_length", InferenceLimits.maxEmbedding)
        feedForward = try int("feed_forward_length", InferenceLimits.maxFeedForward)
        heads = try int("attention.head_count", InferenceLimits.maxHeads)
        kvHeads = try int("attention.head_count_kv", InferenceLimits.maxHeads, default: heads)
        guard embedding % heads == 0 else { throw .hyperParameterOutOfRange(arch + ".attention.head_count", heads) }
        headDim = try int("attention.key_length", InferenceLimits.maxHeadDim, default: embedding / heads)
        guard heads % kvHeads == 0 else { throw .hyperParameterOutOfRange(arch + ".attention.head_count_kv", kvHeads) }
        ropeDims = try int("rope.dimension_count", headDim, default: headDim)
        guard ropeDims % 2 == 0 else { throw .hyperParameterOutOfRange(arch + ".rope.dimension_count", ropeDims) }
        trainedContext = try int("context_length", Int(Int32.max), default: 2048)
        guard let eps = gguf.float32(arch + ".attention.layer_norm_rms_epsilon") else {
            throw .missingMetadata(arch + ".attention.layer_norm_rms_epsilon")
        }
        rmsEpsilon = eps
        ropeBase = gguf.float32(arch + ".rope.freq_base") ?? 10000
        ropeFreqScale = 1
        let scaling = gguf.string(arch + ".rope.scaling.type") ?? "none"
        switch scaling {
        case "none": break
        case "linear":
            guard let f = gguf.float32(arch + ".rope.scaling.factor"), f > 0 else {
                throw .missingMetadata(arch + ".rope.scaling.factor")
            }
            ropeFreqScale = 1 / f
        default: throw .unsupportedRopeScaling(scaling)
        }
        guard let embd = gguf.tensor(named: "token_embd.weight"), embd.shape.count == 2 else {
            throw .missingTensor("token_embd.weight")
        }
        vocab = embd.shape[1]
        guard vocab >= 1 && vocab <= InferenceLimits.maxVocab else { throw .hyperParameterOutOfRange("vocab", vocab) }
    }
}
