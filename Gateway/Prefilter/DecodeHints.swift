// Which decoded views a string can have, found in one pass over its bytes: percent/backslash
// escapes need '%' or '\', HTML entities need '&', and base64 or hex segments need a run of
// base64-alphabet bytes at least as long as the shorter minimum (hex digits are base64 bytes).

struct DecodeHints {
    var percentOrBackslash = false
    var ampersand = false
    var longRun = false

    var any: Bool { percentOrBackslash || ampersand || longRun }

    init(_ bytes: [UInt8]) {
        let minRun = min(PrefilterLimits.minBase64Run, PrefilterLimits.minHexRun)
        var run = 0
        var seen: UInt8 = 0
        DecodeHints.classes.withUnsafeBufferPointer { table in
            bytes.withUnsafeBufferPointer { text in
                for b in text {
                    let k = table[Int(b)]
                    if k & 1 != 0 {
                        run += 1
                        if run >= minRun { seen |= 1 }
                    } else {
                        run = 0
                        seen |= k
                    }
                }
            }
        }
        longRun = seen & 1 != 0
        percentOrBackslash = seen & 2 != 0
        ampersand = seen & 4 != 0
    }

    /// Per byte: 1 = base64 alphabet, 2 = '%' or '\', 4 = '&'.
    static let classes: [UInt8] = (0..<256).map { (b: Int) -> UInt8 in
        let u = UInt8(b)
        if Prefilter.isBase64Char(u) { return 1 }
        if u == 37 || u == 92 { return 2 }
        return u == 38 ? 4 : 0
    }
}
