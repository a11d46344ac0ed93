// Lenient UTF-8 → code point decoding as llama.cpp's unicode_cpts_from_utf8: an invalid or
// truncated sequence yields U+FFFD and resynchronizes one byte later.

enum UTF8Decoder {
    /// Calls `body(codePoint, byteOffset)` for each code point of `bytes`.
    static func decode(_ bytes: ArraySlice<UInt8>, _ body: (UInt32, Int) -> Void) {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b0 = bytes[i]
            func cont(_ k: Int) -> UInt32? {
                guard i + k < end, bytes[i + k] & 0xC0 == 0x80 else { return nil }
                return UInt32(bytes[i + k] & 0x3F)
            }
            if b0 < 0x80 {
                body(UInt32(b0), i); i += 1; continue
            }
            if b0 & 0xE0 == 0xC0, let c1 = cont(1) {
                body((UInt32(b0 & 0x1F) << 6) | c1, i); i += 2; continue
            }
            if b0 & 0xF0 == 0xE0, let c1 = cont(1), let c2 = cont(2) {
                body((UInt32(b0 & 0x0F) << 12) | (c1 << 6) | c2, i); i += 3; continue
            }
            if b0 & 0xF8 == 0xF0, let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) {
                body((UInt32(b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3, i); i += 4; continue
            }
            body(0xFFFD, i)
            i += 1
        }
    }
}
