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
    init(_ text: UnsafeBufferPointer<UInt8>) {
        var run = 0
        var seen: UInt8 = 0
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

    /// The classes of 16 bytes at once (`ByteLanes`): bit i of `base64` is set when byte i is in
    /// the base64 alphabet; `flags` holds 2 and 4 as `classes` does.
    struct Block {
        var base64: UInt16
        var flags: UInt8

        @inline(__always)
        init(_ p: UnsafeRawPointer) {
            typealias L = ByteLanes
            let v = p.loadUnaligned(as: SIMD16<UInt8>.self)
            let ascii = ~v & L.high  // bytes ≥ 0x80 are in no class
            let u = v & SIMD16(repeating: 0x7F)
            let letters = L.inRange(u, 65, 91) | L.inRange(u, 97, 123)
            let digits = L.inRange(u, 48, 58)
            let symbols = L.equals(u, 43) | L.equals(u, 47) | L.equals(u, 45) | L.equals(u, 95) | L.equals(u, 61)  // + / - _ =
            base64 = L.mask((letters | digits | symbols) & ascii)
            flags = (L.any((L.equals(u, 37) | L.equals(u, 92)) & ascii) ? 2 : 0)  // % \
                | (L.any(L.equals(u, 38) & ascii) ? 4 : 0)  // &
        }
    }
}
