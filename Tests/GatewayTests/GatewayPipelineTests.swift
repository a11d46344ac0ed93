// Tests of the pipeline: layer order, first deny wins, configurations, latency, sink behaviour.
import Testing
import Blake3
@testable import Gateway

private typealias TestPipeline = GatewayPipeline<StepClock, FixedModel, KeywordLayer, KeywordLayer, RecordingSink>

private func pipeline(_ config: GatewayConfig = .full, p: Double = 0.1) -> TestPipeline {
    GatewayPipeline(config: config, clock: StepClock(), model: FixedModel(p: p),
                    adversarial: KeywordLayer(word: "ATTACK"), policy: KeywordLayer(word: "FORBIDDEN"),
                    sink: RecordingSink())
}

@Test func allowsACleanCallThroughEveryLayer() throws {
    var g = pipeline()
    let d = g.decide(try call("fs_write", #"{"path":"/tmp/a","content":"hi"}"#))
    #expect(d.verdict == .allow && d.decidingLayer == nil && d.reason.isEmpty)
    // StepClock advances 10 ns per reading: every layer ran and took one step.
    for l in LayerID.allCases { #expect(d.latencies[l] == 10) }
    #expect(g.probeLogits.model.calls == 1)
    #expect(g.sink.decisions == [d])
    #expect(g.sink.hashes == [#"{"content":"hi","path":"/tmp/a"}"#])
}

@Test func eachLayerCanDecideAndStopsTheRest() throws {
    let cases: [(ToolCall, LayerID)] = [
        (try call("fs_write", #"{"path":"/tmp/a"}"#), .schema),
        (try call("fs_write", #"{"path":"/tmp/a","content":"x"}"#, tier: .classic), .trustTier),
        (try call("fs_write", #"{"path":"/tmp/a","content":"ATTACK"}"#), .adversarial),
        (try call("fs_write", #"{"path":"/tmp/a","content":"FORBIDDEN"}"#), .policy),
    ]
    for (c, layer) in cases {
        var g = pipeline()
        let d = g.decide(c)
        #expect(d.verdict == .deny && d.decidingLayer == layer, "\(layer.name): \(d.reason)")
        for later in LayerID.allCases where later.rawValue > layer.rawValue { #expect(d.latencies[later] == 0) }
    }
    var g = pipeline(p: 0.99)
    #expect(g.decide(try call("fs_delete", #"{"path":"/tmp/a"}"#)).decidingLayer == .probeLogits)
    var r = pipeline()
    let c = try call("proc_exec", #"{"command":"ls"}"#)
    for _ in 0..<5 { #expect(r.decide(c).verdict == .allow) }
    #expect(r.decide(c).decidingLayer == .rateLimit)
}

@Test func configurationsSkipLayers() throws {
    let attack = try call("fs_delete", #"{"path":"ATTACK"}"#)
    var noModel = pipeline(.noProbeLogits, p: 0.99)
    #expect(noModel.decide(try call("fs_delete", #"{"path":"/tmp/x"}"#)).verdict == .allow)
    #expect(noModel.probeLogits.model.calls == 0)
    var modelOnly = pipeline(.probeLogitsOnly, p: 0.1)
    #expect(modelOnly.decide(attack).verdict == .allow)  // no pre-filter in this config
    var rules = pipeline(.rulesOnly, p: 0.99)
    #expect(rules.decide(attack).verdict == .allow)
    #expect(rules.decide(try call("fs_delete", #"{"path":1}"#)).decidingLayer == .schema)
    #expect(GatewayConfig(name: "probelogits-only") == .probeLogitsOnly)
    #expect(GatewayConfig(name: "everything") == nil)
}

@Test func unknownToolIsDeniedAtLayerOneEvenWhenSchemaIsOff() throws {
    var g = pipeline(GatewayConfig(layers: [.trustTier]))
    let d = g.decide(try call("teleport", "{}"))
    #expect(d.decidingLayer == .schema && d.reason == "unknown tool \"teleport\"")
}

@Test func externalToolsGoThroughTheGate() throws {
    var g = pipeline(p: 0.8)
    try g.catalogue.registerExternal(name: "GmailSendEmail")
    let d = g.decide(try call("GmailSendEmail", #"{"to":"a@b.c"}"#))
    #expect(d.decidingLayer == .probeLogits)
}

@Test func absentModelFailsClosedInThePipeline() throws {
    var g = GatewayPipeline(clock: StepClock(), model: AbsentModel(), adversarial: PassLayer(), policy: PassLayer(),
                            sink: NullSink())
    let d = g.decide(try call("net_send", #"{"host":"h","port":1,"data":""}"#))
    #expect(d.decidingLayer == .probeLogits && d.reason.contains("model absent"))
    #expect(g.decide(try call("clock_now", "{}")).verdict == .allow)  // ungated tool
}

@Test func sinkFailureDeniesTheCall() throws {
    var g = pipeline()
    g.sink.fail = true
    let d = g.decide(try call("clock_now", "{}"))
    #expect(d.verdict == .deny && d.decidingLayer == nil && d.reason == "audit append failed: storage full")
}

@Test func auditLogSinkChainsEveryDecision() throws {
    let zero = Blake3.hash([UInt8]())
    let log = AuditLog(binding: AuditBinding(kernelBuild: zero, policy: zero, model: zero), monotonicNs: 0, wallNs: 0)
    var g = GatewayPipeline(clock: StepClock(), model: FixedModel(p: 0), adversarial: PassLayer(), policy: PassLayer(),
                            sink: AuditLogSink(log: log, wallOffsetNs: 1_700_000_000_000_000_000))
    _ = g.decide(try call("fs_read", #"{"path":"/a"}"#))
    _ = g.decide(try call("fs_read", #"{"path":"/a","offset":"x"}"#))
    let records = g.sink.log.records
    #expect(records.count == 3)  // genesis + 2 decisions
    #expect(g.sink.log.verify() == .ok(count: 3, head: g.sink.log.head))
    guard case .decision(let denied) = records[2].payload else { Issue.record("not a decision"); return }
    #expect(denied.decidingLayer == 1 && denied.verdict == .deny && denied.tool == "fs_read")
    #expect(denied.argumentsHash == Blake3.hash(Array(#"{"offset":"x","path":"/a"}"#.utf8)))
}

@Test func canonicallyEquivalentToolNameIsUnknown() throws {
    var g = pipeline(GatewayConfig(layers: [.trustTier]))
    // U+212A KELVIN SIGN is canonically "K", so the two names are equal as Swift Strings; the
    // catalogue matches bytes, so the call names an unknown tool and stops at layer 1.
    try g.catalogue.registerExternal(name: "KubectlApply")
    let d = g.decide(try call("\u{212A}ubectlApply", "{}"))
    #expect(d.decidingLayer == .schema && d.reason.hasPrefix("unknown tool"))
}
