// Sixteen chunks (or sixteen parent nodes) hashed at once on AVX-512 (§5.3, "SIMD across chunks"):
// lane j of every 512-bit vector belongs to chunk j. Compiled for skylake-avx512 (AVX-512 F/CD/BW/DQ/VL)
// as its own module; Blake3 binds the C entry points in Exports.swift and calls them only when the CPU
// features say so (Blake3Wide.enable(cpuinfoFlags:)). The rounds are Blake3LaneRounds.swift, shared with the
// four-lane path (Blake3Parallel.swift); this file holds the sixteen-lane loads, stores and chunk/parent loops.

/// The lane vector of the shared rounds (Blake3LaneRounds.swift): one lane per chunk.
typealias Lanes = SIMD16<UInt32>

/// The rotation of the shared rounds.
@inline(__always)
func laneRotateRight(_ x: Lanes, _ n: UInt32) -> Lanes {
    (x &>> n) | (x &<< (32 - n))   // one vprord
}

extension LaneMessage {
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

/// Hashes 16 complete consecutive chunks at `p` (chunk counters `counter`…`counter + 15`), none of
/// them the root, and stores chunk j's chaining value as words out[8j…8j+7].
@inline(__always)
func hashChunks16(_ p: UnsafeRawPointer, key: UnsafePointer<UInt32>, counter: UInt64, flags: UInt32,
                  out: UnsafeMutablePointer<UInt32>) {
    let chunkLength = 1024, blockLength = 64
    let chunkStart: UInt32 = 1, chunkEnd: UInt32 = 2
    var s = LaneCV(key: key)
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
        s.compress(LaneMessage(p, stride: chunkLength, blockOffset: offset), counterLow: low, counterHigh: high, flags: f)
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
    var s = LaneCV(key: key)
    s.compress(LaneMessage(p, stride: 64, blockOffset: 0), counterLow: Lanes(), counterHigh: Lanes(), flags: flags | parent)
    s.store(out)
}

extension LaneCV {
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
