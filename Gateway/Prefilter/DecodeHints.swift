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
        for b in bytes {
            if Prefilter.isBase64Char(b) {
                run += 1
                if run >= minRun { longRun = true }
            } else {
                run = 0
                if b == 37 || b == 92 { percentOrBackslash = true } else if b == 38 { ampersand = true }
            }
        }
    }
}
