// Rotary position embedding (RoPE) cos/sin table for every position up to the context cap, computed as
// ggml_rope_cache_init does: θ = p·scale, multiplied by base^(−2/n_dims) per pair in Float, cos/sin of the Float θ.
final class RopeTable {
    /// (positions, ropeDims): cos at even index, sin at odd index for each rotated pair.
    let table: UnsafeMutablePointer<Float>
    let dims: Int
    let neox: Bool

    init(config c: ModelConfig, positions: Int, freqFactors: UnsafePointer<Float>?) {
        dims = c.ropeDims
        neox = c.architecture == .qwen2
        table = .allocate(capacity: positions * dims)
        let thetaScale = Float(FloatMath.pow(Double(c.ropeBase), -2.0 / Double(dims)))
        for p in 0..<positions {
            var theta = Float(p)
            for i0 in stride(from: 0, to: dims, by: 2) {
                let ff: Float = freqFactors.map { $0[i0 / 2] } ?? 1
                let t = c.ropeFreqScale * (theta / ff)
                let sc = FloatMath.sincos(Double(t))
                table[p * dims + i0] = Float(sc.cos)
                table[p * dims + i0 + 1] = Float(sc.sin)
                theta *= thetaScale
            }
        }
    }

    deinit { table.deallocate() }

    /// Rotates `heads` consecutive heads of size `headDim` at position `pos` in place.
    @inline(__always)
    func apply(_ x: UnsafeMutablePointer<Float>, heads: Int, headDim: Int, pos: Int) {
        let cs = table + pos * dims
        let half = dims / 2
        for h in 0..<heads {
            let v = x + h * headDim
            for i0 in stride(from: 0, to: dims, by: 2) {
                let c = cs[i0], s = cs[i0 + 1]
                let a = neox ? i0 / 2 : i0
                let b = neox ? i0 / 2 + half : i0 + 1
                let x0 = v[a], x1 = v[b]
                v[a] = x0 * c - x1 * s
                v[b] = x0 * s + x1 * c
            }
        }
    }
}
