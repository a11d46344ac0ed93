// The BLAKE3 compression function (§2.2), row-wise on SIMD4<UInt32>: one G per lane, diagonals by lane rotation.

/// The 4×4 state as four rows; `compress` never allocates.
struct Blake3State {
    var row0: SIMD4<UInt32>
    var row1: SIMD4<UInt32>
    var row2: SIMD4<UInt32>
    var row3: SIMD4<UInt32>

    @inline(__always)
    init(_ row0: SIMD4<UInt32>, _ row1: SIMD4<UInt32>, _ row2: SIMD4<UInt32>, _ row3: SIMD4<UInt32>) {
        self.row0 = row0
        self.row1 = row1
        self.row2 = row2
        self.row3 = row3
    }
}

/// Rotate right by a constant. Written as shift-shift-add (the bits are disjoint, so + equals |):
/// LLVM turns the `|` form into a vector rotate that it scalarizes on baseline x86-64 (SSE2).
/// Also used for 16: a 16-bit lane swap (pshuflw/pshufhw) is no shorter on the critical path, and
/// LLVM folds it with the neighbouring lane rotations into a slow 6-instruction blend.
@inline(__always)
func rotateRight(_ x: SIMD4<UInt32>, _ n: UInt32) -> SIMD4<UInt32> {
    (x &>> n) &+ (x &<< (32 - n))
}

/// Four G functions at once (§2.2): lane i of the rows is G's (a, b, c, d) for column or diagonal i.
@inline(__always)
func quarterRounds(_ s: inout Blake3State, _ mx: SIMD4<UInt32>, _ my: SIMD4<UInt32>) {
    s.row0 = s.row0 &+ s.row1 &+ mx
    s.row3 = rotateRight(s.row3 ^ s.row0, 16)
    s.row2 = s.row2 &+ s.row3
    s.row1 = rotateRight(s.row1 ^ s.row2, 12)
    s.row0 = s.row0 &+ s.row1 &+ my
    s.row3 = rotateRight(s.row3 ^ s.row0, 8)
    s.row2 = s.row2 &+ s.row3
    s.row1 = rotateRight(s.row1 ^ s.row2, 7)
}

/// One round: G on the columns, then on the diagonals (as the reference SSE4.1 code does). Row 1,
/// the last one G writes, stays in place, so no shuffle sits on the round's critical path: rows 0,
/// 2, 3 rotate by 3, 1, 2 lanes, which puts diagonal (i + 3) mod 4 in lane i: (v3,v4,v9,v14),
/// (v0,v5,v10,v15), (v1,v6,v11,v12), (v2,v7,v8,v13). The diagonal message words come in that order.
@inline(__always)
func round(_ s: inout Blake3State, _ colX: SIMD4<UInt32>, _ colY: SIMD4<UInt32>,
           _ diagX: SIMD4<UInt32>, _ diagY: SIMD4<UInt32>) {
    quarterRounds(&s, colX, colY)
    s.row0 = SIMD4(s.row0[3], s.row0[0], s.row0[1], s.row0[2])
    s.row2 = SIMD4(s.row2[1], s.row2[2], s.row2[3], s.row2[0])
    s.row3 = SIMD4(s.row3[2], s.row3[3], s.row3[0], s.row3[1])
    quarterRounds(&s, diagX, diagY)
    s.row0 = SIMD4(s.row0[1], s.row0[2], s.row0[3], s.row0[0])
    s.row2 = SIMD4(s.row2[3], s.row2[0], s.row2[1], s.row2[2])
    s.row3 = SIMD4(s.row3[2], s.row3[3], s.row3[0], s.row3[1])
}

/// Seven rounds over the initial state (cv, IV[0..3], counter, block length, flags), no feed-forward.
/// Round r reads the message words in the order of the permutation σ (§2.2, Table 2:
/// σ = 2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8) applied r times; the seven resulting
/// schedules are written out below so that every gather is a constant shuffle.
@inline(__always)
func compressRounds(_ cv: SIMD8<UInt32>, _ m: SIMD16<UInt32>, _ counter: UInt64,
                    _ blockLength: UInt32, _ flags: UInt32) -> Blake3State {
    var s = Blake3State(cv.lowHalf, cv.highHalf, Blake3Constants.iv.lowHalf,
                        SIMD4(UInt32(truncatingIfNeeded: counter), UInt32(truncatingIfNeeded: counter >> 32),
                              blockLength, flags))
    round(&s, SIMD4(m[0], m[2], m[4], m[6]), SIMD4(m[1], m[3], m[5], m[7]),
          SIMD4(m[14], m[8], m[10], m[12]), SIMD4(m[15], m[9], m[11], m[13]))
    round(&s, SIMD4(m[2], m[3], m[7], m[4]), SIMD4(m[6], m[10], m[0], m[13]),
          SIMD4(m[15], m[1], m[12], m[9]), SIMD4(m[8], m[11], m[5], m[14]))
    round(&s, SIMD4(m[3], m[10], m[13], m[7]), SIMD4(m[4], m[12], m[2], m[14]),
          SIMD4(m[8], m[6], m[9], m[11]), SIMD4(m[1], m[5], m[0], m[15]))
    round(&s, SIMD4(m[10], m[12], m[14], m[13]), SIMD4(m[7], m[9], m[3], m[15]),
          SIMD4(m[1], m[4], m[11], m[5]), SIMD4(m[6], m[0], m[2], m[8]))
    round(&s, SIMD4(m[12], m[9], m[15], m[14]), SIMD4(m[13], m[11], m[10], m[8]),
          SIMD4(m[6], m[7], m[5], m[0]), SIMD4(m[4], m[2], m[3], m[1]))
    round(&s, SIMD4(m[9], m[11], m[8], m[15]), SIMD4(m[14], m[5], m[12], m[1]),
          SIMD4(m[4], m[13], m[0], m[2]), SIMD4(m[7], m[3], m[10], m[6]))
    round(&s, SIMD4(m[11], m[5], m[1], m[8]), SIMD4(m[15], m[0], m[9], m[6]),
          SIMD4(m[7], m[14], m[2], m[3]), SIMD4(m[13], m[10], m[12], m[4]))
    return s
}

/// The compression function truncated to its first 8 words: the new chaining value (§2.2, §2.4).
@inline(__always)
func compressCV(_ cv: SIMD8<UInt32>, _ block: SIMD16<UInt32>, _ counter: UInt64,
                _ blockLength: UInt32, _ flags: UInt32) -> SIMD8<UInt32> {
    let s = compressRounds(cv, block, counter, blockLength, flags)
    return SIMD8(lowHalf: s.row0 ^ s.row2, highHalf: s.row1 ^ s.row3)
}

/// The full 16-word output, used for root output blocks of the XOF (§2.6).
@inline(__always)
func compressFull(_ cv: SIMD8<UInt32>, _ block: SIMD16<UInt32>, _ counter: UInt64,
                  _ blockLength: UInt32, _ flags: UInt32) -> SIMD16<UInt32> {
    let s = compressRounds(cv, block, counter, blockLength, flags)
    return SIMD16(lowHalf: SIMD8(lowHalf: s.row0 ^ s.row2, highHalf: s.row1 ^ s.row3),
                  highHalf: SIMD8(lowHalf: s.row2 ^ cv.lowHalf, highHalf: s.row3 ^ cv.highHalf))
}

/// Loads 64 bytes as 16 little-endian words (the message block, §2.2); little-endian targets only
/// (see the #error in Blake3ChunkState.swift).
@inline(__always)
func loadBlock(_ p: UnsafeRawPointer) -> SIMD16<UInt32> {
    p.loadUnaligned(as: SIMD16<UInt32>.self)
}
