// Tiny random llama/qwen2 models (Tests/Fixtures/inference, made by make_fixtures.py): every position's
// logits must match llama.cpp's to ≤ 1e-3 absolute, in one batch, in chunks, and token by token.
import Testing
@testable import Inference

let fixtureNames = ["llama_q4_0_untied", "llama_f16_tied", "qwen2_q8_0_tied", "qwen2_f32_untied", "llama_q4_1_q6k_linear"]

func maxAbsDiff(_ got: ArraySlice<Float>, _ want: [Float]) -> Float {
    var m: Float = 0
    for (g, w) in zip(got, want) { m = max(m, abs(g - w)) }
    return m
}

/// The kernel tiers this host can run (the reference tier always).
let hostTiers: [KernelTier] = KernelTier.allCases.filter { tier in
    switch tier {
    case .reference: true
    case .avx2: ModelFile.hostFeatures.avx2 && ModelFile.hostFeatures.fma
    case .avx512: ModelFile.hostFeatures.bestTier == .avx512
    }
}

@Test(arguments: fixtureNames, hostTiers)
func fixtureLogitsMatchLlamaCpp(name: String, tier: KernelTier) throws {
    let ref = try FixtureLogits.load(name)
    let file = try ModelFile.load(ModelFile.fixture(name + ".gguf"))
    let model = try file.transformer(tier: tier)
    #expect(model.config.vocab == ref.vocab)
    let all = try model.prefillAllLogits(ref.tokens)
    var worst: Float = 0
    for (p, row) in ref.logits.enumerated() {
        worst = max(worst, maxAbsDiff(all[(p * ref.vocab)..<((p + 1) * ref.vocab)], row))
    }
    print("\(name) [\(tier.name)]: max |Δlogit| over \(ref.tokens.count) positions = \(worst)")
    #expect(worst <= 1e-3)
}

@Test(arguments: fixtureNames)
func chunkedAndIncrementalPrefillMatch(name: String) throws {
    let ref = try FixtureLogits.load(name)
    let file = try ModelFile.load(ModelFile.fixture(name + ".gguf"))
    // Chunks of 4 tokens (batch 4), then token-by-token decoding: last-position logits after each step.
    let chunked = try file.transformer(batch: 4)
    try chunked.prefill(ref.tokens)
    #expect(maxAbsDiff(ArraySlice(chunked.logits), ref.logits.last!) <= 1e-3)
    let stepwise = try file.transformer()
    for (p, t) in ref.tokens.enumerated() {
        try stepwise.prefill([t])
        #expect(maxAbsDiff(ArraySlice(stepwise.logits), ref.logits[p]) <= 1e-3, "position \(p)")
    }
}

@Test func truncateReusesPrefix() throws {
    let ref = try FixtureLogits.load("qwen2_q8_0_tied")
    let file = try ModelFile.load(ModelFile.fixture("qwen2_q8_0_tied.gguf"))
    let model = try file.transformer()
    try model.prefill(Array(ref.tokens.prefix(6)))
    try model.prefill([7, 8, 9])                 // a different suffix, then dropped
    model.truncate(to: 6)
    try model.prefill(Array(ref.tokens.dropFirst(6)))
    #expect(maxAbsDiff(ArraySlice(model.logits), ref.logits.last!) <= 1e-3)
}

@Test func contextCapIsEnforced() throws {
    let file = try ModelFile.load(ModelFile.fixture("llama_q4_0_untied.gguf"))
    let model = try file.transformer(contextCap: 8)
    #expect(throws: InferenceError.contextFull(needed: 9, cap: 8)) { try model.prefill([Int32](repeating: 5, count: 9)) }
    #expect(throws: InferenceError.tokenOutOfRange(288, vocab: 288)) { try model.prefill([288]) }
    #expect(throws: InferenceError.emptyInput) { try model.prefill([]) }
}
