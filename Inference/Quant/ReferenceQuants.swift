// Tier 1 (reference) kernels, plain Swift: dequantize a row and dot a weight row with a quantized
// activation row, one function per ggml type pair (q4_0·q8_0, q4_1·q8_1, q8_0·q8_0, q6_K·q8_K,
// f16·f16, f32·f32). Integer sums are exact, so these define the expected result of the fast tiers.
public enum ReferenceQuants {
    // MARK: Dequantize (count = elements, a multiple of the block size)

    public static func dequantizeQ4_0(_ src: UnsafeRawPointer, _ dst: UnsafeMutablePointer<Float>, count: Int) {
        for b in 0..<(count / 32) {
            let blk = src + b * BlockLayout.q4_0Bytes
            let d = loadHalf(blk, 0)
            for j in 0..<16 {
                let byte = blk.load(fromByteOffset: 2 + j, as: UInt8.self)
                dst[b * 32 + j] = d * Float(Int(byte & 0xF) - 8)
                dst[b * 32 + j + 16] = d * Float(Int(byte >> 4) - 8)
            }
        }
    }

    public static func dequantizeQ4_1(_ src: UnsafeRawPointer, _ dst: UnsafeMutablePointer<Float>, count: Int) {
        for b in 0..<(count / 32) {
            let blk = src + b * BlockLayout.q4_1Bytes
            let d = loadHalf(blk, 0), m = loadHalf(blk, 2)
            for j in 0..<16 {
                let byte = blk.load(fromByteOffset: 4 + j, as: UInt8.self)
                dst[b * 32 + j] = Float(byte & 0xF) * d + m
                dst[b * 32 + j + 16] = Float(byte >> 4) * d + m
            }
        }
    }

    public static func dequantizeQ8_0(_ src: UnsafeRawPointer, _ dst: UnsafeMutablePointer<Float>, count: Int) {
        for b in 0..<(count / 32) {
            let blk = src + b * BlockLayout.q8_0Bytes
            let d = loadHalf(blk, 0)
            for j in 0..<32 { dst[b * 32 + j] = d * Float(blk.load(fromByteOffset: 2 + j, as: Int8.self)) }
        }
    }

    /// Q6_K element order (ggml dequantize_row_q6_K): per 128-element half, four 32-element groups.
    public static func dequantizeQ6_K(_ src: UnsafeRawPointer, _ dst: UnsafeMutablePointer<Float>, count: Int) {
        var q = [Int8](repeating: 0, count: 256)
        for b in 0..<(count / 256) {
            let blk = src + b * BlockLayout.q6_KBytes
            let d = loadHalf(blk, 208)
            q6KInts(blk, into: &q)
            for j in 0..<256 {
                let sc = Float(blk.load(fromByteOffset: 192 + j / 16, as: Int8.self))
                dst[b * 256 + j] = d * sc * Float(q[j])
            }
        }
    }

    public static func dequantizeF16(_ src: UnsafeRawPointer, _ dst: UnsafeMutablePointer<Float>, count: Int) {
        for j in 0..<count { dst[j] = loadHalf(src, 2 * j) }
    }

    public static func dequantizeF32(_ src: UnsafeRawPointer, _ dst: UnsafeMutablePointer<Float>, count: Int) {
        for j in 0..<count { dst[j] = src.loadUnaligned(fromByteOffset: 4 * j, as: Float.self) }
    }

    /// The 256 signed 6-bit values (−32…31) of one Q6_K block, in element order.
    static func q6KInts(_ blk: UnsafeRawPointer, into q: inout [Int8]) {
        for half in 0..<2 {
            let ql = 64 * half, qh = 128 + 32 * half, out = 128 * half
            for l in 0..<32 {
                let lo0 = blk.load(fromByteOffset: ql + l, as: UInt8.self)
                let lo1 = blk.load(fromByteOffset: ql + l + 32, as: UInt8.self)
                let hi = blk.load(fromByteOffset: qh + l, as: UInt8.self)
                q[out + l] = Int8(Int(lo0 & 0xF | ((hi >> 0) & 3) << 4) - 32)
                q[out + l + 32] = Int8(Int(lo1 & 0xF | ((hi >> 2) & 3) << 4) - 32)
                q[out + l + 64] = Int8(Int(lo0 >> 4 | ((hi >> 4) & 3) << 4) - 32)
                q[out + l + 96] = Int8(Int(lo1 >> 4 | ((hi >> 6) & 3) << 4) - 32)
            }
        }
    }

    // MARK: Dot products (blocks = number of weight blocks in the row)

    public static func dotQ4_0(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, blocks: Int) -> Float {
        var sum: Float = 0
        for b in 0..<blocks {
            let x = w + b * BlockLayout.q4_0Bytes, y = a + b * BlockLayout.q8_0Bytes
            var sumi: Int32 = 0
            for j in 0..<16 {
                let byte = x.load(fromByteOffset: 2 + j, as: UInt8.self)
                sumi += (Int32(byte & 0xF) - 8) * Int32(y.load(fromByteOffset: 2 + j, as: Int8.self))
                sumi += (Int32(byte >> 4) - 8) * Int32(y.load(fromByteOffset: 18 + j, as: Int8.self))
            }
            sum += Float(sumi) * (loadHalf(x, 0) * loadHalf(y, 0))
        }
        return sum
    }

    public static func dotQ4_1(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, blocks: Int) -> Float {
        var sum: Float = 0
        for b in 0..<blocks {
            let x = w + b * BlockLayout.q4_1Bytes, y = a + b * BlockLayout.q8_1Bytes
            var sumi: Int32 = 0
            for j in 0..<16 {
                let byte = x.load(fromByteOffset: 4 + j, as: UInt8.self)
                sumi += Int32(byte & 0xF) * Int32(y.load(fromByteOffset: 4 + j, as: Int8.self))
                sumi += Int32(byte >> 4) * Int32(y.load(fromByteOffset: 20 + j, as: Int8.self))
            }
            sum += (loadHalf(x, 0) * loadHalf(y, 0)) * Float(sumi) + loadHalf(x, 2) * loadHalf(y, 2)
        }
        return sum
    }

    public static func dotQ8_0(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, blocks: Int) -> Float {
        var sum: Float = 0
        for b in 0..<blocks {
            let x = w + b * BlockLayout.q8_0Bytes, y = a + b * BlockLayout.q8_0Bytes
            var sumi: Int32 = 0
            for j in 0..<32 {
                sumi += Int32(x.load(fromByteOffset: 2 + j, as: Int8.self)) * Int32(y.load(fromByteOffset: 2 + j, as: Int8.self))
            }
            sum += Float(sumi) * (loadHalf(x, 0) * loadHalf(y, 0))
        }
        return sum
    }

    public static func dotQ6_K(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, blocks: Int) -> Float {
        var q = [Int8](repeating: 0, count: 256)
        var sum: Float = 0
        for b in 0..<blocks {
            let x = w + b * BlockLayout.q6_KBytes, y = a + b * BlockLayout.q8_KBytes
            q6KInts(x, into: &q)
            var sumi: Int32 = 0
            for g in 0..<16 {
                var s: Int32 = 0
                for j in 0..<16 { s += Int32(q[g * 16 + j]) * Int32(y.load(fromByteOffset: 4 + g * 16 + j, as: Int8.self)) }
                sumi += s * Int32(x.load(fromByteOffset: 192 + g, as: Int8.self))
            }
            sum += (loadHalf(x, 208) * y.loadUnaligned(as: Float.self)) * Float(sumi)
        }
        return sum
    }

    /// f16 weights · f16 activations (blocks = elements). Float sums in 8 interleaved lanes reduced in
    /// ggml's order: with f16 rounding downstream, a sequential sum drifts visibly from llama.cpp.
    public static func dotF16(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, blocks: Int) -> Float {
        laneSum(blocks) { j in loadHalf(w, 2 * j) * loadHalf(a, 2 * j) }
    }

    public static func dotF32(_ w: UnsafeRawPointer, _ a: UnsafeRawPointer, blocks: Int) -> Float {
        laneSum(blocks) { j in
            w.loadUnaligned(fromByteOffset: 4 * j, as: Float.self) * a.loadUnaligned(fromByteOffset: 4 * j, as: Float.self)
        }
    }

    @inline(__always)
    static func laneSum(_ n: Int, _ term: (Int) -> Float) -> Float {
        var lanes: (Float, Float, Float, Float, Float, Float, Float, Float) = (0, 0, 0, 0, 0, 0, 0, 0)
        var j = 0
        while j + 8 <= n {
            lanes.0 += term(j); lanes.1 += term(j + 1); lanes.2 += term(j + 2); lanes.3 += term(j + 3)
            lanes.4 += term(j + 4); lanes.5 += term(j + 5); lanes.6 += term(j + 6); lanes.7 += term(j + 7)
            j += 8
        }
        let r0 = lanes.0 + lanes.4, r1 = lanes.1 + lanes.5, r2 = lanes.2 + lanes.6, r3 = lanes.3 + lanes.7
        var s = (r0 + r2) + (r1 + r3)
        while j < n { s += term(j); j += 1 }
        return s
    }
}
