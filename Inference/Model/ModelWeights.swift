// Zero-copy views of a model's tensors inside the GGUF bytes (the caller keeps the bytes alive),
// checked against the hyper-parameters: shape, supported ggml type, row size a multiple of the block.
public struct WeightMatrix {
    /// First byte of row 0 inside the GGUF image.
    public let data: UnsafeRawPointer
    public let type: GGMLType
    /// Output features (ggml ne1) and input features (ggml ne0).
    public let rows: Int
    public let cols: Int
    public let rowBytes: Int

    @inline(__always) public func row(_ r: Int) -> UnsafeRawPointer { data + r * rowBytes }
}

public struct LayerWeights {
    public let attnNorm: UnsafePointer<Float>       // (d)
    public let wq: WeightMatrix                      // (heads·hd) × d
    public let wk: WeightMatrix                      // (kvHeads·hd) × d
    public let wv: WeightMatrix                      // (kvHeads·hd) × d
    public let bq: UnsafePointer<Float>?             // (heads·hd), qwen2 only
    public let bk: UnsafePointer<Float>?             // (kvHeads·hd)
    public let bv: UnsafePointer<Float>?             // (kvHeads·hd)
    public let wo: WeightMatrix                      // d × (heads·hd)
    public let ffnNorm: UnsafePointer<Float>         // (d)
    public let wGate: WeightMatrix                   // ff × d
    public let wUp: WeightMatrix                     // ff × d
    public let wDown: WeightMatrix                   // d × ff
}

public struct ModelWeights {
    public let tokenEmbedding: WeightMatrix          // vocab × d
    public let layers: [LayerWeights]
    public let outputNorm: UnsafePointer<Float>      // (d)
    /// vocab × d; the token embedding itself when the model ties them (no `output.weight`).
    public let output: WeightMatrix
    public let tiedOutput: Bool
    /// Optional per-dimension RoPE frequency divisors (`rope_freqs.weight`, llama 3.1), (ropeDims/2).
    public let ropeFreqs: UnsafePointer<Float>?

    public init(gguf: GGUFFile, config c: ModelConfig) throws(InferenceError) {
        func matrix(_ name: String, rows: Int, cols: Int) throws(InferenceError) -> WeightMatrix {
            guard let t = gguf.tensor(named: name) else { throw .missingTensor(name) }
            guard t.shape == [cols, rows] else { throw .badTensorShape(name, expected: [cols, rows], got: t.shape) }
            switch t.type {
            case .f32, .f16, .q4_0, .q4_1, .q8_0, .q6_K: break
            default: throw .unsupportedTensorType(name, t.type.rawValue)
            }
            guard cols % t.type.blockSize == 0 else { throw .badTensorShape(name, expected: [cols, rows], got: t.shape) }
            let rowBytes = cols / t.type.blockSize * t.type.bytesPerBlock
            let bytes = gguf.bytes(of: t)
            guard let base = bytes.baseAddress, bytes.count >= rowBytes * rows else { throw .missingTensor(name) }
            return WeightMatrix(data: base, type: t.type, rows: rows, cols: cols, rowBytes: rowBytes)
        }
        func vector(_ name: String, _ n: Int) throws(InferenceError) -> UnsafePointer<Float> {
            guard let t = gguf.tensor(named: name) else { throw .missingTensor(name) }
            guard t.shape == [n] else { throw .badTensorShape(name, expected: [n], got: t.shape) }
            guard t.type == .f32 else { throw .unsupportedTensorType(name, t.type.rawValue) }
            let bytes = gguf.bytes(of: t)
            guard let base = bytes.baseAddress, bytes.count >= 4 * n, Int(bitPattern: base) % 4 == 0 else {
                throw .missingTensor(name)
            }
            return base.assumingMemoryBound(to: Float.self)
        }
        func optionalVector(_ name: String, _ n: Int) throws(InferenceError) -> UnsafePointer<Float>? {
            gguf.tensor(named: name) == nil ? nil : try vector(name, n)
        }
        tokenEmbedding = try matrix("token_embd.weight", rows: c.vocab, cols: c.embedding)
        var layers: [LayerWeights] = []
        for i in 0..<c.layers {
            let p = "blk.\(i)."
            layers.append(LayerWeights(
                attnNorm: try vector(p + "attn_norm.weight", c.embedding),
                wq: try matrix(p + "attn_q.weight", rows: c.qDim, cols: c.embedding),
                wk: try matrix(p + "attn_k.weight", rows: c.kvDim, cols: c.embedding),
                wv: try matrix(p + "attn_v.weight", rows: c.kvDim, cols: c.embedding),
                bq: try optionalVector(p + "attn_q.bias", c.qDim),
                bk: try optionalVector(p + "attn_k.bias", c.kvDim),
                bv: try optionalVector(p + "attn_v.bias", c.kvDim),
                wo: try matrix(p + "attn_output.weight", rows: c.embedding, cols: c.qDim),
                ffnNorm: try vector(p + "ffn_norm.weight", c.embedding),
                wGate: try matrix(p + "ffn_gate.weight", rows: c.feedForward, cols: c.embedding),
                wUp: try matrix(p + "ffn_up.weight", rows: c.feedForward, cols: c.embedding),
                wDown: try matrix(p + "ffn_down.weight", rows: c.embedding, cols: c.feedForward)))
        }
        self.layers = layers
        outputNorm = try vector("output_norm.weight", c.embedding)
        if gguf.tensor(named: "output.weight") != nil {
            output = try matrix("output.weight", rows: c.vocab, cols: c.embedding)
            tiedOutput = false
        } else {
            output = tokenEmbedding
            tiedOutput = true
        }
        ropeFreqs = try optionalVector("rope_freqs.weight", c.ropeDims / 2)
    }

    /// Every matrix, for reporting (`--info`) and memory accounting.
    public var allMatrices: [WeightMatrix] {
        var all = [tokenEmbedding]
        for l in layers { all += [l.wq, l.wk, l.wv, l.wo, l.wGate, l.wUp, l.wDown] }
        if !tiedOutput { all.append(output) }
        return all
    }
}
