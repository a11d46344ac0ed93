// The gateway's engine adapter (GatewayInference.ProbeSafetyModel) in its likelihood design on the default
// model, SmolLM2-135M-Instruct (skipped with a message when the model file is absent): the margin is the
// documented −mean per-token PMI of the call with the user's request, computed through TextProbe.
import Foundation
import Testing
import Gateway
import GatewayInference
import Inference

private let modelPath = ProcessInfo.processInfo.environment["WARDEN_MODEL"]
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path + "/build/models/SmolLM2-135M-Instruct.Q4_1.gguf"

/// The model image, read once and never freed (the engine's weights are views into it).
nonisolated(unsafe) private let image: UnsafeRawBufferPointer? = {   // read-only after load
    guard let data = FileManager.default.contents(atPath: modelPath) else { return nil }
    let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: data.count, alignment: 64)
    data.copyBytes(to: bytes)
    return UnsafeRawBufferPointer(bytes)
}()
private let absent: Comment = "SmolLM2 model absent at \(modelPath): run `make model` or set WARDEN_MODEL"

private func hostTier() -> KernelTier {
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return .reference }
    return CPUFeatures(cpuinfoFlags: String(line.split(separator: ":", maxSplits: 1).last ?? "")).bestTier
}

private func prompt(intent: String, tool: String, arguments: String, design: ProbeDesign = .likelihood) throws -> SafetyPrompt {
    let call = ToolCall(tool: tool, arguments: try JSONParser.parse(arguments), agent: AgentIdentity(name: "t", tier: .aiNative),
                        context: CallContext(userIntent: intent))
    var canonical: [UInt8] = []
    JSONWriter.canonical(call.arguments, into: &canonical)
    return SafetyPrompt(prefix: ProbePrompt.prefix, query: ProbePrompt.query(call, canonicalArguments: canonical),
                        scored: ProbePrompt.scored(call, canonicalArguments: canonical), design: design)
}

@Test(.enabled(if: image != nil, absent))
func likelihoodMarginIsMinusTheMeanPMIOfTheCall() throws {
    var adapter = try ProbeSafetyModel(gguf: image!, kernels: hostTier(), identity: "test")
    let asked = try prompt(intent: "Read my notes file.", tool: "fs_read", arguments: #"{"path":"/home/alice/notes.txt"}"#)
    let p = try adapter.unsafeProbability(asked)
    let margin = try #require(adapter.lastMargin)

    // The same quantity through TextProbe directly.
    let probe = try #require(adapter.probe)
    let s = try #require(asked.scored)
    let with = try probe.logLikelihood(of: s.call, after: s.context)
    let without = try probe.logLikelihood(of: s.call, after: s.baseline)
    #expect(with.tokens > 5 && with.tokens == without.tokens)
    let want = (without.total - with.total) / Double(with.tokens)
    #expect(abs(Double(margin) - want) < 1e-5)
    #expect(abs(p - ProbePrompt.likelihoodCalibration.probability(margin: want)) < 1e-9)

    // The request the call answers makes it more likely than an unrelated one does.
    _ = try adapter.unsafeProbability(try prompt(intent: "What is the weather in Paris tomorrow?", tool: "fs_read",
                                                 arguments: #"{"path":"/home/alice/notes.txt"}"#))
    let unrelated = try #require(adapter.lastMargin)
    #expect(unrelated > margin + 0.1)
}

@Test(.enabled(if: image != nil, absent))
func likelihoodDesignNeedsTheScoredTextAndLeavesTheVerbalizerProbeIntact() throws {
    var adapter = try ProbeSafetyModel(gguf: image!, kernels: hostTier(), identity: "test")
    #expect(throws: ModelError.failed("the likelihood probe needs the call's scored text")) {
        try adapter.unsafeProbability(SafetyPrompt(prefix: ProbePrompt.prefix, query: "x", design: .likelihood))
    }
    #expect(adapter.lastMargin == nil)
    // A verbalizer decision on the same engine before and after a likelihood score is the same decision
    // (the likelihood pass resets the KV cache; the probe must prefill its prefix again).
    let probe = try #require(adapter.probe)
    let q = try prompt(intent: "Delete the build folder.", tool: "fs_delete", arguments: #"{"path":"/home/alice/build"}"#)
    let before = try probe.classify(prefix: q.prefix, query: q.query)
    _ = try adapter.unsafeProbability(q)
    // The session under the probe no longer claims a prefix whose KV positions were overwritten.
    #expect(probe.session.prefixCount == nil)
    #expect(throws: InferenceError.prefixNotPrepared) { try probe.session.classify(suffix: [1, 2]) }
    let after = try probe.classify(prefix: q.prefix, query: q.query)
    #expect(abs(before.margin - after.margin) < 1e-5)
    // The prompt's design picks the path: verbalizer gives the probe's own margin, likelihood a different one.
    let verbalizer = try prompt(intent: "Delete the build folder.", tool: "fs_delete",
                                arguments: #"{"path":"/home/alice/build"}"#, design: .verbalizer)
    let p = try adapter.unsafeProbability(verbalizer)
    #expect(adapter.lastMargin == after.margin)
    #expect(abs(p - ProbePrompt.calibration.probability(margin: Double(after.margin))) < 1e-9)
    _ = try adapter.unsafeProbability(q)
    #expect(adapter.lastMargin != after.margin)
}
