// Which decoded views a string can have, found in one pass over its bytes: percent/backslash
// escapes need '%' or '\', HTML entities need '&', and base64 or hex segments need a run of
// base64-alphabet bytes at least as long as the shorter minimum (hex digits are base64 bytes).

struct DecodeHints: Equatable {
    var percentOrBackslash = false
    var ampersand = false
    var longRun = false

    var any: Bool { percentOrBackslash || ampersand || longRun }

    /// The shortest run that counts (`PrefilterLimits`' base64 and hex minimums).
    static let minRun = min(PrefilterLimits.minBase64Run, PrefilterLimits.minHexRun)

    init(seen: UInt8) {
        longRun = seen & 1 != 0
        percentOrBackslash = seen & 2 != 0
        ampersand = seen & 4 != 0
    }

    /// 16 bytes per step (`Block`), then byte by byte. The block step finds runs only at block
    /// edges, which is exact while `minRun` ≥ 16: a run inside one block is at most 14 bytes long.
    init(_ bytes: [UInt8]) {
        var run = 0
        var seen: UInt8 = 0
        bytes.withUnsafeBufferPointer { text in
            var k = 0
            if DecodeHints.minRun >= 16, let base = text.baseAddress {
                while k &+ 16 <= text.count {
                    let block = Block(UnsafeRawPointer(base + k))
                    seen |= block.flags
                    if block.base64 == 0xFFFF {
                        run &+= 16
                    } else {
                        run &+= (~block.base64).trailingZeroBitCount  // the run entering the block ends
                        if run >= DecodeHints.minRun { seen |= 1 }
                        run = (~block.base64).leadingZeroBitCount  // the run leaving the block starts
                    }
                    if run >= DecodeHints.minRun { seen |= 1 }
                    k &+= 16
                }
            }
            DecodeHints.classify(UnsafeBufferPointer(rebasing: text[k...]), run: &run, seen: &seen)
        }
        self.init(seen: seen)
    }

    /// Byte by byte through `classes` only (the reference for tests of the block step).
    static func byBytes(_ bytes: [UInt8]) -> DecodeHints {
        var run = 0
        var seen: UInt8 = 0
        bytes.withUnsafeBufferPointer { classify($0, run: &run, seen: &seen) }
        return DecodeHints(seen: seen)
    }

    @inline(__always)
    static func classify(_ text: UnsafeBufferPointer<UInt8>, run: inout Int, seen: inout UInt8) {
        classes.withUnsafeBufferPointer { table in
            for b in text {
                let c = table[Int(b)]
                if c & 1 != 0 {
                    run += 1
                    if run >= minRun { seen |= 1 }
                } else {
                    run = 0
                    seen |= c
                }
            }
        }
    }

    /// Per byte: 1 = base64 alphabet, 2 = '%' or '\', 4 = '&'.
    static let classes: [UInt8] = (0..<256).map { (b: Int) -> UInt8 in
        let u = UInt8(b)
        if Prefilter.isBase64Char(u) { return 1 }
        if u == 37 || u == 92 { return 2 }
        return u == 38 ? 4 : 0
    }

    /// The classes of 16 bytes at once, in lane arithmetic (see `TextFolder.atLeast`): bit i of
    /// `base64` is set when byte i is in the base64 alphabet; `flags` holds 2 and 4 as `classes` does.
    struct Block {
        var base64: UInt16
        var flags: UInt8

        @inline(__always)
        init(_ p: UnsafeRawPointer) {
            let v = p.loadUnaligned(as: SIMD16<UInt8>.self)
            let high = SIMD16<UInt8>(repeating: 0x80)
            let ascii = ~v & high  // bytes ≥ 0x80 are in no class
            let u = v & SIMD16(repeating: 0x7F)
            let letters = (TextFolder.atLeast(u, 65) & ~TextFolder.atLeast(u, 91))
                | (TextFolder.atLeast(u, 97) & ~TextFolder.atLeast(u, 123))
            let digits = TextFolder.atLeast(u, 48) & ~TextFolder.atLeast(u, 58)
            let symbols = Block.equals(u, 43) | Block.equals(u, 47) | Block.equals(u, 45)  // + / -
                | Block.equals(u, 95) | Block.equals(u, 61)  // _ =
            base64 = Block.laneBits((letters | digits | symbols) & ascii)
            flags = (TextFolder.isAnySet((Block.equals(u, 37) | Block.equals(u, 92)) & ascii) ? 2 : 0)
                | (TextFolder.isAnySet(Block.equals(u, 38) & ascii) ? 4 : 0)
        }

        /// 0x80 in each lane equal to `k` (lanes and k ≤ 0x7F): x ^ k + 0x7F reaches bit 7 unless x ^ k is 0.
        @inline(__always)
        static func equals(_ u: SIMD16<UInt8>, _ k: UInt8) -> SIMD16<UInt8> {
            (((u ^ SIMD16(repeating: k)) &+ SIMD16(repeating: 0x7F)) & SIMD16(repeating: 0x80)) ^ SIMD16(repeating: 0x80)
        }

        /// Bit i = bit 7 of lane i (SSE2's pmovmskb, which Swift does not expose): per 64-bit half,
        /// the multiply gathers the eight lane bits into the top byte without carries.
        @inline(__always)
        static func laneBits(_ v: SIMD16<UInt8>) -> UInt16 {
            let words = unsafeBitCast(v, to: SIMD2<UInt64>.self)
            let low = ((words[0] >> 7) &* 0x0102_0408_1020_4080) >> 56
            let high = ((words[1] >> 7) &* 0x0102_0408_1020_4080) >> 56
            return UInt16(truncatingIfNeeded: low | high << 8)
        }
    }
}
