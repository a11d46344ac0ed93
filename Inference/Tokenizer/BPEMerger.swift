// Byte-pair merging of one word (llama.cpp llm_tokenizer_bpe_session): repeatedly merge the
// adjacent pair with the lowest merge rank (leftmost on ties), then map each symbol to a token.

/// Merge ranks keyed by "left right" (the text of tokenizer.ggml.merges entries).
struct BPEMerges {
    private var table: ByteStringTable

    init(gguf: GGUFFile) throws(TokenizerError) {
        let key = "tokenizer.ggml.merges"
        guard let merges = gguf.array(key) else { throw .missingKey(key) }
        guard merges.elementType == .string else { throw .badKey(key, reason: "must be an array of strings") }
        guard merges.byteLength <= InferenceLimits.tokenizerMaxTableBytes else { throw .tableTooLarge(key) }
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
    private var symbols = SymbolList()
    private var scratch: [UInt8] = []

    /// Encodes one word (already mapped to the byte-level alphabet, UTF-8) and appends the ids.
    /// `charStarts` are the offsets of the word's code points (one initial symbol each).
    mutating func encode(word: [UInt8], charStarts: [Int], vocab: Vocabulary, merges: BPEMerges,
                         ignoreMerges: Bool, into output: inout [Int32]) {
        if ignoreMerges, let id = vocab.id(of: word) { output.append(id); return }
        symbols.reset(starts: charStarts, end: word.count)
        // Lowest rank first; the key buffer is moved out so the closure doesn't capture self.
        var key = scratch
        scratch = []
        symbols.merge { left, right in
            merges.rank(word[left], word[right], scratch: &key).map { Float($0) }
        }
        scratch = key

        // llama.cpp falls back to single-byte tokens of the symbol text, skipping misses.
        symbols.appendTokens(of: word, vocab: vocab, into: &output) { b, output in
            if let id = vocab.id(of: [b]) { output.append(id) }
        }
    }
}
