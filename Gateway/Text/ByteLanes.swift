// Byte-class tests on 16 bytes at once, in lane arithmetic that LLVM keeps in SSE2 registers:
// Swift's SIMD comparison operators compile to per-lane loops, so each test here is an addition
// that carries into bit 7 of the lane. A lane holds 0x80 where a test holds, 0 elsewhere.
// Used by the text folder, the decode hints, the canonical writer's escape scan and ByteSearch.

enum ByteLanes {
    @inline(__always) static var high: SIMD16<UInt8> { SIMD16(repeating: 0x80) }

    /// 0x80 in each lane whose byte is ≥ `k`, for lanes ≤ 0x7F and k ≤ 128: the sum x + (128 − k)
    /// stays below 256 and reaches bit 7 exactly when x ≥ k.
    @inline(__always)
    static func atLeast(_ v: SIMD16<UInt8>, _ k: UInt8) -> SIMD16<UInt8> {
        (v &+ SIMD16(repeating: 128 &- k)) & high
    }

    /// 0x80 in each lane whose byte is in `lo..<hi` (lanes ≤ 0x7F, hi ≤ 128).
    @inline(__always)
    static func inRange(_ v: SIMD16<UInt8>, _ lo: UInt8, _ hi: UInt8) -> SIMD16<UInt8> {
        atLeast(v, lo) & ~atLeast(v, hi)
    }

    /// 0x80 in each lane equal to `k` (lanes and k ≤ 0x7F): (x ^ k) + 0x7F reaches bit 7 unless x ^ k is 0.
    /// (Written as `inRange(v, k, k + 1)`, LLVM recognizes a compare and scalarizes it.)
    @inline(__always)
    static func equals(_ v: SIMD16<UInt8>, _ k: UInt8) -> SIMD16<UInt8> {
        (((v ^ SIMD16(repeating: k)) &+ SIMD16(repeating: 0x7F)) & high) ^ high
    }

    /// True if any bit of any lane is set.
    @inline(__always)
    static func any(_ v: SIMD16<UInt8>) -> Bool {
        let words = unsafeBitCast(v, to: SIMD2<UInt64>.self)
        return words[0] | words[1] != 0
    }

    /// Bit i = bit 7 of lane i (SSE2's pmovmskb, which Swift does not expose): per 64-bit half,
    /// the multiply gathers the eight lane bits into the top byte without carries.
    @inline(__always)
    static func mask(_ v: SIMD16<UInt8>) -> UInt16 {
        let words = unsafeBitCast(v, to: SIMD2<UInt64>.self)
        let low = ((words[0] >> 7) &* 0x0102_0408_1020_4080) >> 56
        let high = ((words[1] >> 7) &* 0x0102_0408_1020_4080) >> 56
        return UInt16(truncatingIfNeeded: low | high << 8)
    }
}
