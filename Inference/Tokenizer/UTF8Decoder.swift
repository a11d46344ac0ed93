// Lenient UTF-8 → code point decoding as llama.cpp's unicode_cpts_from_utf8 (an invalid or
// truncated sequence yields U+FFFD and resynchronizes one byte later), and the inverse.

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

    /// Calls `body` with each UTF-8 byte of `cp` (no allocation).
    static func encode(_ cp: UInt32, _ body: (UInt8) -> Void) {
        if cp < 0x80 {
            body(UInt8(cp))
        } else if cp < 0x800 {
            body(UInt8(0xC0 | (cp >> 6))); body(UInt8(0x80 | (cp & 0x3F)))
        } else if cp < 0x10000 {
            body(UInt8(0xE0 | (cp >> 12))); body(UInt8(0x80 | ((cp >> 6) & 0x3F))); body(UInt8(0x80 | (cp & 0x3F)))
        } else {
            body(UInt8(0xF0 | ((cp >> 18) & 0x07))); body(UInt8(0x80 | ((cp >> 12) & 0x3F)))
            body(UInt8(0x80 | ((cp >> 6) & 0x3F))); body(UInt8(0x80 | (cp & 0x3F)))
        }
    }
}
