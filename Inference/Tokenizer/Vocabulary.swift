// The token table read from GGUF (tokenizer.ggml.tokens / scores / token_type): token bytes in
// one flat buffer, scores, attributes and a byte-exact text → id index.

struct Vocabulary {
    /// All token texts back to back (UTF-8 as stored in the file).
    private(set) var bytes: [UInt8] = []
    /// Token i is bytes[start[i] ..< start[i+1]].
    private(set) var start: [Int32] = [0]
    /// SentencePiece scores (0 when the file has none).
    private(set) var scores: [Float] = []
    private(set) var attributes: [TokenAttributes] = []
    private var index: ByteStringTable

    var count: Int { scores.count }

    init(gguf: GGUFFile) throws(TokenizerError) {
        let key = "tokenizer.ggml.tokens"
        guard let tokens = gguf.array(key) else { throw .missingKey(key) }
        guard tokens.elementType == .string else { throw .badKey(key, reason: "must be an array of strings") }
        let n = tokens.count
        guard n > 0, n <= InferenceLimits.tokenizerMaxVocab else { throw .badVocabularySize(n) }

        var scoreArray: GGUFArray?
        if let s = gguf.array("tokenizer.ggml.scores") {
            guard s.elementType == .float32 || s.elementType == .int32, s.count >= n else {
                throw .badKey("tokenizer.ggml.scores", reason: "must be float32/int32 with one entry per token")
            }
            scoreArray = s
        }
        var typeArray: GGUFArray?
        if let t = gguf.array("tokenizer.ggml.token_type") {
            guard t.elementType == .int32, t.count >= n else {
                throw .badKey("tokenizer.ggml.token_type", reason: "must be int32 with one entry per token")
            }
            typeArray = t
        }

        index = ByteStringTable(expectedCount: n)
        scores.reserveCapacity(n)
        attributes.reserveCapacity(n)
        start.reserveCapacity(n + 1)
        var failure: TokenizerError?
        var texts = bytes
        var starts = start
        var table = index
        tokens.forEachString { i, raw in
            guard failure == nil else { return }
            guard raw.count <= InferenceLimits.tokenizerMaxTokenBytes else {
                failure = .tokenTooLong(id: i, bytes: raw.count); return
            }
            let first = texts.count
            if raw.isEmpty {
                texts.append(contentsOf: Array("[EMPTY_\(i)]".utf8))  // As llama.cpp names empty tokens.
            } else {
                texts.append(contentsOf: raw)
            }
            let dup = texts.withUnsafeBufferPointer { table.insert(UnsafeBufferPointer(rebasing: $0[first...]), value: Int32(i)) }
            if let dup {
                failure = .duplicateToken(String(decoding: texts[first...], as: UTF8.self), first: dup, second: Int32(i))
                return
            }
            starts.append(Int32(texts.count))
        }
        if let failure { throw failure }
        bytes = texts
        start = starts
        index = table
        for i in 0..<n {
            scores.append(scoreArray?.float(at: i) ?? 0)
            attributes.append(typeArray.map { TokenAttributes(tokenType: $0.int(at: i) ?? 1) } ?? .normal)
        }
        applyLlamaCppOverrides()
    }

    /// Token text bytes of `id` (caller checks the range).
    func text(_ id: Int) -> ArraySlice<UInt8> { bytes[Int(start[id])..<Int(start[id + 1])] }

    func textLength(_ id: Int) -> Int { Int(start[id + 1] - start[id]) }

    /// The id whose text is exactly `key`.
    func id(of key: UnsafeBufferPointer<UInt8>) -> Int32? { index[key] }
    func id(of key: [UInt8]) -> Int32? { index[key] }

    /// llama.cpp marks end-of-generation and FIM texts as control tokens and control tokens whose
    /// text contains "unused" as unused (llama-vocab.cpp, load()).
    private mutating func applyLlamaCppOverrides() {
        for text in TokenAttributes.controlTexts {
            if let id = id(of: Array(text.utf8)) { attributes[Int(id)].insert(.control) }
        }
        let unused = Array("unused".utf8)
        for i in 0..<count where attributes[i].contains(.control) {
            if contains(text(i), unused) { attributes[i].insert(.unused) }
        }
    }

    private func contains(_ hay: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard hay.count >= needle.count else { return false }
        var s = hay.startIndex
        while s + needle.count <= hay.endIndex {
            if hay[s..<(s + needle.count)].elementsEqual(needle) { return true }
            s += 1
        }
        return false
    }
}
