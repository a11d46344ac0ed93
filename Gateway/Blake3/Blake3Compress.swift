// The BLAKE3 compression function (§2.2), row-wise on SIMD4<UInt32>: one G per lane, diagonals by lane rotation.

/// The 4×4 state as four rows; `compress` never allocates.
@usableFromInline
struct Blake3State {
    @usableFromInline var row0: SIMD4<UInt32>
    @usableFromInline var row1: SIMD4<UInt32>
    @usableFromInline var row2: SIMD4<UInt32>
    @usableFromInline var row3: SIMD4<UInt32>

    @inline(__always) @usableFromInline
    init(_ row0: SIMD4<UInt32>, _ row1: SIMD4<UInt32>, _ row2: SIMD4<UInt32>, _ row3: SIMD4<UInt32>) {
        self.row0 = row0
        self.row1 = row1
        self.row2 = row2
        self.row3 = row3
    }
}

@inline(__always)
func rotateRight(_ x: SIMD4<UInt32>, _ n: UInt32) -> SIMD4<UInt32> {
    (x &>> n) | (x &<< (32 - n))
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

/// One round: G on the columns, then on the diagonals. Diagonalizing rotates row 1 left by one lane,
/// row 2 by two and row 3 by three, so lane i holds diagonal i: (v0,v5,v10,v15), (v1,v6,v11,v12), …
@inline(__always)
func round(_ s: inout Blake3State, _ m: SIMD16<UInt32>) {
    quarterRounds(&s, SIMD4(m[0], m[2], m[4], m[6]), SIMD4(m[1], m[3], m[5], m[7]))
    s.row1 = SIMD4(s.row1[1], s.row1[2], s.row1[3], s.row1[0])
    s.row2 = SIMD4(s.row2[2], s.row2[3], s.row2[0], s.row2[1])
    s.row3 = SIMD4(s.row3[3], s.row3[0], s.row3[1], s.row3[2])
    quarterRounds(&s, SIMD4(m[8], m[10], m[12], m[14]), SIMD4(m[9], m[11], m[13], m[15]))
    s.row1 = SIMD4(s.row1[3], s.row1[0], s.row1[1], s.row1[2])
    s.row2 = SIMD4(s.row2[2], s.row2[3], s.row2[0], s.row2[1])
    s.row3 = SIMD4(s.row3[1], s.row3[2], s.row3[3], s.row3[0])
}

/// The message permutation applied between rounds (§2.2, Table 2): m'[i] = m[σ(i)],
/// σ = (2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8).
@inline(__always)
func permute(_ m: SIMD16<UInt32>) -> SIMD16<UInt32> {
    SIMD16(m[2], m[6], m[3], m[10], m[7], m[0], m[4], m[13],
           m[1], m[11], m[12], m[5], m[9], m[14], m[15], m[8])
}

/// Seven rounds over the initial state (cv, IV[0..3], counter, block length, flags), no feed-forward.
@inline(__always)
func compressRounds(_ cv: SIMD8<UInt32>, _ block: SIMD16<UInt32>, _ counter: UInt64,
                    _ blockLength: UInt32, _ flags: UInt32) -> Blake3State {
    var s = Blake3State(cv.lowHalf, cv.highHalf, Blake3Constants.iv.lowHalf,
                        SIMD4(UInt32(truncatingIfNeeded: counter), UInt32(truncatingIfNeeded: counter >> 32),
                              blockLength, flags))
    var m = block
    round(&s, m); m = permute(m)
    round(&s, m); m = permute(m)
    round(&s, m); m = permute(m)
    round(&s, m); m = permute(m)
    round(&s, m); m = permute(m)
    round(&s, m); m = permute(m)
    round(&s, m)
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

/// Loads 64 bytes as 16 little-endian words (the message block, §2.2).
@inline(__always)
func loadBlock(_ p: UnsafeRawPointer) -> SIMD16<UInt32> {
    var w = p.loadUnaligned(as: SIMD16<UInt32>.self)
    #if _endian(big)
    for i in 0..<16 { w[i] = UInt32(littleEndian: w[i]) }
    #endif
    return w
}
