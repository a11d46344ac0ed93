// Sixteen chunks (or sixteen parent nodes) hashed at once on AVX-512 (§5.3, "SIMD across chunks"):
// lane j of every 512-bit vector belongs to chunk j. Compiled for skylake-avx512 (AVX-512 F/CD/BW/DQ/VL)
// as its own module; Blake3 binds the C entry points in Exports.swift and calls them only when the CPU
// features say so (Blake3Wide.enable(cpuinfoFlags:)). Rounds and message schedules as Blake3Parallel.swift.

typealias Lanes = SIMD16<UInt32>

@inline(__always)
func rotr(_ x: Lanes, _ n: UInt32) -> Lanes {
    (x &>> n) | (x &<< (32 - n))   // one vprord
}

/// G (§2.2) on sixteen states at once.
@inline(__always)
func g(_ a: inout Lanes, _ b: inout Lanes, _ c: inout Lanes, _ d: inout Lanes, _ mx: Lanes, _ my: Lanes) {
    a = a &+ b &+ mx
    d = rotr(d ^ a, 16)
    c = c &+ d
    b = rotr(b ^ c, 12)
    a = a &+ b &+ my
    d = rotr(d ^ a, 8)
    c = c &+ d
    b = rotr(b ^ c, 7)
}

/// Word i of one 64-byte block of each of the sixteen chunks (lane j = chunk j).
struct Message16 {
    var w0, w1, w2, w3, w4, w5, w6, w7, w8, w9, w10, w11, w12, w13, w14, w15: Lanes

    /// Loads block `offset` of the chunks at p, p + stride, … and transposes the 16×16 words
    /// (the shuffle network of the reference blake3_avx512.c: 32-bit, 64-bit, then 128-bit lanes).
    @inline(__always)
    init(_ p: UnsafeRawPointer, stride: Int, blockOffset offset: Int) {
        @inline(__always) func row(_ j: Int) -> Lanes { p.loadUnaligned(fromByteOffset: j &* stride &+ offset, as: Lanes.self) }
        let r0 = row(0), r1 = row(1), r2 = row(2), r3 = row(3), r4 = row(4), r5 = row(5), r6 = row(6), r7 = row(7)
        let r8 = row(8), r9 = row(9), r10 = row(10), r11 = row(11), r12 = row(12), r13 = row(13), r14 = row(14), r15 = row(15)
        let ab0 = lo32(r0, r1), ab2 = hi32(r0, r1), cd0 = lo32(r2, r3), cd2 = hi32(r2, r3)
        let ef0 = lo32(r4, r5), ef2 = hi32(r4, r5), gh0 = lo32(r6, r7), gh2 = hi32(r6, r7)
        let ij0 = lo32(r8, r9), ij2 = hi32(r8, r9), kl0 = lo32(r10, r11), kl2 = hi32(r10, r11)
        let mn0 = lo32(r12, r13), mn2 = hi32(r12, r13), op0 = lo32(r14, r15), op2 = hi32(r14, r15)
        let abcd0 = lo64(ab0, cd0), abcd1 = hi64(ab0, cd0), abcd2 = lo64(ab2, cd2), abcd3 = hi64(ab2, cd2)
        let efgh0 = lo64(ef0, gh0), efgh1 = hi64(ef0, gh0), efgh2 = lo64(ef2, gh2), efgh3 = hi64(ef2, gh2)
        let ijkl0 = lo64(ij0, kl0), ijkl1 = hi64(ij0, kl0), ijkl2 = lo64(ij2, kl2), ijkl3 = hi64(ij2, kl2)
        let mnop0 = lo64(mn0, op0), mnop1 = hi64(mn0, op0), mnop2 = lo64(mn2, op2), mnop3 = hi64(mn2, op2)
        let a0 = lo128(abcd0, efgh0), a1 = lo128(abcd1, efgh1), a2 = lo128(abcd2, efgh2), a3 = lo128(abcd3, efgh3)
        let a4 = hi128(abcd0, efgh0), a5 = hi128(abcd1, efgh1), a6 = hi128(abcd2, efgh2), a7 = hi128(abcd3, efgh3)
        let b0 = lo128(ijkl0, mnop0), b1 = lo128(ijkl1, mnop1), b2 = lo128(ijkl2, mnop2), b3 = lo128(ijkl3, mnop3)
        let b4 = hi128(ijkl0, mnop0), b5 = hi128(ijkl1, mnop1), b6 = hi128(ijkl2, mnop2), b7 = hi128(ijkl3, mnop3)
        w0 = lo128(a0, b0); w1 = lo128(a1, b1); w2 = lo128(a2, b2); w3 = lo128(a3, b3)
        w4 = lo128(a4, b4); w5 = lo128(a5, b5); w6 = lo128(a6, b6); w7 = lo128(a7, b7)
        w8 = hi128(a0, b0); w9 = hi128(a1, b1); w10 = hi128(a2, b2); w11 = hi128(a3, b3)
        w12 = hi128(a4, b4); w13 = hi128(a5, b5); w14 = hi128(a6, b6); w15 = hi128(a7, b7)
    }
}

// The four shuffles of the transposition, written lane by lane (LLVM emits vpunpck*/vshufi32x4).
@inline(__always) func lo32(_ a: Lanes, _ b: Lanes) -> Lanes {
    Lanes(a[0], b[0], a[1], b[1], a[4], b[4], a[5], b[5], a[8], b[8], a[9], b[9], a[12], b[12], a[13], b[13])
}
@inline(__always) func hi32(_ a: Lanes, _ b: Lanes) -> Lanes {
    Lanes(a[2], b[2], a[3], b[3], a[6], b[6], a[7], b[7], a[10], b[10], a[11], b[11], a[14], b[14], a[15], b[15])
}
@inline(__always) func lo64(_ a: Lanes, _ b: Lanes) -> Lanes {
    Lanes(a[0], a[1], b[0], b[1], a[4], a[5], b[4], b[5], a[8], a[9], b[8], b[9], a[12], a[13], b[12], b[13])
}
@inline(__always) func hi64(_ a: Lanes, _ b: Lanes) -> Lanes {
    Lanes(a[2], a[3], b[2], b[3], a[6], a[7], b[6], b[7], a[10], a[11], b[10], b[11], a[14], a[15], b[14], b[15])
}
/// 128-bit lanes 0 and 2 of a, then 0 and 2 of b (vshufi32x4 0x88).
@inline(__always) func lo128(_ a: Lanes, _ b: Lanes) -> Lanes {
    Lanes(a[0], a[1], a[2], a[3], a[8], a[9], a[10], a[11], b[0], b[1], b[2], b[3], b[8], b[9], b[10], b[11])
}
/// 128-bit lanes 1 and 3 of a, then 1 and 3 of b (vshufi32x4 0xDD).
@inline(__always) func hi128(_ a: Lanes, _ b: Lanes) -> Lanes {
    Lanes(a[4], a[5], a[6], a[7], a[12], a[13], a[14], a[15], b[4], b[5], b[6], b[7], b[12], b[13], b[14], b[15])
}

/// The chaining values of sixteen chunks, word-major: h[i] lane j = word i of chunk j's CV.
struct CV16 {
    var h0, h1, h2, h3, h4, h5, h6, h7: Lanes

    /// One compression of a block of each chunk (block length 64); keeps the truncated output.
    @inline(__always)
    mutating func compress(_ m: Message16, counterLow: Lanes, counterHigh: Lanes, flags: UInt32) {
        var v0 = h0, v1 = h1, v2 = h2, v3 = h3, v4 = h4, v5 = h5, v6 = h6, v7 = h7
        var v8 = Lanes(repeating: 0x6A09_E667), v9 = Lanes(repeating: 0xBB67_AE85)
        var v10 = Lanes(repeating: 0x3C6E_F372), v11 = Lanes(repeating: 0xA54F_F53A)
        var v12 = counterLow, v13 = counterHigh
        var v14 = Lanes(repeating: 64), v15 = Lanes(repeating: flags)
        // Round 1
        g(&v0, &v4, &v8, &v12, m.w0, m.w1)
        g(&v1, &v5, &v9, &v13, m.w2, m.w3)
        g(&v2, &v6, &v10, &v14, m.w4, m.w5)
        g(&v3, &v7, &v11, &v15, m.w6, m.w7)
        g(&v0, &v5, &v10, &v15, m.w8, m.w9)
        g(&v1, &v6, &v11, &v12, m.w10, m.w11)
        g(&v2, &v7, &v8, &v13, m.w12, m.w13)
        g(&v3, &v4, &v9, &v14, m.w14, m.w15)
        // Round 2
        g(&v0, &v4, &v8, &v12, m.w2, m.w6)
        g(&v1, &v5, &v9, &v13, m.w3, m.w10)
        g(&v2, &v6, &v10, &v14, m.w7, m.w0)
        g(&v3, &v7, &v11, &v15, m.w4, m.w13)
        g(&v0, &v5, &v10, &v15, m.w1, m.w11)
        g(&v1, &v6, &v11, &v12, m.w12, m.w5)
        g(&v2, &v7, &v8, &v13, m.w9, m.w14)
        g(&v3, &v4, &v9, &v14, m.w15, m.w8)
        // Round 3
        g(&v0, &v4, &v8, &v12, m.w3, m.w4)
        g(&v1, &v5, &v9, &v13, m.w10, m.w12)
        g(&v2, &v6, &v10, &v14, m.w13, m.w2)
        g(&v3, &v7, &v11, &v15, m.w7, m.w14)
        g(&v0, &v5, &v10, &v15, m.w6, m.w5)
        g(&v1, &v6, &v11, &v12, m.w9, m.w0)
        g(&v2, &v7, &v8, &v13, m.w11, m.w15)
        g(&v3, &v4, &v9, &v14, m.w8, m.w1)
        // Round 4
        g(&v0, &v4, &v8, &v12, m.w10, m.w7)
        g(&v1, &v5, &v9, &v13, m.w12, m.w9)
        g(&v2, &v6, &v10, &v14, m.w14, m.w3)
        g(&v3, &v7, &v11, &v15, m.w13, m.w15)
        g(&v0, &v5, &v10, &v15, m.w4, m.w0)
        g(&v1, &v6, &v11, &v12, m.w11, m.w2)
        g(&v2, &v7, &v8, &v13, m.w5, m.w8)
        g(&v3, &v4, &v9, &v14, m.w1, m.w6)
        // Round 5
        g(&v0, &v4, &v8, &v12, m.w12, m.w13)
        g(&v1, &v5, &v9, &v13, m.w9, m.w11)
        g(&v2, &v6, &v10, &v14, m.w15, m.w10)
        g(&v3, &v7, &v11, &v15, m.w14, m.w8)
        g(&v0, &v5, &v10, &v15, m.w7, m.w2)
        g(&v1, &v6, &v11, &v12, m.w5, m.w3)
        g(&v2, &v7, &v8, &v13, m.w0, m.w1)
        g(&v3, &v4, &v9, &v14, m.w6, m.w4)
        // Round 6
        g(&v0, &v4, &v8, &v12, m.w9, m.w14)
        g(&v1, &v5, &v9, &v13, m.w11, m.w5)
        g(&v2, &v6, &v10, &v14, m.w8, m.w12)
        g(&v3, &v7, &v11, &v15, m.w15, m.w1)
        g(&v0, &v5, &v10, &v15, m.w13, m.w3)
        g(&v1, &v6, &v11, &v12, m.w0, m.w10)
        g(&v2, &v7, &v8, &v13, m.w2, m.w6)
        g(&v3, &v4, &v9, &v14, m.w4, m.w7)
        // Round 7
        g(&v0, &v4, &v8, &v12, m.w11, m.w15)
        g(&v1, &v5, &v9, &v13, m.w5, m.w0)
        g(&v2, &v6, &v10, &v14, m.w1, m.w9)
        g(&v3, &v7, &v11, &v15, m.w8, m.w6)
        g(&v0, &v5, &v10, &v15, m.w14, m.w10)
        g(&v1, &v6, &v11, &v12, m.w2, m.w12)
        g(&v2, &v7, &v8, &v13, m.w3, m.w4)
        g(&v3, &v4, &v9, &v14, m.w7, m.w13)
        h0 = v0 ^ v8; h1 = v1 ^ v9; h2 = v2 ^ v10; h3 = v3 ^ v11
        h4 = v4 ^ v12; h5 = v5 ^ v13; h6 = v6 ^ v14; h7 = v7 ^ v15
    }
}

/// Hashes 16 complete consecutive chunks at `p` (chunk counters `counter`…`counter + 15`), none of
/// them the root, and stores chunk j's chaining value as words out[8j…8j+7].
@inline(__always)
func hashChunks16(_ p: UnsafeRawPointer, key: UnsafePointer<UInt32>, counter: UInt64, flags: UInt32,
                  out: UnsafeMutablePointer<UInt32>) {
    let chunkLength = 1024, blockLength = 64
    let chunkStart: UInt32 = 1, chunkEnd: UInt32 = 2
    var s = CV16(key: key)
    var low = Lanes(), high = Lanes()
    for j in 0..<16 {
        let c = counter &+ UInt64(j)
        low[j] = UInt32(truncatingIfNeeded: c)
        high[j] = UInt32(truncatingIfNeeded: c >> 32)
    }
    var offset = 0
    while offset < chunkLength {
        var f = flags
        if offset == 0 { f |= chunkStart }
        if offset == chunkLength - blockLength { f |= chunkEnd }
        s.compress(Message16(p, stride: chunkLength, blockOffset: offset), counterLow: low, counterHigh: high, flags: f)
        offset &+= blockLength
    }
    s.store(out)
}

/// Sixteen parent nodes (§2.5) at once: block j = the 64 bytes at p + 64j (a left and a right child
/// CV, consecutive), compressed with counter 0 and flags | PARENT; parent j's CV goes to out[8j…8j+7].
/// All 16 blocks are read before any output is written, so `out` may equal `p` (in-place reduction).
@inline(__always)
func hashParents16(_ p: UnsafeRawPointer, key: UnsafePointer<UInt32>, flags: UInt32, out: UnsafeMutablePointer<UInt32>) {
    let parent: UInt32 = 4
    var s = CV16(key: key)
    s.compress(Message16(p, stride: 64, blockOffset: 0), counterLow: Lanes(), counterHigh: Lanes(), flags: flags | parent)
    s.store(out)
}

extension CV16 {
    @inline(__always)
    init(key: UnsafePointer<UInt32>) {
        self.init(h0: Lanes(repeating: key[0]), h1: Lanes(repeating: key[1]), h2: Lanes(repeating: key[2]),
                  h3: Lanes(repeating: key[3]), h4: Lanes(repeating: key[4]), h5: Lanes(repeating: key[5]),
                  h6: Lanes(repeating: key[6]), h7: Lanes(repeating: key[7]))
    }

    /// Lane j's CV as words out[8j…8j+7].
    @inline(__always)
    func store(_ out: UnsafeMutablePointer<UInt32>) {
        let h = (h0, h1, h2, h3, h4, h5, h6, h7)
        for j in 0..<16 {
            out[8 * j] = h.0[j]; out[8 * j + 1] = h.1[j]; out[8 * j + 2] = h.2[j]; out[8 * j + 3] = h.3[j]
            out[8 * j + 4] = h.4[j]; out[8 * j + 5] = h.5[j]; out[8 * j + 6] = h.6[j]; out[8 * j + 7] = h.7[j]
        }
    }
}
