// Rounds a row of Float activations to the block format a weight type's dot product consumes,
// bit-for-bit as ggml's x86 CPU backend does (quantize_row_q8_0/q8_1 AVX2 variants, q8_K reference).
public enum ActivationQuantizer {
    /// Q8_0: d = amax/127, q = round-to-nearest-even(x·127/amax). Then the Float scale tail (see rowBytes).
    public static func quantizeQ8_0(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, count: Int) {
        let tail = dst + count / 32 * BlockLayout.q8_0Bytes
        for b in 0..<(count / 32) {
            let src = x + b * 32, blk = dst + b * BlockLayout.q8_0Bytes
            var amax: Float = 0
            for j in 0..<32 { amax = max(amax, src[j].magnitude) }
            let d = amax / 127
            let id: Float = amax != 0 ? 127 / amax : 0
            storeHalf(blk, 0, d)
            tail.storeBytes(of: loadHalf(blk, 0), toByteOffset: 4 * b, as: Float.self)
            for j in 0..<32 {
                blk.storeBytes(of: Int8(roundEven(src[j] * id)), toByteOffset: 2 + j, as: Int8.self)
            }
        }
    }

    /// Q8_1: as Q8_0 plus s = d·Σq (stored as f16), used by the Q4_1 minimum term.
    public static func quantizeQ8_1(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, count: Int) {
        let tail = dst + count / 32 * BlockLayout.q8_1Bytes
        for b in 0..<(count / 32) {
            let src = x + b * 32, blk = dst + b * BlockLayout.q8_1Bytes
            var amax: Float = 0
            for j in 0..<32 { amax = max(amax, src[j].magnitude) }
            let d = amax / 127
            let id: Float = amax != 0 ? 127 / amax : 0
            var sum: Int32 = 0
            for j in 0..<32 {
                let q = Int8(roundEven(src[j] * id))
                sum += Int32(q)
                blk.storeBytes(of: q, toByteOffset: 4 + j, as: Int8.self)
            }
            storeHalf(blk, 0, d)
            storeHalf(blk, 2, d * Float(sum))
            tail.storeBytes(of: loadHalf(blk, 0), toByteOffset: 8 * b, as: Float.self)
            tail.storeBytes(of: loadHalf(blk, 2), toByteOffset: 8 * b + 4, as: Float.self)
        }
    }

    /// Q8_K (ggml quantize_row_q8_K_ref): scale from the signed value of largest magnitude, f32 d, block sums.
    public static func quantizeQ8_K(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, count: Int) {
        for b in 0..<(count / 256) {
            let src = x + b * 256, blk = dst + b * BlockLayout.q8_KBytes
            var amax: Float = 0, maxv: Float = 0
            for j in 0..<256 where src[j].magnitude > amax { amax = src[j].magnitude; maxv = src[j] }
            if amax == 0 {
                blk.initializeMemory(as: UInt8.self, repeating: 0, count: BlockLayout.q8_KBytes)
                continue
            }
            let iscale = -127 / maxv
            for g in 0..<16 {
                var s: Int16 = 0
                for j in 0..<16 {
                    let v = min(127, Int(roundEven(iscale * src[g * 16 + j])))
                    s += Int16(v)
                    blk.storeBytes(of: Int8(v), toByteOffset: 4 + g * 16 + j, as: Int8.self)
                }
                blk.storeBytes(of: s, toByteOffset: 260 + 2 * g, as: Int16.self)
            }
            blk.storeBytes(of: 1 / iscale, as: Float.self)
        }
    }

    public static func convertF16(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, count: Int) {
        for j in 0..<count { storeHalf(dst, 2 * j, x[j]) }
    }

    public static func copyF32(_ x: UnsafePointer<Float>, _ dst: UnsafeMutableRawPointer, count: Int) {
        dst.copyMemory(from: x, byteCount: 4 * count)
    }
}
