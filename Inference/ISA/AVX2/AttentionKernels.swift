// SIMD attention and SwiGLU (shared source, symlinked into InferenceAVX512): one query head against the
// cached keys/values, with ggml's roundings (probabilities through binary16), and silu(gate)·up.

/// e^x for 8 lanes: Cody–Waite reduction by ln 2 and a degree-7 Taylor polynomial (≈1 ulp); 0 below −87.3.
@inline(__always)
func exp8(_ x: SIMD8<Float>) -> SIMD8<Float> {
    let lo = SIMD8<Float>(repeating: -87.3), hi = SIMD8<Float>(repeating: 88.3)
    let xc = x.replacing(with: lo, where: x .< lo).replacing(with: hi, where: x .> hi)
    // Round to nearest even by adding 1.5·2^23; the integer is then in the low mantissa bits.
    let shifted = xc * 1.44269504 + 12582912
    let n = shifted - 12582912
    let r = (xc - n * 0.693145751953125) - n * 1.428606765330187e-06
    var p = SIMD8<Float>(repeating: 1.0 / 5040) * r + 1.0 / 720
    p = p * r + 1.0 / 120
    p = p * r + 1.0 / 24
    p = p * r + 1.0 / 6
    p = p * r + 0.5
    p = p * r + 1
    p = p * r + 1
    let bits = (unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000 &+ 127) &<< 23
    let scaled = p * unsafeBitCast(bits, to: SIMD8<Float>.self)
    return scaled.replacing(with: 0, where: x .< -87.3)
}

/// Causal attention of one query head: scores = (q·K_j)·scale for j < positions, softmax (Double sum),
/// probabilities rounded to f16, out = Σ p_j V_j. Rows of keys/values are `stride` floats apart; hd % 8 == 0.
@inline(__always)
func attendHead(_ q: UnsafePointer<Float>, _ keys: UnsafePointer<Float>, _ values: UnsafePointer<Float>,
                _ stride: Int, _ positions: Int, _ hd: Int, _ scale: Float,
                _ scores: UnsafeMutablePointer<Float>, _ out: UnsafeMutablePointer<Float>) {
    var mx = -Float.infinity
    for j in 0..<positions {
        let k = keys + j * stride
        var acc = SIMD8<Float>()
        var i = 0
        while i < hd {
            acc = acc.addingProduct(UnsafeRawPointer(q + i).loadUnaligned(as: SIMD8<Float>.self),
                                    UnsafeRawPointer(k + i).loadUnaligned(as: SIMD8<Float>.self))
            i += 8
        }
        let s = hsum8(acc) * scale
        scores[j] = s
        mx = max(mx, s)
    }
    var sum = 0.0
    var j = 0
    while j + 8 <= positions {
        let e = exp8(UnsafeRawPointer(scores + j).loadUnaligned(as: SIMD8<Float>.self) - mx)
        UnsafeMutableRawPointer(scores + j).storeBytes(of: e, as: SIMD8<Float>.self)
        sum += Double(hsum8(e))
        j += 8
    }
    while j < positions {
        let e = exp8(SIMD8<Float>(repeating: scores[j] - mx))[0]
        scores[j] = e
        sum += Double(e)
        j += 1
    }
    let inv = Float(1 / sum)
    for i in Swift.stride(from: 0, to: hd, by: 8) {
        UnsafeMutableRawPointer(out + i).storeBytes(of: SIMD8<Float>(), as: SIMD8<Float>.self)
    }
    j = 0
    while j < positions {
        let p = Float(Float16(scores[j] * inv))
        let v = values + j * stride
        var i = 0
        while i < hd {
            let o = UnsafeMutableRawPointer(out + i)
            o.storeBytes(of: o.load(as: SIMD8<Float>.self)
                .addingProduct(SIMD8(repeating: p), UnsafeRawPointer(v + i).loadUnaligned(as: SIMD8<Float>.self)),
                as: SIMD8<Float>.self)
            i += 8
        }
        j += 1
    }
}

/// gate[i] = silu(gate[i]) · up[i], silu(x) = x / (1 + e^−x); n % 8 == 0.
@inline(__always)
func swiglu(_ gate: UnsafeMutablePointer<Float>, _ up: UnsafePointer<Float>, _ n: Int) {
    var i = 0
    while i < n {
        let g = UnsafeRawPointer(gate + i).loadUnaligned(as: SIMD8<Float>.self)
        let u = UnsafeRawPointer(up + i).loadUnaligned(as: SIMD8<Float>.self)
        UnsafeMutableRawPointer(gate + i).storeBytes(of: g / (1 + exp8(-g)) * u, as: SIMD8<Float>.self)
        i += 8
    }
}
