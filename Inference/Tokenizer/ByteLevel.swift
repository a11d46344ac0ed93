// GPT-2 byte-level alphabet (bytes_to_unicode in OpenAI's encoder.py, llama.cpp unicode.cpp):
// printable bytes map to themselves, the other 68 to U+0100…U+0143 in byte order.

enum ByteLevel {
    /// Code point standing for byte b.
    static func scalar(for b: UInt8) -> UInt32 {
        if isPrintable(b) { return UInt32(b) }
        // Count the non-printable bytes below b: they take 256, 257, … in order.
        var n: UInt32 = 0
        var c: UInt8 = 0
        while c < b {
            if !isPrintable(c) { n += 1 }
            c += 1
        }
        return 256 + n
    }

    /// Byte for code point `cp`, nil if `cp` is not in the alphabet.
    static func byte(for cp: UInt32) -> UInt8? {
        if cp < 256 { return isPrintable(UInt8(cp)) ? UInt8(cp) : nil }
        guard cp < 256 + 68 else { return nil }
        var n: UInt32 = 256
        for b in 0...255 where !isPrintable(UInt8(b)) {
            if n == cp { return UInt8(b) }
            n += 1
        }
        return nil
    }

    /// '!'…'~', '¡'…'¬', '®'…'ÿ'.
    static func isPrintable(_ b: UInt8) -> Bool {
        (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || b >= 0xAE
    }

    /// UTF-8 of the code point for each byte (1 or 2 bytes), as a 256-entry table.
    static func encodingTable() -> [[UInt8]] {
        (0...255).map { utf8(scalar(for: UInt8($0))) }
    }

    static func utf8(_ cp: UInt32) -> [UInt8] {
        if cp < 0x80 { return [UInt8(cp)] }
        if cp < 0x800 { return [UInt8(0xC0 | (cp >> 6)), UInt8(0x80 | (cp & 0x3F))] }
        if cp < 0x10000 {
            return [UInt8(0xE0 | (cp >> 12)), UInt8(0x80 | ((cp >> 6) & 0x3F)), UInt8(0x80 | (cp & 0x3F))]
        }
        return [UInt8(0xF0 | (cp >> 18)), UInt8(0x80 | ((cp >> 12) & 0x3F)),
                UInt8(0x80 | ((cp >> 6) & 0x3F)), UInt8(0x80 | (cp & 0x3F))]
    }
}
