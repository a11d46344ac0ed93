// Tokenizer parity with llama.cpp: token ids, pieces and detokenized text for the committed tiny
// SentencePiece fixture and for SmolLM2's vocabulary under four pre-tokenizers (refs made by
// Tests/Fixtures/inference/make_tokenizer_refs.py with llama-cpp-python).
import Foundation
import Testing
@testable import Inference

struct TokenizerRefs: Decodable {
    struct Case: Decodable {
        let text: String
        let ids: [Int32]
        let ids_special: [Int32]
        let ids_add_special: [Int32]
        let decoded: String
        let decoded_special: String
    }
    struct Info: Decodable { let n_vocab: Int; let bos: Int32; let eos: Int32 }
    let info: Info
    let cases: [Case]
    /// id → [piece with specials rendered, piece without].
    let pieces: [String: [[UInt8]]]
}

let fixtureDir = repoRoot + "/Tests/Fixtures/inference"

func loadRefs<T: Decodable>(_ name: String, as: T.Type) throws -> T {
    let text = try #require(readText(fixtureDir + "/" + name), "missing fixture \(name)")
    return try JSONDecoder().decode(T.self, from: Data(text.utf8))
}

/// Compares every case and piece of `refs` against `tok`; returns the number of mismatching cases.
@discardableResult
func checkParity(_ tok: Tokenizer, _ refs: TokenizerRefs, label: String) -> Int {
    #expect(tok.vocabSize == refs.info.n_vocab)
    var failures = 0
    for c in refs.cases {
        let ids = tok.encode(c.text)
        let idsSpecial = tok.encode(c.text, parseSpecial: true)
        let idsAdd = tok.encode(c.text, addSpecial: true, parseSpecial: true)
        var ok = true
        if ids != c.ids { ok = false; Issue.record("[\(label)] ids of \(c.text.debugDescription): got \(ids), llama.cpp \(c.ids)") }
        if idsSpecial != c.ids_special {
            ok = false; Issue.record("[\(label)] special ids of \(c.text.debugDescription): got \(idsSpecial), llama.cpp \(c.ids_special)")
        }
        if idsAdd != c.ids_add_special {
            ok = false; Issue.record("[\(label)] add-special ids of \(c.text.debugDescription): got \(idsAdd), llama.cpp \(c.ids_add_special)")
        }
        let dec = tok.decode(c.ids), decSpecial = tok.decode(c.ids_special, special: true)
        if dec != c.decoded { ok = false; Issue.record("[\(label)] decode \(c.ids): got \(dec.debugDescription), llama.cpp \(c.decoded.debugDescription)") }
        if decSpecial != c.decoded_special {
            ok = false; Issue.record("[\(label)] special decode: got \(decSpecial.debugDescription), llama.cpp \(c.decoded_special.debugDescription)")
        }
        if !ok { failures += 1 }
    }
    for (key, expected) in refs.pieces {
        let id = Int32(key)!
        #expect(tok.piece(id) == expected[0], "[\(label)] piece(\(id), special: true)")
        #expect(tok.piece(id, special: false) == expected[1], "[\(label)] piece(\(id), special: false)")
    }
    return failures
}

@Test func sentencePieceMatchesLlamaCpp() throws {
    let refs = try loadRefs("tokenizer_refs_spm.json", as: TokenizerRefs.self)
    let bytes = try #require(mapFile(fixtureDir + "/tiny-spm.gguf"), "missing tiny-spm.gguf")
    let gguf = try GGUFFile(bytes: bytes)
    let tok = try Tokenizer(gguf: gguf)
    #expect(tok.model == .sentencePiece)
    #expect(tok.bosID == refs.info.bos && tok.eosID == refs.info.eos)
    #expect(tok.addBOS && tok.addSpacePrefix)
    #expect(tok.id(of: "<0x0A>") == 13)
    checkParity(tok, refs, label: "spm")
}

struct SmolRefs: Decodable { let smollm: TokenizerRefs; let qwen2: TokenizerRefs; let llama3: TokenizerRefs; let gpt2: TokenizerRefs }

@Test(.enabled(if: smolLM2Bytes != nil, "\(smolLM2Missing)"),
      arguments: [("smollm", nil), ("qwen2", "qwen2"), ("llama3", "llama-bpe"), ("gpt2", "gpt-2")] as [(String, String?)])
func smolLM2MatchesLlamaCpp(label: String, pre: String?) throws {
    let all = try loadRefs("tokenizer_refs_smollm2.json", as: SmolRefs.self)
    let refs = switch label { case "qwen2": all.qwen2; case "llama3": all.llama3; case "gpt2": all.gpt2; default: all.smollm }
    let gguf = try GGUFFile(bytes: smolLM2Bytes!)
    let tok = try Tokenizer(gguf: gguf, preTokenizerName: pre)
    #expect(tok.bosID == refs.info.bos && tok.eosID == refs.info.eos)
    #expect(!tok.addBOS)
    checkParity(tok, refs, label: label)
}

@Test(.enabled(if: smolLM2Bytes != nil, "\(smolLM2Missing)"))
func smolLM2ChatMLSpecials() throws {
    let tok = try Tokenizer(gguf: try GGUFFile(bytes: smolLM2Bytes!))
    #expect(tok.model == .bytePairGPT2(.smollm))
    #expect(tok.id(of: "<|im_start|>") == 1 && tok.id(of: "<|im_end|>") == 2)
    // Specials are single ids only when parsing is asked for.
    #expect(tok.encode("<|im_start|>", parseSpecial: true) == [1])
    #expect(tok.encode("<|im_start|>").count > 1)
    #expect(tok.piece(2) == Array("<|im_end|>".utf8))
    #expect(tok.piece(2, special: false) == [])
    #expect(tok.attributes(of: 2).contains(.control))
    let text = "Is this safe? rm -rf / ✓ 日本"
    #expect(tok.decode(tok.encode(text)) == text)
}

@Test func preTokenizerNames() {
    #expect(PreTokenizer(ggufName: "smollm") == .smollm)
    #expect(PreTokenizer(ggufName: "qwen2") == .qwen2)
    #expect(PreTokenizer(ggufName: "llama-bpe") == .llama3)
    #expect(PreTokenizer(ggufName: "gpt-2") == .gpt2)
    #expect(PreTokenizer(ggufName: "default") == nil)
}

/// Words the pre-tokenizer produces for `text` (as Strings).
private func words(_ pre: PreTokenizer, _ text: String) -> [String] {
    let cps = text.unicodeScalars.map { $0.value }
    var ends: [Int] = []
    pre.split(cps, cps.map { CodePointClass($0) }, into: &ends)
    var out: [String] = []
    var start = 0
    for e in ends {
        var s = ""
        for cp in cps[start..<e] { s.unicodeScalars.append(Unicode.Scalar(cp)!) }
        out.append(s)
        start = e
    }
    return out
}

@Test func preTokenizerSplits() {
    #expect(words(.gpt2, "Hello world's  end 123") == ["Hello", " world", "'s", " ", " end", " 123"])
    #expect(words(.smollm, "abc   123") == ["abc", "   ", "1", "2", "3"])
    #expect(words(.qwen2, "(hello) x'S 12\n\n  y") == ["(hello", ")", " x", "'S", " ", "1", "2", "\n\n", " ", " y"])
    #expect(words(.llama3, "12345 ok!!\n\n") == ["123", "45", " ok", "!!\n\n"])
    #expect(words(.gpt2, "こんにちは 世界") == ["こんにちは", " 世界"])
}

@Test func rejectsUnsupportedTokenizers() throws {
    var b = GGUFBytes()
    b.header(tensors: 0, keys: 2)
    b.key("tokenizer.ggml.model", .string); b.string("bert")
    b.key("tokenizer.ggml.tokens", .array); b.u32(GGUFValueType.string.rawValue); b.u64(1); b.string("a")
    try b.bytes.withUnsafeBytes { raw in
        let f = try GGUFFile(bytes: raw)
        #expect(throws: TokenizerError.unsupportedModel("bert")) { try Tokenizer(gguf: f) }
    }
    var c = GGUFBytes()
    c.header(tensors: 0, keys: 1)
    c.key("tokenizer.ggml.model", .string); c.string("llama")
    try c.bytes.withUnsafeBytes { raw in
        let f = try GGUFFile(bytes: raw)
        #expect(throws: TokenizerError.missingKey("tokenizer.ggml.tokens")) { try Tokenizer(gguf: f) }
    }
    var d = GGUFBytes()
    d.header(tensors: 0, keys: 2)
    d.key("tokenizer.ggml.model", .string); d.string("llama")
    d.key("tokenizer.ggml.tokens", .array); d.u32(GGUFValueType.string.rawValue); d.u64(2); d.string("a"); d.string("a")
    try d.bytes.withUnsafeBytes { raw in
        let f = try GGUFFile(bytes: raw)
        #expect(throws: TokenizerError.duplicateToken("a", first: 0, second: 1)) { try Tokenizer(gguf: f) }
    }
}

@Test func cleanUpSpacesMatchesLlamaCpp() {
    func clean(_ s: String) -> String { String(decoding: Tokenizer.cleanUpSpaces(Array(s.utf8)), as: UTF8.self) }
    #expect(clean("Hello , world !") == "Hello, world!")
    #expect(clean("it 's he 'll we 're a ' b") == "it's he 'll we're a'b")
}
