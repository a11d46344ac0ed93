// Token ids → bytes/text, matching llama.cpp's llama_token_to_piece and llama_detokenize
// (remove_special = false): byte-level or ▁ unescaping, byte tokens, optional special rendering,
// SentencePiece leading-space removal and BPE clean-up of spaces before punctuation.

extension Tokenizer {
    /// Bytes of token `id` with special (control/unknown) tokens rendered as their text.
    public func piece(_ id: Int32) -> [UInt8] { piece(id, special: true) }

    /// Bytes of token `id`; control and unknown tokens are empty unless `special`. Out-of-range ids
    /// are empty.
    public func piece(_ id: Int32, special: Bool) -> [UInt8] {
        guard id >= 0, Int(id) < vocab.count else { return [] }
        let attr = vocab.attributes[Int(id)]
        let text = vocab.text(Int(id))
        if !attr.isDisjoint(with: TokenAttributes.hiddenUnlessSpecial) { return special ? Array(text) : [] }
        if attr.contains(.userDefined) { return Array(text) }
        if attr.contains(.normal) {
            switch model {
            case .sentencePiece: return unescapeSpaces(text)
            case .bytePairGPT2: return decodeByteLevel(text)
            }
        }
        if attr.contains(.byte) { return tokenByte(text).map { [$0] } ?? [] }
        return []
    }

    /// Text of `ids` (invalid UTF-8 is repaired with U+FFFD).
    public func decode(_ ids: [Int32], special: Bool = false) -> String {
        let bytes = decodeBytes(ids, special: special)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Bytes of `ids` as llama_detokenize(remove_special: false, unparse_special: special).
    public func decodeBytes(_ ids: [Int32], special: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        var removeSpace = addSpacePrefix
        for id in ids {
            let p = piece(id, special: special)
            if removeSpace, p.first == 0x20 { out.append(contentsOf: p.dropFirst()) } else { out.append(contentsOf: p) }
            removeSpace = false
        }
        return cleanSpaces ? Tokenizer.cleanUpSpaces(out) : out
    }

    private func unescapeSpaces(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var i = text.startIndex
        while i < text.endIndex {
            if i + 2 < text.endIndex, text[i] == 0xE2, text[i + 1] == 0x96, text[i + 2] == 0x81 {
                out.append(0x20); i += 3
            } else {
                out.append(text[i]); i += 1
            }
        }
        return out
    }

    /// Maps each code point back to its byte; unknown code points become "[UNK_BYTE_0x…]" as in llama.cpp.
    private func decodeByteLevel(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        UTF8Decoder.decode(text) { cp, _ in
            if let b = ByteLevel.byte(for: cp) {
                out.append(b)
            } else {
                out.append(contentsOf: Array("[UNK_BYTE_0x".utf8))
                for u in ByteLevel.utf8(cp) { out.append(hex[Int(u >> 4)]); out.append(hex[Int(u & 15)]) }
                out.append(contentsOf: text)
                out.append(0x5D)
            }
        }
        return out
    }

    /// The byte of a "<0xXX>" token.
    private func tokenByte(_ text: ArraySlice<UInt8>) -> UInt8? {
        guard text.count >= 5 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 0x30...0x39: return c - 0x30
            case 0x41...0x46: return c - 0x41 + 10
            case 0x61...0x66: return c - 0x61 + 10
            default: return nil
            }
        }
        let s = text.startIndex
        guard let hi = nibble(text[s + 3]), let lo = nibble(text[s + 4]) else { return nil }
        return hi << 4 | lo
    }

    /// llama.cpp clean_spaces: drop the space in " ?", " !", " .", " ,", in " ' " (both),
    /// and before "'s", "'m", "'re", "'ve".
    static func cleanUpSpaces(_ input: [UInt8]) -> [UInt8] {
        let space: UInt8 = 0x20, quote: UInt8 = 0x27
        var text = input
        // Pass 1: space before ? ! . ,
        var total = text.isEmpty ? 0 : 1
        var i = 1
        while i < text.count {
            let x = text[i]
            if text[i - 1] == space && (x == 0x3F || x == 0x21 || x == 0x2E || x == 0x2C) { total -= 1 }
            text[total] = x; total += 1; i += 1
        }
        text.removeLast(text.count - total)
        // Pass 2: a lone apostrophe between spaces loses both spaces.
        total = text.isEmpty ? 0 : 1
        i = 1
        let n2 = text.count
        while i < n2 {
            let x = text[i]
            if x == quote && i + 1 < n2 && text[i - 1] == space && text[i + 1] == space {
                total -= 1
                i += 1
                text[i] = 0
            }
            text[total] = x; total += 1; i += 1
        }
        text.removeLast(text.count - total)
        // Pass 3: space before 's 'm 're 've.
        total = text.isEmpty ? 0 : 1
        i = 1
        let n3 = text.count
        while i < n3 {
            let x = text[i]
            if text[i - 1] == space && x == quote && i + 1 < n3 {
                let x1 = text[i + 1]
                if x1 == 0x73 || x1 == 0x6D {
                    total -= 1
                } else if i + 2 < n3 {
                    let x2 = text[i + 2]
                    if (x1 == 0x72 && x2 == 0x65) || (x1 == 0x76 && x2 == 0x65) { total -= 1 }
                }
            }
            text[total] = x; total += 1; i += 1
        }
        text.removeLast(text.count - total)
        return text
    }
}
