// The compression function (§2.2) on one chunk per lane (§5.3, "SIMD across chunks"), shared by two modules:
// Gateway/Blake3AVX512/Blake3LaneRounds.swift links to this file. Each module defines `Lanes` and
// `laneRotateRight` and loads the blocks: Blake3Parallel.swift (4 lanes), Blake3Lanes16.swift (16, AVX-512).

/// Word i of one 64-byte block of each chunk (lane j = chunk j).
struct LaneMessage {
    var w0, w1, w2, w3, w4, w5, w6, w7, w8, w9, w10, w11, w12, w13, w14, w15: Lanes
}

/// G (§2.2) on every lane's state at once.
@inline(__always)
func g(_ a: inout Lanes, _ b: inout Lanes, _ c: inout Lanes, _ d: inout Lanes, _ mx: Lanes, _ my: Lanes) {
    a = a &+ b &+ mx
    d = laneRotateRight(d ^ a, 16)
    c = c &+ d
    b = laneRotateRight(b ^ c, 12)
    a = a &+ b &+ my
    d = laneRotateRight(d ^ a, 8)
    c = c &+ d
    b = laneRotateRight(b ^ c, 7)
}

/// The chaining values of the chunks, word-major: h[i] lane j = word i of chunk j's CV.
struct LaneCV {
    var h0, h1, h2, h3, h4, h5, h6, h7: Lanes

    /// One compression of a block of each chunk; keeps the truncated output as the new CVs. The seven
    /// rounds are unrolled with the message schedules of σ (§2.2).
    @inline(__always)
    mutating func compress(_ m: LaneMessage, counterLow: Lanes, counterHigh: Lanes, flags: UInt32) {
        var v0 = h0, v1 = h1, v2 = h2, v3 = h3, v4 = h4, v5 = h5, v6 = h6, v7 = h7
        // IV[0…3] (§2.2, as Blake3Constants.iv, which the AVX-512 module does not have), block length 64.
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
