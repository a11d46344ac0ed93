// Four chunks hashed at once (§5.3, "SIMD across chunks"): lane j of every vector belongs to chunk j.
// Used for whole chunks that are certainly not the last; the rounds are in Blake3LaneRounds.swift (shared
// with the AVX-512 module), this file holds the four-lane loads and the chunk loop.

/// When the four-lane path pays off. One four-lane compression costs about two row-wise ones
/// (Blake3Bench, SSE2), yet two chunks in four lanes still beat two row-wise chunks by ~8 % (3 KiB
/// inputs): the row-wise chain is latency-bound, the four-lane one is not.
enum Blake3Parallel {
    /// Lanes (chunks hashed together).
    static let lanes = 4
    /// Fewest whole chunks that take the four-lane path; lanes beyond them repeat chunk 0.
    static let minChunks = 2
}

/// The lane vector of the shared rounds (Blake3LaneRounds.swift): one lane per chunk.
typealias Lanes = SIMD4<UInt32>

/// The rotation of the shared rounds: the shift-shift-add `rotateRight` (Blake3Compress.swift), which
/// baseline x86-64 keeps in SSE2 where the `|` form is scalarized.
@inline(__always)
func laneRotateRight(_ x: Lanes, _ n: UInt32) -> Lanes {
    rotateRight(x, n)
}

extension LaneMessage {
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

extension LaneCV {
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
}

/// Hashes `count` (1…4) complete consecutive chunks at `p` (chunk counters `counter`…), none of
/// which is the root; chunk j's chaining value is `cv(j)` of the result. Lanes past `count` hash
/// chunk 0 again (never reading past the input) and are ignored.
@inline(never)
func hashChunks4(_ p: UnsafeRawPointer, count: Int, key: SIMD8<UInt32>, counter: UInt64, flags: UInt32) -> LaneCV {
    let length = Blake3Constants.chunkLength
    let p1 = count > 1 ? p + length : p
    let p2 = count > 2 ? p + 2 * length : p
    let p3 = count > 3 ? p + 3 * length : p
    var state = LaneCV(key: key)
    let counters = SIMD4<UInt64>(counter, counter &+ 1, counter &+ 2, counter &+ 3)
    let low = SIMD4<UInt32>(truncatingIfNeeded: counters)
    let high = SIMD4<UInt32>(truncatingIfNeeded: counters &>> 32)
    var offset = 0
    while offset < length {
        var f = flags
        if offset == 0 { f |= Blake3Flag.chunkStart }
        if offset == length - Blake3Constants.blockLength { f |= Blake3Flag.chunkEnd }
        state.compress(LaneMessage(p, p1, p2, p3, blockOffset: offset), counterLow: low, counterHigh: high, flags: f)
        offset &+= Blake3Constants.blockLength
    }
    return state
}
