// Text → token ids for GGUF vocabularies, matching llama.cpp's llama_tokenize: GPT-2 byte-level
// BPE (tokenizer.ggml.model "gpt2") with llama.cpp's pre-tokenizers, and SentencePiece BPE
// ("llama") with score-based merges, U+2581 for spaces and <0xXX> byte fallback.

public struct Tokenizer {
    /// Which algorithm the vocabulary uses.
    public enum Model: Equatable, Sendable {
        case bytePairGPT2(PreTokenizer)
        case sentencePiece
    }

    public let model: Model
    public let bosID: Int32?
    public let eosID: Int32?
    public let unknownID: Int32?
    /// Whether `encode(addSpecial: true)` prepends BOS / appends EOS (tokenizer.ggml.add_*_token).
    public let addBOS: Bool
    public let addEOS: Bool
    /// SentencePiece: prefix a space to text at the start and after special tokens.
    public let addSpacePrefix: Bool
    /// llama3-family BPE: a word that is itself a token skips merging.
    let ignoreMerges: Bool
    /// Detokenization removes spaces before punctuation/contractions (llama.cpp clean_spaces).
    let cleanSpaces: Bool

    let vocab: Vocabulary
    let merges: BPEMerges?
    let splitter: SpecialTokenSplitter
    /// BPE: UTF-8 of the byte-level code point of each byte.
    let byteEncoding: [[UInt8]]
    /// SentencePiece: id of the <0xXX> token (or the one-byte token) for each byte.
    let byteTokens: [Int32?]

    public var vocabSize: Int { vocab.count }

    /// Builds the tokenizer described by the file's tokenizer.ggml.* metadata.
    public init(gguf: GGUFFile) throws(TokenizerError) {
        try self.init(gguf: gguf, preTokenizerName: nil)
    }

    /// As `init(gguf:)`, with `tokenizer.ggml.pre` replaced by `preTokenizerName` when given
    /// (tests run one vocabulary under several pre-tokenizers).
    public init(gguf: GGUFFile, preTokenizerName: String?) throws(TokenizerError) {
        guard let modelName = gguf.string("tokenizer.ggml.model") else { throw .missingKey("tokenizer.ggml.model") }
        vocab = try Vocabulary(gguf: gguf)
        splitter = SpecialTokenSplitter(vocab: vocab)
        let n = vocab.count

        var bos: Int32?, eos: Int32?, unk: Int32?
        var addBOS = false, addSpacePrefix = false
        switch modelName {
        case "gpt2":
            let pre = preTokenizerName ?? gguf.string("tokenizer.ggml.pre") ?? "default"
            guard let p = PreTokenizer(ggufName: pre) else { throw .unsupportedPreTokenizer(pre) }
            model = .bytePairGPT2(p)
            merges = try BPEMerges(gguf: gguf)
            let llama3Names = ["llama3", "llama-v3", "llama-bpe", "falcon3", "falcon-h1", "pixtral", "midm-2.0",
                               "lfm2", "jina-v5-nano"]
            let keepsSpaces = ["smollm", "qwen2", "deepseek-r1-qwen", "kormo", "f2llmv2", "command-r", "hunyuan",
                               "solar-open"]
            ignoreMerges = llama3Names.contains(pre)
            addBOS = ignoreMerges
            cleanSpaces = !keepsSpaces.contains(pre)
            bos = 11; eos = 11
            byteEncoding = ByteLevel.encodingTable()
            byteTokens = []
        case "llama":
            model = .sentencePiece
            merges = nil
            ignoreMerges = false
            cleanSpaces = false
            addBOS = true
            addSpacePrefix = true
            bos = 1; eos = 2; unk = 0
            byteEncoding = []
            var table: [Int32?] = []
            let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
            for b in 0..<256 {
                let name: [UInt8] = [0x3C, 0x30, 0x78, hex[b >> 4], hex[b & 15], 0x3E]  // <0xXX>
                table.append(vocab.id(of: name) ?? vocab.id(of: [UInt8(b)]))
            }
            byteTokens = table
        default:
            throw .unsupportedModel(modelName)
        }

        // Special ids: defaults per model, out-of-range defaults dropped, in-range metadata wins.
        func special(_ key: String, _ fallback: Int32?) -> Int32? {
            var id = fallback.flatMap { Int($0) < n ? $0 : nil }
            if let v = gguf.uint32(key), Int(v) < n { id = Int32(v) }
            return id
        }
        bosID = special("tokenizer.ggml.bos_token_id", bos)
        eosID = special("tokenizer.ggml.eos_token_id", eos)
        unknownID = special("tokenizer.ggml.unknown_token_id", unk)
        if let v = gguf.bool("tokenizer.ggml.add_space_prefix") { addSpacePrefix = v }
        if let v = gguf.bool("tokenizer.ggml.add_bos_token") { addBOS = v }
        addEOS = gguf.bool("tokenizer.ggml.add_eos_token") ?? false
        guard !addBOS || bosID != nil else { throw .badKey("tokenizer.ggml.add_bos_token", reason: "true, but no BOS id") }
        guard !addEOS || eosID != nil else { throw .badKey("tokenizer.ggml.add_eos_token", reason: "true, but no EOS id") }
        self.addBOS = addBOS
        self.addSpacePrefix = addSpacePrefix
    }

    /// The id whose token text is exactly `token`.
    public func id(of token: String) -> Int32? { vocab.id(of: Array(token.utf8)) }

    /// Attributes of token `id` (empty when out of range).
    public func attributes(of id: Int32) -> TokenAttributes {
        id >= 0 && Int(id) < vocab.count ? vocab.attributes[Int(id)] : []
    }

    // MARK: Encoding

    /// Token ids of `text` as llama_tokenize(text, add_special: addSpecial, parse_special: parseSpecial).
    public func encode(_ text: String, addSpecial: Bool = false, parseSpecial: Bool = false) -> [Int32] {
        let bytes = Array(text.utf8)
        var output: [Int32] = []
        output.reserveCapacity(bytes.count / 3 + 4)
        if addSpecial && addBOS, let bosID { output.append(bosID) }
        let fragments = splitter.split(bytes, vocab: vocab, parseSpecial: parseSpecial)
        switch model {
        case .sentencePiece:
            var merger = SentencePieceMerger()
            var isPrevSpecial = true
            var escaped: [UInt8] = []
            for f in fragments {
                switch f {
                case .token(let id):
                    output.append(id)
                    isPrevSpecial = true
                case .text(let start, let end):
                    escaped.removeAll(keepingCapacity: true)
                    if addSpacePrefix && isPrevSpecial { escaped.append(contentsOf: Tokenizer.spaceMark) }
                    for b in bytes[start..<end] {
                        if b == 0x20 { escaped.append(contentsOf: Tokenizer.spaceMark) } else { escaped.append(b) }
                    }
                    merger.encode(escaped, vocab: vocab, byteTokens: byteTokens, unknown: unknownID, into: &output)
                    isPrevSpecial = false
                }
            }
        case .bytePairGPT2(let pre):
            var state = BPEEncodeState()
            for f in fragments {
                switch f {
                case .token(let id): output.append(id)
                case .text(let start, let end): encodeBPE(bytes[start..<end], pre, &state, &output)
                }
            }
        }
        if addSpecial && addEOS, let eosID { output.append(eosID) }
        return output
    }

    /// "▁" (U+2581), SentencePiece's visible space.
    static let spaceMark: [UInt8] = [0xE2, 0x96, 0x81]

    /// Reused buffers of one BPE encode call.
    struct BPEEncodeState {
        var cps: [UInt32] = []
        var cls: [CodePointClass] = []
        var cpOffset: [Int] = []
        var ends: [Int] = []
        var word: [UInt8] = []
        var charStarts: [Int] = []
        var merger = BPEMerger()
    }

    private func encodeBPE(_ text: ArraySlice<UInt8>, _ pre: PreTokenizer, _ s: inout BPEEncodeState,
                           _ output: inout [Int32]) {
        guard let merges else { return }
        s.cps.removeAll(keepingCapacity: true)
        s.cls.removeAll(keepingCapacity: true)
        s.cpOffset.removeAll(keepingCapacity: true)
        s.ends.removeAll(keepingCapacity: true)
        UTF8Decoder.decode(text) { cp, offset in
            s.cps.append(cp)
            s.cls.append(CodePointClass(cp))
            s.cpOffset.append(offset)
        }
        s.cpOffset.append(text.endIndex)
        pre.split(s.cps, s.cls, into: &s.ends)
        var wordStart = 0
        for wordEnd in s.ends {
            s.word.removeAll(keepingCapacity: true)
            s.charStarts.removeAll(keepingCapacity: true)
            // The input came from a String, so it is valid UTF-8 and the word's bytes are its own.
            for b in text[s.cpOffset[wordStart]..<s.cpOffset[wordEnd]] {
                s.charStarts.append(s.word.count)
                s.word.append(contentsOf: byteEncoding[Int(b)])
            }
            s.merger.encode(word: s.word, charStarts: s.charStarts, vocab: vocab, merges: merges,
                            ignoreMerges: ignoreMerges, into: &output)
            wordStart = wordEnd
        }
    }
}
