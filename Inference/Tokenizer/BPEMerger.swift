// Byte-pair merging of one word (llama.cpp llm_tokenizer_bpe_session): repeatedly merge the
// adjacent pair with the lowest merge rank (leftmost on ties), then map each symbol to a token.

/// Merge ranks keyed by "left right" (the text of tokenizer.ggml.merges entries).
struct BPEMerges {
    private var table: ByteStringTable

    init(gguf: GGUFFile) throws(TokenizerError) {
        let key = "tokenizer.ggml.merges"
        guard let merges = gguf.array(key) else { throw .missingKey(key) }
        guard merges.elementType == .string else { throw .badKey(key, reason: "must be an array of strings") }
        var table = ByteStringTable(expectedCount: merges.count)
        merges.forEachString { rank, raw in
            // llama.cpp splits at the first space after position 0; entries without one map ("", "").
            var split = -1
            var i = 1
            while i < raw.count {
                if raw[i] == 0x20 { split = i; break }
                i += 1
            }
            let key: [UInt8] = split < 0 ? [0x20] : Array(raw)
            _ = table.insert(key, value: Int32(rank))  // The first occurrence keeps its rank.
        }
        self.table = table
    }

    /// Rank of merging `left` and `right`; `scratch` is reused to build the key.
    func rank(_ left: ArraySlice<UInt8>, _ right: ArraySlice<UInt8>, scratch: inout [UInt8]) -> Int32? {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: left)
        scratch.append(0x20)
        scratch.append(contentsOf: right)
        return scratch.withUnsafeBufferPointer { table[$0] }
    }
}

/// Scratch state for merging words; reused across the words of one encode call.
struct BPEMerger {
    /// Symbol i covers word[symStart[i] ..< symStart[i] + symLength[i]] (byte-level encoded text).
    private var symStart: [Int] = []
    private var symLength: [Int] = []
    private var next: [Int] = []
    private var prev: [Int] = []
    /// Rank of merging symbol i with next[i] (Int32.max when there is no merge).
    private var rank: [Int32] = []
    private var scratch: [UInt8] = []

    /// Encodes one word (already mapped to the byte-level alphabet, UTF-8) and appends the ids.
    /// `charStarts` are the offsets of the word's code points (one initial symbol each).
    mutating func encode(word: [UInt8], charStarts: [Int], vocab: Vocabulary, merges: BPEMerges,
                         ignoreMerges: Bool, into output: inout [Int32]) {
        if ignoreMerges, let id = vocab.id(of: word) { output.append(id); return }
        let n = charStarts.count
        symStart = charStarts
        symLength.removeAll(keepingCapacity: true)
        next.removeAll(keepingCapacity: true)
        prev.removeAll(keepingCapacity: true)
        rank.removeAll(keepingCapacity: true)
        for i in 0..<n {
            symLength.append((i + 1 < n ? charStarts[i + 1] : word.count) - charStarts[i])
            next.append(i + 1 < n ? i + 1 : -1)
            prev.append(i - 1)
        }
        for i in 0..<n { rank.append(pairRank(i, word, merges)) }

        while true {
            // Lowest rank, leftmost on ties (symbol indices increase left to right).
            var best = -1
            var bestRank = Int32.max
            var i = 0
            while i != -1 {
                if rank[i] < bestRank { bestRank = rank[i]; best = i }
                i = next[i]
            }
            if best < 0 { break }
            let r = next[best]
            symLength[best] += symLength[r]
            next[best] = next[r]
            if next[r] != -1 { prev[next[r]] = best }
            rank[best] = pairRank(best, word, merges)
            if prev[best] != -1 { rank[prev[best]] = pairRank(prev[best], word, merges) }
        }

        var i = n > 0 ? 0 : -1
        while i != -1 {
            let text = word[symStart[i]..<(symStart[i] + symLength[i])]
            if let id = text.withUnsafeBufferPointer({ vocab.id(of: $0) }) {
                output.append(id)
            } else {
                // llama.cpp falls back to single-byte tokens of the symbol text, skipping misses.
                for b in text {
                    if let id = vocab.id(of: [b]) { output.append(id) }
                }
            }
            i = next[i]
        }
    }

    private mutating func pairRank(_ i: Int, _ word: [UInt8], _ merges: BPEMerges) -> Int32 {
        let j = next[i]
        guard j != -1 else { return Int32.max }
        let left = word[symStart[i]..<(symStart[i] + symLength[i])]
        let right = word[symStart[j]..<(symStart[j] + symLength[j])]
        return merges.rank(left, right, scratch: &scratch) ?? Int32.max
    }
}
