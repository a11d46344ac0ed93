// SIMD activation quantizers (shared source, symlinked into InferenceAVX512): Float rows → Q8_0/Q8_1 blocks plus
// the Float scale tail, byte-identical to Quant/ActivationQuantizer.swift (same products, nearest-even rounding).

@inline(__always)
func absMax(_ v: SIMD8<Float>, _ m: SIMD8<Float>) -> SIMD8<Float> {
    let a = unsafeBitCast(unsafeBitCast(v, to: SIMD8<UInt32>.self) & 0x7FFF_FFFF, to: SIMD8<Float>.self)
    return a.replacing(with: m, where: a .< m)
}

/// Q8_0 (withSum false: 34-byte blocks, tail d) or Q8_1 (true: 36-byte blocks with s = d·Σq, tail d, s).
@inline(__always)
func quantizeQ8(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, _ count: Int, _ withSum: Bool) {
    let nb = count / 32, bb = withSum ? 36 : 34, qo = withSum ? 4 : 2
    let tail = dst + nb * bb
    for b in 0..<nb {
        let p = UnsafeRawPointer(x + b * 32)
        let v = (p.loadUnaligned(as: SIMD8<Float>.self), p.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self),
                 p.loadUnaligned(fromByteOffset: 64, as: SIMD8<Float>.self), p.loadUnaligned(fromByteOffset: 96, as: SIMD8<Float>.self))
        let m = absMax(v.3, absMax(v.2, absMax(v.1, absMax(v.0, SIMD8<Float>()))))
        var amax: Float = 0
        for i in 0..<8 { amax = max(amax, m[i]) }
        let d = amax / 127
        let id: Float = amax != 0 ? 127 / amax : 0
        let blk = dst + b * bb
        var sum = SIMD8<Int32>()
        @inline(__always) func put(_ v: SIMD8<Float>, _ at: Int) {
            let t = v * id + 12582912
            let q = unsafeBitCast(t, to: SIMD8<Int32>.self) &- 0x4B40_0000
            sum &+= q
            for i in 0..<8 { blk.storeBytes(of: Int8(truncatingIfNeeded: q[i]), toByteOffset: qo + at + i, as: Int8.self) }
        }
        put(v.0, 0); put(v.1, 8); put(v.2, 16); put(v.3, 24)
        let dh = Float16(d)
        blk.storeBytes(of: dh.bitPattern, as: UInt16.self)
        if withSum {
            let sh = Float16(d * Float(sum.wrappedSum()))
            blk.storeBytes(of: sh.bitPattern, toByteOffset: 2, as: UInt16.self)
            tail.storeBytes(of: Float(dh), toByteOffset: 8 * b, as: Float.self)
            tail.storeBytes(of: Float(sh), toByteOffset: 8 * b + 4, as: Float.self)
        } else {
            tail.storeBytes(of: Float(dh), toByteOffset: 4 * b, as: Float.self)
        }
    }
}
