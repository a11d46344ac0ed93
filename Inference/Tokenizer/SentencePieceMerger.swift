// SentencePiece BPE over one text fragment (llama.cpp llm_tokenizer_spm_session): start from
// UTF-8 characters, repeatedly merge the adjacent pair whose concatenation is the vocabulary
// token with the highest score (leftmost on ties, via MergeQueue), fall back to <0xXX> bytes.

struct SentencePieceMerger {
    /// Symbol i covers text[symStart[i] ..< symStart[i] + symLength[i]]; merged-away symbols have
    /// length 0.
    private var symStart: [Int] = []
    private var symLength: [Int] = []
    private var next: [Int] = []
    private var prev: [Int] = []
    private var queue = MergeQueue()

    /// Encodes `text` (spaces already escaped to U+2581) and appends the ids.
    mutating func encode(_ text: [UInt8], vocab: Vocabulary, byteTokens: [Int32?], unknown: Int32?,
                         into output: inout [Int32]) {
        symStart.removeAll(keepingCapacity: true)
        symLength.removeAll(keepingCapacity: true)
        next.removeAll(keepingCapacity: true)
        prev.removeAll(keepingCapacity: true)
        queue.removeAll()
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
        for i in 0..<n { pushPair(i, text, vocab) }

        // Highest score first (queued negated), leftmost on ties; skip stale candidates.
        while let c = queue.pop() {
            let l = Int(c.left), r = Int(c.right)
            guard symLength[l] == Int(c.leftLength), symLength[r] == Int(c.rightLength),
                  symLength[l] > 0, symLength[r] > 0, next[l] == r else { continue }
            symLength[l] += symLength[r]
            symLength[r] = 0
            next[l] = next[r]
            if next[r] != -1 { prev[next[r]] = l }
            if prev[l] != -1 { pushPair(prev[l], text, vocab) }
            pushPair(l, text, vocab)
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

    /// Queues the merge of symbol i with its right neighbour if their concatenation is a token.
    private mutating func pushPair(_ i: Int, _ text: [UInt8], _ vocab: Vocabulary) {
        let j = next[i]
        guard j != -1 else { return }
        let joined = text[symStart[i]..<(symStart[j] + symLength[j])]
        guard let id = joined.withUnsafeBufferPointer({ vocab.id(of: $0) }) else { return }
        queue.push(MergeCandidate(key: -vocab.scores[Int(id)], left: Int32(i), right: Int32(j),
                                  leftLength: Int32(symLength[i]), rightLength: Int32(symLength[j])))
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
