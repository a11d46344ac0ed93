// ProbeLogits on a tiny fixture model: restricted softmax, multi-token verbalizers by the chain rule,
// prefix KV reuse equal to a full prefill, contextual calibration, decision and configuration errors.
import Foundation
import Testing
@testable import Inference

let probePrefix: [Int32] = [1, 260, 75, 101, 287, 33]
let probeSuffix: [Int32] = [270, 5, 266, 199]
let contentFree: [Int32] = [281, 42]

func probeModel() throws -> (ModelFile, Transformer) {
    let file = try ModelFile.load(ModelFile.fixture("qwen2_q8_0_tied.gguf"))
    return (file, try file.transformer())
}

func twoClasses(alpha: Float = 0, threshold: Float = 0.5) -> ProbeConfig {
    ProbeConfig(classes: [VerbalizerClass(name: "safe", sequences: [[262], [263]]),
                          VerbalizerClass(name: "unsafe", sequences: [[264], [265, 266]])],
                unsafeClass: 1, alpha: alpha, threshold: threshold)
}

/// log-softmax over the full vocabulary of one logits row.
func logSoftmax(_ row: ArraySlice<Float>) -> [Double] {
    let m = Double(row.max()!)
    var s = 0.0
    for x in row { s += FloatMath.exp(Double(x) - m) }
    return row.map { Double($0) - m - FloatMath.log(s) }
}

@Test func classLogProbsFollowTheChainRuleAndRestrictedSoftmax() throws {
    let (file, model) = try probeModel()
    let session = try ProbeSession(model: model, config: twoClasses())
    try session.prepare(prefix: probePrefix)
    let got = try session.classLogProbs(suffix: probeSuffix)

    // Independent computation: full prefill of prefix+suffix+[265], all positions' logits.
    let check = try file.transformer()
    let all = try check.prefillAllLogits(probePrefix + probeSuffix + [265])
    let v = check.config.vocab, last = probePrefix.count + probeSuffix.count - 1
    let lp = logSoftmax(all[(last * v)..<((last + 1) * v)])
    let next = logSoftmax(all[((last + 1) * v)..<((last + 2) * v)])
    let safe = log(exp(lp[262]) + exp(lp[263]))
    let unsafe = log(exp(lp[264]) + exp(lp[265] + next[266]))
    let norm = log(exp(safe) + exp(unsafe))
    #expect(abs(Double(got[0]) - (safe - norm)) < 1e-4)
    #expect(abs(Double(got[1]) - (unsafe - norm)) < 1e-4)
    #expect(abs(exp(Double(got[0])) + exp(Double(got[1])) - 1) < 1e-5)
}

@Test func prefixReuseEqualsFullPrompt() throws {
    let (file, model) = try probeModel()
    let reused = try ProbeSession(model: model, config: twoClasses())
    try reused.prepare(prefix: probePrefix)
    _ = try reused.classify(suffix: [7, 8, 9, 10, 11])   // another call in between must not leak state
    let a = try reused.classify(suffix: probeSuffix)
    let full = try ProbeSession(model: try file.transformer(), config: twoClasses())
    try full.prepare(prefix: [])
    let b = try full.classify(suffix: probePrefix + probeSuffix)
    for k in 0..<2 { #expect(abs(a.classLogProbs[k] - b.classLogProbs[k]) < 1e-4) }
    #expect(abs(a.margin - b.margin) < 1e-4)
    #expect(model.count == probePrefix.count + probeSuffix.count)
}

@Test func fullCalibrationMakesTheContentFreeInputUniform() throws {
    let (_, model) = try probeModel()
    let session = try ProbeSession(model: model, config: twoClasses(alpha: 1))
    try session.prepare(prefix: probePrefix, contentFree: contentFree)
    let prior = try #require(session.prior)
    let onPrior = try session.classify(suffix: contentFree)
    #expect(abs(onPrior.calibratedPUnsafe - 0.5) < 1e-5)
    #expect(onPrior.classLogProbs == prior)
    // A real input: calibrated log-odds = raw log-odds − prior log-odds.
    let r = try session.classify(suffix: probeSuffix)
    let rawOdds = r.classLogProbs[1] - r.classLogProbs[0]
    let calOdds = r.calibratedLogProbs[1] - r.calibratedLogProbs[0]
    #expect(abs(calOdds - (rawOdds - (prior[1] - prior[0]))) < 1e-4)
    #expect(abs(r.margin - rawOdds) < 1e-6)
}

@Test func thresholdDecides() throws {
    let (_, model) = try probeModel()
    let raw = try ProbeSession(model: model, config: twoClasses())
    try raw.prepare(prefix: probePrefix)
    let p = try raw.classify(suffix: probeSuffix).calibratedPUnsafe
    for (threshold, unsafe) in [(max(0, p - 0.01), true), (min(1, p + 0.01), false)] {
        let s = try ProbeSession(model: model, config: twoClasses(threshold: threshold))
        try s.prepare(prefix: probePrefix)
        #expect(try s.classify(suffix: probeSuffix).isUnsafe == unsafe)
    }
}

@Test func badConfigurationsAreTypedErrors() throws {
    let (_, model) = try probeModel()
    var c = twoClasses()
    c.classes.removeLast()
    #expect(throws: InferenceError.badProbe("at least two classes are needed")) { try ProbeSession(model: model, config: c) }
    c = twoClasses(); c.classes[0].sequences = [[999]]
    #expect(throws: InferenceError.tokenOutOfRange(999, vocab: 288)) { try ProbeSession(model: model, config: c) }
    c = twoClasses(); c.alpha = 2
    #expect(throws: InferenceError.self) { try ProbeSession(model: model, config: c) }
    let s = try ProbeSession(model: model, config: twoClasses(alpha: 0.5))
    #expect(throws: InferenceError.prefixNotPrepared) { try s.classLogProbs(suffix: probeSuffix) }
    try s.prepare(prefix: probePrefix)
    #expect(throws: InferenceError.self) { try s.classify(suffix: probeSuffix) }   // α > 0 without calibration
}

@Test func textProbeReusesItsPrefixAndMatchesTokenLevelProbe() throws {
    let (file, model) = try probeModel()
    let tok = try Tokenizer(gguf: file.gguf)
    let probe = try TextProbe(model: model, tokenizer: tok, classes: [("safe", [" w1", " w2"]), ("unsafe", [" w3"])],
                              unsafeClass: "unsafe", alpha: 1, threshold: 0.5, contentFree: " w9")
    let a = try probe.classify(prefix: " w4 w5 w6", query: " w7 w8")
    #expect(probe.preparedPrefix == " w4 w5 w6")
    let b = try probe.classify(prefix: " w4 w5 w6", query: " w7 w8")   // prefix reused
    #expect(a == b)
    // The same decision by hand at the token level.
    let check = try ProbeSession(model: try file.transformer(), config: ProbeConfig(
        classes: [VerbalizerClass(name: "safe", sequences: [tok.encode(" w1"), tok.encode(" w2")]),
                  VerbalizerClass(name: "unsafe", sequences: [tok.encode(" w3")])], unsafeClass: 1, alpha: 1))
    try check.prepare(prefix: tok.encode(" w4 w5 w6"), contentFree: tok.encode(" w9"))
    let c = try check.classify(suffix: tok.encode(" w7 w8"))
    #expect(abs(c.calibratedPUnsafe - a.calibratedPUnsafe) < 1e-5)
    #expect(throws: InferenceError.badProbe("no class named 'bad'")) {
        try TextProbe(model: model, tokenizer: tok, classes: [("a", [" w1"]), ("b", [" w2"])], unsafeClass: "bad",
                      alpha: 0, threshold: 0.5, contentFree: nil)
    }
}

@Test func logLikelihoodEqualsTheFullSoftmaxOfEveryPosition() throws {
    // Chunked (batch 3) so the continuation spans several forward chunks; reference: all-position logits.
    let (file, _) = try probeModel()
    let model = try file.transformer(batch: 3)
    let context = probePrefix, continuation: [Int32] = [270, 5, 266, 199, 12, 280, 7, 41]
    let got = try model.logLikelihood(of: continuation, after: context)
    let check = try file.transformer()
    let all = try check.prefillAllLogits(context + continuation)
    let v = check.config.vocab
    var want = 0.0
    for (i, tok) in continuation.enumerated() {
        let pos = context.count + i - 1
        want += logSoftmax(all[(pos * v)..<((pos + 1) * v)])[Int(tok)]
    }
    #expect(want < -1)   // a real sum of log-probabilities, not a degenerate 0
    #expect(abs(got - want) < 1e-3 * max(1, abs(want)))
    // A different continuation scores differently; a one-token continuation is its first term alone.
    let one = try model.logLikelihood(of: [270], after: context)
    let first = logSoftmax(all[((context.count - 1) * v)..<(context.count * v)])[270]
    #expect(abs(one - first) < 1e-4)
    #expect(abs(try model.logLikelihood(of: [271, 5, 266], after: context) - got) > 1e-3)
}

@Test func logLikelihoodRejectsBadInput() throws {
    let (_, model) = try probeModel()
    #expect(throws: InferenceError.emptyInput) { try model.logLikelihood(of: [], after: [1, 2]) }
    #expect(throws: InferenceError.emptyInput) { try model.logLikelihood(of: [3], after: []) }
    #expect(throws: InferenceError.tokenOutOfRange(-1, vocab: model.config.vocab)) {
        try model.logLikelihood(of: [5, -1], after: [1, 2])
    }
    let long = [Int32](repeating: 5, count: model.contextCap)
    #expect(throws: InferenceError.contextFull(needed: model.contextCap + 1, cap: model.contextCap)) {
        try model.logLikelihood(of: [5, 6], after: long)
    }
}
