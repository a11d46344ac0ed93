// The resident transformer: weights as views into the GGUF image, a KV cache bounded by the context cap,
// preallocated scratch, and batched prefill (all prompt tokens through each matrix at once).
// Numerics follow llama.cpp's CPU backend: activations rounded to Q8 blocks before integer dots,
// Q/K/V and attention probabilities rounded to F16 as ggml does with its F16 KV cache.
public final class Transformer {
    public let config: ModelConfig
    public let weights: ModelWeights
    public let kernels: QuantKernels
    /// Maximum tokens in the KV cache (min of the requested cap and the trained context).
    public let contextCap: Int
    /// Tokens per prefill chunk (scratch buffers are sized for it).
    public let batch: Int
    /// Tokens currently in the KV cache (positions 0..<count).
    public internal(set) var count = 0

    let scratch: Scratch
    let kv: KVCache
    let rope: RopeTable

    public init(gguf: GGUFFile, kernels: QuantKernels, contextCap: Int = InferenceLimits.defaultContextCap,
                batch: Int = InferenceLimits.maxBatch) throws(InferenceError) {
        let c = try ModelConfig(gguf: gguf)
        guard contextCap >= 1 && contextCap <= InferenceLimits.maxContextCap else { throw .badContextCap(contextCap) }
        config = c
        weights = try ModelWeights(gguf: gguf, config: c)
        self.kernels = kernels
        self.contextCap = min(contextCap, c.trainedContext)
        self.batch = max(1, min(batch, InferenceLimits.maxBatch, self.contextCap))
        scratch = Scratch(config: c, batch: self.batch, contextCap: self.contextCap)
        kv = KVCache(config: c, capacity: self.contextCap)
        rope = RopeTable(config: c, positions: self.contextCap, freqFactors: weights.ropeFreqs)
    }

    /// Logits of the last processed position (vocab floats), valid after `prefill`.
    public var logits: UnsafeBufferPointer<Float> { UnsafeBufferPointer(start: scratch.logits, count: config.vocab) }

    /// Forgets cache positions n..<count (prefix reuse: keep a computed prefix, drop a suffix).
    public func truncate(to n: Int) {
        precondition(n >= 0 && n <= count, "truncate beyond the cache")
        count = n
    }

    /// Appends tokens to the sequence and computes the last position's logits.
    public func prefill(_ tokens: [Int32]) throws(InferenceError) {
        try tokens.withUnsafeBufferPointer { (buf) throws(InferenceError) in try prefill(buf, allLogits: nil) }
    }

    /// As `prefill`, also returning the logits of every position (tokens × vocab; test and tool use, allocates).
    public func prefillAllLogits(_ tokens: [Int32]) throws(InferenceError) -> [Float] {
        var all = [Float](repeating: 0, count: tokens.count * config.vocab)
        try tokens.withUnsafeBufferPointer { (buf) throws(InferenceError) in
            try all.withUnsafeMutableBufferPointer { (out) throws(InferenceError) in
                try prefill(buf, allLogits: out.baseAddress)
            }
        }
        return all
    }

    func prefill(_ tokens: UnsafeBufferPointer<Int32>, allLogits: UnsafeMutablePointer<Float>?) throws(InferenceError) {
        guard !tokens.isEmpty else { throw .emptyInput }
        guard count + tokens.count <= contextCap else { throw .contextFull(needed: count + tokens.count, cap: contextCap) }
        for t in tokens where t < 0 || Int(t) >= config.vocab { throw .tokenOutOfRange(t, vocab: config.vocab) }
        var done = 0
        while done < tokens.count {
            let n = min(batch, tokens.count - done)
            let isLast = done + n == tokens.count
            forward(tokens.baseAddress! + done, n, logitsFor: allLogits.map { $0 + done * config.vocab },
                    lastOnly: allLogits == nil && isLast, skipOutput: allLogits == nil && !isLast)
            done += n
        }
    }
}

extension Transformer {
    /// Bytes this engine uses: weights (views into the GGUF image), KV cache and scratch buffers.
    public var memory: (weights: Int, kvCache: Int, scratch: Int) {
        var w = 0
        for m in weights.allMatrices { w += m.rows * m.rowBytes }
        let c = config
        let perToken = 2 * c.embedding + c.qDim * 2 + 2 * c.kvDim + 2 * c.feedForward
        return (w, KVCache.bytes(config: c, capacity: contextCap),
                4 * (batch * perToken + contextCap + c.headDim + c.vocab) + scratch.actBytes)
    }
}
