// The merge loop shared by BPE and SentencePiece (llama.cpp llm_tokenizer_{bpe,spm}_session): the
// symbols of one word as a linked list over its text, merged pairwise in MergeQueue order. The
// tokenizers differ only in the key of a pair (a merge rank, a negated score) and in byte fallback.

/// Scratch state reused across the words of one encode call; hot paths don't allocate once warm.
struct SymbolList {
    /// Symbol i covers text[start[i] ..< start[i] + length[i]]; a symbol merged into its left
    /// neighbour has length 0.
    private var start: [Int] = []
    private var length: [Int] = []
    /// Neighbour indices in text order, -1 at either end.
    private var next: [Int] = []
    private var prev: [Int] = []
    private var queue = MergeQueue()

    /// Starts over with one symbol per offset of `starts` (ascending); the last ends at `end`.
    mutating func reset(starts: [Int], end: Int) {
        let n = starts.count
        start.removeAll(keepingCapacity: true)
        start.append(contentsOf: starts)
        length.removeAll(keepingCapacity: true)
        next.removeAll(keepingCapacity: true)
        prev.removeAll(keepingCapacity: true)
        queue.removeAll()
        for i in 0..<n {
            length.append((i + 1 < n ? starts[i + 1] : end) - starts[i])
            next.append(i + 1 < n ? i + 1 : -1)
            prev.append(i - 1)
        }
    }

    /// Merges until no queued pair is left. `key(left, right)` gives the text ranges of two
    /// adjacent symbols and returns the pair's priority (lower merges first, leftmost on ties),
    /// or nil if the pair never merges.
    @inline(__always)
    mutating func merge(key: (Range<Int>, Range<Int>) -> Float?) {
        for i in 0..<start.count { pushPair(i, key) }
        while let c = queue.pop() {
            let l = Int(c.left), r = Int(c.right)
            // Skip candidates whose symbols changed since they were queued.
            guard length[l] == Int(c.leftLength), length[r] == Int(c.rightLength),
                  length[l] > 0, length[r] > 0, next[l] == r else { continue }
            length[l] += length[r]
            length[r] = 0
            next[l] = next[r]
            if next[r] != -1 { prev[next[r]] = l }
            if prev[l] != -1 { pushPair(prev[l], key) }
            pushPair(l, key)
        }
    }

    /// Appends the id of each remaining symbol of `text`, in text order; a symbol that is not a
    /// vocabulary token is handed to `byteFallback` one byte at a time.
    @inline(__always)
    func appendTokens(of text: [UInt8], vocab: Vocabulary, into output: inout [Int32],
                      byteFallback: (UInt8, inout [Int32]) -> Void) {
        var i = start.isEmpty ? -1 : 0
        while i != -1 {
            let symbol = text[range(i)]
            if let id = symbol.withUnsafeBufferPointer({ vocab.id(of: $0) }) {
                output.append(id)
            } else {
                for b in symbol { byteFallback(b, &output) }
            }
            i = next[i]
        }
    }

    private func range(_ i: Int) -> Range<Int> { start[i]..<(start[i] + length[i]) }

    /// Queues the merge of symbol i with its right neighbour if `key` has a priority for it.
    @inline(__always)
    private mutating func pushPair(_ i: Int, _ key: (Range<Int>, Range<Int>) -> Float?) {
        let j = next[i]
        guard j != -1, let k = key(range(i), range(j)) else { return }
        queue.push(MergeCandidate(key: k, left: Int32(i), right: Int32(j),
                                  leftLength: Int32(length[i]), rightLength: Int32(length[j])))
    }
}
