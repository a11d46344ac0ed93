// SmolLM2-135M-Instruct (Q4_1 as shipped and its Q4_0 requantization) against llama.cpp references
// (smollm2_refs.json, made by make_smollm2_refs.py): last-position top-5 token sets equal and those
// logits within 1.3 (llama.cpp itself varies about that much between batch sizes on this model). The prompts
// are chosen (by the script) with a 5th/6th logit gap ≥ 0.3, so the top-5 set is well defined.
import Foundation
import Testing
@testable import Inference

enum SmolLM2 {
    /// WARDEN_MODEL names the Q4_1 file; the Q4_0 file is its sibling. Default: <repo>/build/models.
    static func path(_ quant: String) -> String {
        let q41 = ProcessInfo.processInfo.environment["WARDEN_MODEL"]
            ?? ModelFile.repoRoot + "/build/models/SmolLM2-135M-Instruct.Q4_1.gguf"
        return quant == "Q4_1" ? q41 : q41.replacingOccurrences(of: "Q4_1", with: quant)
    }
    static func present(_ quant: String) -> Bool { FileManager.default.fileExists(atPath: path(quant)) }
    static func absent(_ quant: String) -> Comment {
        "SmolLM2 model absent at \(path(quant)): run `make model` or set WARDEN_MODEL"
    }
}

struct SmolLM2Case: Decodable {
    let name: String
    let text: String
    let special: Bool
    let tokens: [Int32]
    let top: [[Double]]
}

func smolLM2Refs(_ quant: String) throws -> [SmolLM2Case] {
    let data = try Data(contentsOf: URL(fileURLWithPath: ModelFile.fixture("smollm2_refs.json")))
    return try JSONDecoder().decode([String: [SmolLM2Case]].self, from: data)[quant] ?? []
}

func checkSmolLM2(_ quant: String, tier: KernelTier) throws {
    let file = try ModelFile.load(SmolLM2.path(quant))
    let model = try file.transformer(tier: tier, contextCap: 512)
    #expect(model.config.layers == 30 && model.config.embedding == 576 && model.config.kvHeads == 3)
    let tokenizer = try Tokenizer(gguf: file.gguf)
    for c in try smolLM2Refs(quant) {
        #expect(tokenizer.encode(c.text, parseSpecial: c.special) == c.tokens, "\(c.name): token ids differ from llama.cpp")
        model.truncate(to: 0)
        try model.prefill(c.tokens)
        let logits = Array(model.logits)
        let mine = Set(logits.indices.sorted { logits[$0] > logits[$1] }.prefix(5))
        let theirs = Set(c.top.prefix(5).map { Int($0[0]) })
        var worst = 0.0
        for pair in c.top.prefix(5) { worst = max(worst, abs(Double(logits[Int(pair[0])]) - pair[1])) }
        print("SmolLM2 \(quant) [\(tier.name)] \(c.name): \(c.tokens.count) tokens, top-5 equal \(mine == theirs), max |Δlogit| \(worst)")
        #expect(mine == theirs, "\(quant) \(c.name): top-5 \(mine.sorted()) vs llama.cpp \(theirs.sorted())")
        #expect(worst <= 1.3, "\(quant) \(c.name)")
    }
}

@Test(.enabled(if: SmolLM2.present("Q4_1"), SmolLM2.absent("Q4_1")))
func smolLM2Q4_1MatchesLlamaCpp() throws {
    try checkSmolLM2("Q4_1", tier: ModelFile.hostFeatures.bestTier)
}

@Test(.enabled(if: SmolLM2.present("Q4_0"), SmolLM2.absent("Q4_0")))
func smolLM2Q4_0MatchesLlamaCpp() throws {
    try checkSmolLM2("Q4_0", tier: ModelFile.hostFeatures.bestTier)
}

@Test(.enabled(if: SmolLM2.present("Q4_1") && ModelFile.hostFeatures.avx2, SmolLM2.absent("Q4_1")))
func smolLM2Q4_1MatchesLlamaCppOnAVX2Tier() throws {
    // The tier the kernel runs under QEMU TCG.
    try checkSmolLM2("Q4_1", tier: .avx2)
}
