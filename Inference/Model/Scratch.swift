// Preallocated working buffers of one Transformer, sized for a prefill chunk of `batch` tokens,
// so the forward pass never allocates.
final class Scratch {
    let x: UnsafeMutablePointer<Float>        // (batch, d) residual stream
    let xn: UnsafeMutablePointer<Float>       // (batch, d) normalized input of a sub-layer
    let q: UnsafeMutablePointer<Float>        // (batch, heads·hd)
    let k: UnsafeMutablePointer<Float>        // (batch, kvHeads·hd)
    let v: UnsafeMutablePointer<Float>        // (batch, kvHeads·hd)
    let att: UnsafeMutablePointer<Float>      // (batch, heads·hd) attention output
    let gate: UnsafeMutablePointer<Float>     // (batch, ff)
    let up: UnsafeMutablePointer<Float>       // (batch, ff)
    let scores: UnsafeMutablePointer<Float>   // (contextCap) one row of attention scores
    let qh: UnsafeMutablePointer<Float>       // (hd) one query head rounded to f16
    let logits: UnsafeMutablePointer<Float>   // (vocab) last position
    let act: UnsafeMutableRawPointer          // quantized activations, batch rows of the widest input
    let actBytes: Int

    init(config c: ModelConfig, batch: Int, contextCap: Int) {
        func floats(_ n: Int) -> UnsafeMutablePointer<Float> {
            let p = UnsafeMutablePointer<Float>.allocate(capacity: max(n, 1))
            p.initialize(repeating: 0, count: max(n, 1))
            return p
        }
        x = floats(batch * c.embedding); xn = floats(batch * c.embedding)
        q = floats(batch * c.qDim); k = floats(batch * c.kvDim); v = floats(batch * c.kvDim)
        att = floats(batch * c.qDim)
        gate = floats(batch * c.feedForward); up = floats(batch * c.feedForward)
        scores = floats(contextCap); qh = floats(c.headDim)
        logits = floats(c.vocab)
        actBytes = batch * 4 * max(c.embedding, c.feedForward, c.qDim)
        act = UnsafeMutableRawPointer.allocate(byteCount: actBytes, alignment: 64)
    }

    deinit {
        for p in [x, xn, q, k, v, att, gate, up, scores, qh, logits] { p.deallocate() }
        act.deallocate()
    }
}
