// SentencePiece BPE over one text fragment (llama.cpp llm_tokenizer_spm_session): start from
// UTF-8 characters, repeatedly merge the adjacent pair whose concatenation is the vocabulary
// token with the highest score (leftmost on ties), fall back to <0xXX> byte tokens.

struct SentencePieceMerger {
    private var symStart: [Int] = []
    private var symLength: [Int] = []
    private var next: [Int] = []
    private var prev: [Int] = []
    /// Score of merging symbol i with next[i], nil when the concatenation is not a token.
    private var score: [Float?] = []

    /// Encodes `text` (spaces already escaped to U+2581) and appends the ids.
    mutating func encode(_ text: [UInt8], vocab: Vocabulary, byteTokens: [Int32?], unknown: Int32?,
                         into output: inout [Int32]) {
        symStart.removeAll(keepingCapacity: true)
        symLength.removeAll(keepingCapacity: true)
        next.removeAll(keepingCapacity: true)
        prev.removeAll(keepingCapacity: true)
        score.removeAll(keepingCapacity: true)
        var offset = 0
        while offset < text.count {
            let len = min(SentencePieceMerger.utf8Length(text[offset]), text.count - offset)
            symStart.append(offset)
            symLength.append(len)
            offset += len
        }
        let n = symStart.count
        for i in 0..<n {
            next.append(i + 1 < n ? i + 1 : -1)
            prev.append(i - 1)
        }
        for i in 0..<n { score.append(pairScore(i, text, vocab)) }

        while true {
            var best = -1
            var bestScore: Float = 0
            var i = n > 0 ? 0 : -1
            while i != -1 {
                if let s = score[i], best < 0 || s > bestScore { best = i; bestScore = s }
                i = next[i]
            }
            if best < 0 { break }
            let r = next[best]
            symLength[best] += symLength[r]
            next[best] = next[r]
            if next[r] != -1 { prev[next[r]] = best }
            score[best] = pairScore(best, text, vocab)
            if prev[best] != -1 { score[prev[best]] = pairScore(prev[best], text, vocab) }
        }

        var i = n > 0 ? 0 : -1
        while i != -1 {
            let piece = text[symStart[i]..<(symStart[i] + symLength[i])]
            if let id = piece.withUnsafeBufferPointer({ vocab.id(of: $0) }) {
                output.append(id)
            } else {
                // Only single characters can miss (merges always form tokens): emit their bytes.
                for b in piece {
                    if let id = byteTokens[Int(b)] { output.append(id) } else if let unknown { output.append(unknown) }
                }
            }
            i = next[i]
        }
    }

    private func pairScore(_ i: Int, _ text: [UInt8], _ vocab: Vocabulary) -> Float? {
        let j = next[i]
        guard j != -1 else { return nil }
        let joined = text[symStart[i]..<(symStart[j] + symLength[j])]
        guard let id = joined.withUnsafeBufferPointer({ vocab.id(of: $0) }) else { return nil }
        return vocab.scores[Int(id)]
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
