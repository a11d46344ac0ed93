// SentencePiece BPE over one text fragment (llama.cpp llm_tokenizer_spm_session): start from
// UTF-8 characters, repeatedly merge the adjacent pair whose concatenation is the vocabulary
// token with the highest score (leftmost on ties, via MergeQueue), fall back to <0xXX> bytes.

struct SentencePieceMerger {
    private var symbols = SymbolList()
    /// Offsets of the UTF-8 characters of the text (one initial symbol each).
    private var charStarts: [Int] = []

    /// Encodes `text` (spaces already escaped to U+2581) and appends the ids.
    mutating func encode(_ text: [UInt8], vocab: Vocabulary, byteTokens: [Int32?], unknown: Int32?,
                         into output: inout [Int32]) {
        charStarts.removeAll(keepingCapacity: true)
        var offset = 0
        while offset < text.count {
            charStarts.append(offset)
            offset += min(SentencePieceMerger.utf8Length(text[offset]), text.count - offset)
        }
        symbols.reset(starts: charStarts, end: text.count)
        // Highest score first (negated), when the concatenation is a vocabulary token.
        symbols.merge { left, right in
            let joined = text[left.lowerBound..<right.upperBound]
            guard let id = joined.withUnsafeBufferPointer({ vocab.id(of: $0) }) else { return nil }
            return -vocab.scores[Int(id)]
        }

        // Only single characters can miss (merges always form tokens): emit their bytes.
        symbols.appendTokens(of: text, vocab: vocab, into: &output) { b, output in
            if let id = byteTokens[Int(b)] { output.append(id) } else if let unknown { output.append(unknown) }
        }
    }

    /// Bytes in the UTF-8 sequence led by `b` (llama.cpp unicode_len_utf8; continuation bytes count 1).
    static func utf8Length(_ b: UInt8) -> Int {
        switch b >> 4 {
        case 0xC, 0xD: return 2
        case 0xE: return 3
        case 0xF: return 4
        default: return 1
        }
    }
}
