// Four chunks hashed at once (§5.3, "SIMD across chunks"): lane j of every vector belongs to chunk j,
// so each G runs on four independent states with no lane shuffles. Used for whole chunks that are
// certainly not the last; the seven rounds are unrolled with the message schedules of σ (§2.2).

/// When the four-lane path pays off. One four-lane compression costs about two row-wise ones
/// (Blake3Bench, SSE2), yet two chunks in four lanes still beat two row-wise chunks by ~8 % (3 KiB
/// inputs): the row-wise chain is latency-bound, the four-lane one is not.
enum Blake3Parallel {
    /// Lanes (chunks hashed together).
    static let lanes = 4
    /// Fewest whole chunks that take the four-lane path; lanes beyond them repeat chunk 0.
    static let minChunks = 2
}

/// Word i of one 64-byte block of each of the four chunks (lane j = chunk j).
struct Blake3Message4 {
    var w0: SIMD4<UInt32>
    var w1: SIMD4<UInt32>
    var w2: SIMD4<UInt32>
    var w3: SIMD4<UInt32>
    var w4: SIMD4<UInt32>
    var w5: SIMD4<UInt32>
    var w6: SIMD4<UInt32>
    var w7: SIMD4<UInt32>
    var w8: SIMD4<UInt32>
    var w9: SIMD4<UInt32>
    var w10: SIMD4<UInt32>
    var w11: SIMD4<UInt32>
    var w12: SIMD4<UInt32>
    var w13: SIMD4<UInt32>
    var w14: SIMD4<UInt32>
    var w15: SIMD4<UInt32>

    /// Loads block `offset` of the chunks at `p0`…`p3` (one per lane) and transposes it.
    @inline(__always)
    init(_ p0: UnsafeRawPointer, _ p1: UnsafeRawPointer, _ p2: UnsafeRawPointer, _ p3: UnsafeRawPointer,
         blockOffset offset: Int) {
        let a = loadBlock(p0 + offset)
        let b = loadBlock(p1 + offset)
        let c = loadBlock(p2 + offset)
        let d = loadBlock(p3 + offset)
        w0 = SIMD4(a[0], b[0], c[0], d[0])
        w1 = SIMD4(a[1], b[1], c[1], d[1])
        w2 = SIMD4(a[2], b[2], c[2], d[2])
        w3 = SIMD4(a[3], b[3], c[3], d[3])
        w4 = SIMD4(a[4], b[4], c[4], d[4])
        w5 = SIMD4(a[5], b[5], c[5], d[5])
        w6 = SIMD4(a[6], b[6], c[6], d[6])
        w7 = SIMD4(a[7], b[7], c[7], d[7])
        w8 = SIMD4(a[8], b[8], c[8], d[8])
        w9 = SIMD4(a[9], b[9], c[9], d[9])
        w10 = SIMD4(a[10], b[10], c[10], d[10])
        w11 = SIMD4(a[11], b[11], c[11], d[11])
        w12 = SIMD4(a[12], b[12], c[12], d[12])
        w13 = SIMD4(a[13], b[13], c[13], d[13])
        w14 = SIMD4(a[14], b[14], c[14], d[14])
        w15 = SIMD4(a[15], b[15], c[15], d[15])
    }
}

/// G (§2.2) on four states at once.
@inline(__always)
func g(_ a: inout SIMD4<UInt32>, _ b: inout SIMD4<UInt32>, _ c: inout SIMD4<UInt32>, _ d: inout SIMD4<UInt32>,
       _ mx: SIMD4<UInt32>, _ my: SIMD4<UInt32>) {
    a = a &+ b &+ mx
    d = rotateRight(d ^ a, 16)
    c = c &+ d
    b = rotateRight(b ^ c, 12)
    a = a &+ b &+ my
    d = rotateRight(d ^ a, 8)
    c = c &+ d
    b = rotateRight(b ^ c, 7)
}

/// The chaining values of four chunks, word-major: h[i] lane j = word i of chunk j's CV.
struct Blake3CV4 {
    var h0, h1, h2, h3, h4, h5, h6, h7: SIMD4<UInt32>

    @inline(__always)
    init(key: SIMD8<UInt32>) {
        h0 = SIMD4(repeating: key[0]); h1 = SIMD4(repeating: key[1])
        h2 = SIMD4(repeating: key[2]); h3 = SIMD4(repeating: key[3])
        h4 = SIMD4(repeating: key[4]); h5 = SIMD4(repeating: key[5])
        h6 = SIMD4(repeating: key[6]); h7 = SIMD4(repeating: key[7])
    }

    /// Chunk j's chaining value.
    @inline(__always)
    func cv(_ j: Int) -> SIMD8<UInt32> {
        SIMD8(h0[j], h1[j], h2[j], h3[j], h4[j], h5[j], h6[j], h7[j])
    }

    /// One compression of a block of each chunk; keeps the truncated output as the new CVs.
    @inline(__always)
    mutating func compress(_ m: Blake3Message4, counterLow: SIMD4<UInt32>, counterHigh: SIMD4<UInt32>, flags: UInt32) {
        var v0 = h0, v1 = h1, v2 = h2, v3 = h3, v4 = h4, v5 = h5, v6 = h6, v7 = h7
        let iv = Blake3Constants.iv
        var v8 = SIMD4(repeating: iv[0]), v9 = SIMD4(repeating: iv[1])
        var v10 = SIMD4(repeating: iv[2]), v11 = SIMD4(repeating: iv[3])
        var v12 = counterLow, v13 = counterHigh
        var v14 = SIMD4<UInt32>(repeating: UInt32(Blake3Constants.blockLength)), v15 = SIMD4<UInt32>(repeating: flags)
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

/// Hashes `count` (1…4) complete consecutive chunks at `p` (chunk counters `counter`…), none of
/// which is the root; chunk j's chaining value is `cv(j)` of the result. Lanes past `count` hash
/// chunk 0 again (never reading past the input) and are ignored.
@inline(never)
func hashChunks4(_ p: UnsafeRawPointer, count: Int, key: SIMD8<UInt32>, counter: UInt64, flags: UInt32) -> Blake3CV4 {
    let length = Blake3Constants.chunkLength
    let p1 = count > 1 ? p + length : p
    let p2 = count > 2 ? p + 2 * length : p
    let p3 = count > 3 ? p + 3 * length : p
    var state = Blake3CV4(key: key)
    let counters = SIMD4<UInt64>(counter, counter &+ 1, counter &+ 2, counter &+ 3)
    let low = SIMD4<UInt32>(truncatingIfNeeded: counters)
    let high = SIMD4<UInt32>(truncatingIfNeeded: counters &>> 32)
    var offset = 0
    while offset < length {
        var f = flags
        if offset == 0 { f |= Blake3Flag.chunkStart }
        if offset == length - Blake3Constants.blockLength { f |= Blake3Flag.chunkEnd }
        state.compress(Blake3Message4(p, p1, p2, p3, blockOffset: offset), counterLow: low, counterHigh: high, flags: f)
        offset &+= Blake3Constants.blockLength
    }
    return state
}
