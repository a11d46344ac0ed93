// Tests of layer 5: gating by side-effect class, threshold, fail-closed behaviour, the prompt.
import Testing
@testable import Gateway

private let catalogue = ToolCatalogue()
private func spec(_ t: BuiltinTool) -> ToolSpec { catalogue[t.rawValue] }
private func canon(_ c: ToolCall) -> [UInt8] { var o: [UInt8] = []; JSONWriter.canonical(c.arguments, into: &o); return o }

@Test func gateDeniesAboveThresholdOnly() throws {
    let c = try call("net_send", #"{"port":80,"host":"h","data":"x"}"#, intent: "ping h")
    var low = ProbeLogitsLayer(model: FixedModel(p: 0.5))
    #expect(low.evaluate(c, tool: spec(.netSend), canonicalArguments: canon(c)) == .pass)
    var high = ProbeLogitsLayer(model: FixedModel(p: 0.93))
    #expect(high.evaluate(c, tool: spec(.netSend), canonicalArguments: canon(c))
            == .deny(reason: "probelogits: P(unsafe)=0.93 > 0.50"))
    // The query carries the intent, the tool and the canonical (sorted) arguments.
    #expect(high.model.lastQuery == "User request: ping h\nTool call: net_send {\"data\":\"x\",\"host\":\"h\",\"port\":80}\nDid the user ask for this? Answer:")
    // The likelihood design's texts: the call, after the request and after the bare "Tool call:".
    #expect(high.model.lastScored == ScoredCall(context: "User request: ping h\nTool call:", baseline: "Tool call:",
                                                call: " net_send {\"data\":\"x\",\"host\":\"h\",\"port\":80}"))
}

@Test func policyDesignReachesTheModel() throws {
    // `probelogits design likelihood` in the policy → the layer's design → every prompt it builds.
    let c = try call("fs_delete", #"{"path":"/tmp/x"}"#, intent: "clean up")
    var g = GatewayPipeline(config: .full, clock: StepClock(), model: FixedModel(p: 0.1), adversarial: PassLayer(),
                            policy: PassLayer(), sink: NullSink())
    _ = g.decide(c)
    #expect(g.probeLogits.model.lastDesign == .verbalizer)
    #expect(g.configure(from: try Policy.parse("default allow\nprobelogits design likelihood")).isEmpty)
    #expect(g.probeLogits.design == .likelihood)
    _ = g.decide(c)
    #expect(g.probeLogits.model.lastDesign == .likelihood)
    #expect(g.probeLogits.model.calls == 2)
}

@Test func ungatedToolsSkipTheModel() throws {
    var layer = ProbeLogitsLayer(model: FixedModel(p: 1))
    let c = try call("clock_now", "{}")
    #expect(layer.evaluate(c, tool: spec(.clockNow), canonicalArguments: canon(c)) == .pass)
    let r = try call("fs_read", #"{"path":"/etc/shadow"}"#)
    #expect(layer.evaluate(r, tool: spec(.fsRead), canonicalArguments: canon(r)) == .pass)
    #expect(layer.model.calls == 0)
    // Reads can be gated by configuration.
    layer.gatedEffects |= SideEffect.read.bit
    #expect(layer.evaluate(r, tool: spec(.fsRead), canonicalArguments: canon(r)) != .pass)
    #expect(layer.model.calls == 1)
}

@Test func gateFailsClosed() throws {
    let c = try call("fs_delete", #"{"path":"/tmp/x"}"#)
    var absent = ProbeLogitsLayer(model: AbsentModel())
    #expect(absent.evaluate(c, tool: spec(.fsDelete), canonicalArguments: canon(c))
            == .deny(reason: "probelogits: model absent; fail closed for destructive tool"))
    var failing = ProbeLogitsLayer(model: FailingModel())
    #expect(failing.evaluate(c, tool: spec(.fsDelete), canonicalArguments: canon(c))
            == .deny(reason: "probelogits: model error: context overflow; fail closed for destructive tool"))
    var nan = ProbeLogitsLayer(model: FixedModel(p: .nan))
    #expect(nan.evaluate(c, tool: spec(.fsDelete), canonicalArguments: canon(c))
            == .deny(reason: "probelogits: model returned invalid probability; fail closed"))
}

@Test func promptTruncatesLongArgumentsAndFlattensIntent() throws {
    let long = String(repeating: "é", count: 2000)
    let c = try call("fs_write", "{\"path\":\"/a\",\"content\":\"\(long)\"}", intent: "line1\nline2")
    let q = ProbePrompt.query(c, canonicalArguments: canon(c))
    #expect(q.hasPrefix("User request: line1 line2\nTool call: fs_write {"))
    #expect(q.hasSuffix("…\nDid the user ask for this? Answer:"))
    #expect(q.utf8.count < GatewayLimits.probeMaxQueryBytes + 100)
    let s = ProbePrompt.scored(c, canonicalArguments: canon(c))
    #expect(s.context == "User request: line1 line2\nTool call:")
    #expect(s.call.hasPrefix(" fs_write {") && s.call.hasSuffix("…"))
    // The scored call is the query's call text, byte for byte (same truncation at a UTF-8 boundary).
    #expect(q.contains("Tool call:" + s.call + "\n"))
    #expect(ProbePrompt.prefix.hasPrefix("Each example shows a user's request"))
    #expect(ProbePrompt.prefix.hasSuffix("No if it is not.\n\n"))
}

@Test func calibrationAndMath() {
    #expect(abs(GatewayMath.exp(1) - 2.718281828459045) < 1e-12)
    #expect(abs(GatewayMath.exp(-20) - 2.061153622438558e-9) < 1e-20)
    #expect(GatewayMath.sigmoid(0) == 0.5)
    let cal = PlattCalibration(slope: 2, intercept: -1)
    #expect(abs(cal.probability(margin: 0.5) - 0.5) < 1e-12)
    #expect(cal.probability(margin: 10) > 0.99)
    #expect(GatewayMath.fixed(0.835) == "0.84" || GatewayMath.fixed(0.835) == "0.83")
    #expect(GatewayMath.fixed(-1.5, decimals: 3) == "-1.500")
}
