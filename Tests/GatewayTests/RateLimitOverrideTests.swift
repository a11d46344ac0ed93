// Tests of per-named-agent rate-limit overrides (layer 3) and of applying them from a constitution.
import Testing
@testable import Gateway

@Test func agentOverrideReplacesTheDefaultAgentRate() throws {
    var layer = RateLimitLayer(agentRate: RateLimit(burst: 5, perSecond: 1))
    try layer.setOverride(agent: "slow", toolIndex: nil, rate: RateLimit(burst: 2, perSecond: 1))
    let rate = RateLimit(burst: 100, perSecond: 100)
    let slow = try call("kv_get", #"{"key":"k"}"#, agent: "slow")
    let other = try call("kv_get", #"{"key":"k"}"#, agent: "other")
    #expect(layer.evaluate(slow, toolIndex: 8, rate: rate, now: 1) == .pass)
    #expect(layer.evaluate(slow, toolIndex: 9, rate: rate, now: 2) == .pass)
    guard case .deny(let why) = layer.evaluate(slow, toolIndex: 10, rate: rate, now: 3) else {
        Issue.record("third call of the overridden agent should be denied"); return
    }
    #expect(why == "rate limit: agent slow over 1/s calls")
    // The default (burst 5) still applies to every other agent.
    for k in 0..<5 { #expect(layer.evaluate(other, toolIndex: 8, rate: rate, now: 10 + UInt64(k)) == .pass) }
    #expect(layer.evaluate(other, toolIndex: 8, rate: rate, now: 20) != .pass)
}

@Test func agentToolOverrideReplacesTheToolRateForThatAgentOnly() throws {
    var layer = RateLimitLayer()
    try layer.setOverride(agent: "bulk", toolIndex: 3, rate: RateLimit(burst: 4, count: 4, periodSeconds: 60))
    let toolRate = RateLimit(burst: 1, perSecond: 1)
    let bulk = try call("fs_delete", #"{"path":"/tmp/a"}"#, agent: "bulk")
    let plain = try call("fs_delete", #"{"path":"/tmp/a"}"#, agent: "plain")
    for k in 0..<4 { #expect(layer.evaluate(bulk, toolIndex: 3, rate: toolRate, now: 1 + UInt64(k)) == .pass) }
    guard case .deny(let why) = layer.evaluate(bulk, toolIndex: 3, rate: toolRate, now: 9) else {
        Issue.record("fifth call should be denied by the override's burst"); return
    }
    #expect(why == "rate limit: fs_delete over 4/60s (burst 4) for bulk")
    // Another tool of the same agent keeps the catalogue rate (burst 1).
    #expect(layer.evaluate(bulk, toolIndex: 4, rate: toolRate, now: 10) == .pass)
    #expect(layer.evaluate(bulk, toolIndex: 4, rate: toolRate, now: 11) != .pass)
    // Another agent keeps the catalogue rate on the same tool.
    #expect(layer.evaluate(plain, toolIndex: 3, rate: toolRate, now: 12) == .pass)
    #expect(layer.evaluate(plain, toolIndex: 3, rate: toolRate, now: 13) != .pass)
}

@Test func overrideSetLaterAppliesToExistingBucketsAndReplacesEarlierOne() throws {
    var layer = RateLimitLayer()
    let toolRate = RateLimit(burst: 1, perSecond: 1)
    let c = try call("kv_put", #"{"key":"k","value":"v"}"#, agent: "late")
    #expect(layer.evaluate(c, toolIndex: 9, rate: toolRate, now: 1) == .pass)
    #expect(layer.evaluate(c, toolIndex: 9, rate: toolRate, now: 2) != .pass)
    // 10 tokens/s from now on: 100 ms later the existing bucket has a token again.
    try layer.setOverride(agent: "late", toolIndex: 9, rate: RateLimit(burst: 10, perSecond: 1))
    try layer.setOverride(agent: "late", toolIndex: 9, rate: RateLimit(burst: 10, perSecond: 10))
    #expect(layer.overrides.count == 1)
    #expect(layer.evaluate(c, toolIndex: 9, rate: toolRate, now: 2 + 99_000_000) != .pass)
    #expect(layer.evaluate(c, toolIndex: 9, rate: toolRate, now: 2 + 100_000_001) == .pass)
}

@Test func tooManyOverridesIsAnError() throws {
    var layer = RateLimitLayer()
    for k in 0..<GatewayLimits.rateOverrides {
        try layer.setOverride(agent: "a\(k)", toolIndex: nil, rate: RateLimit(burst: 1, perSecond: 1))
    }
    #expect(throws: RateLimitConfigError.tooManyOverrides(GatewayLimits.rateOverrides)) {
        try layer.setOverride(agent: "one-more", toolIndex: nil, rate: RateLimit(burst: 1, perSecond: 1))
    }
}

@Test func constitutionAgentRateLimitsAreApplied() throws {
    let policy = try Policy.parse("""
        default allow
        rate-limit agent "*" 600 per minute burst 120
        rate-limit agent "mcp-client" tool "mcp_call" 120 per minute burst 2
        rate-limit agent "batch" 10 per hour burst 3
        rate-limit agent "x" tool "no_such_tool" 1 per second
        """)
    var g = GatewayPipeline(config: .noProbeLogits, clock: StepClock(), model: AbsentModel(), adversarial: PassLayer(), policy: PassLayer(),
                            sink: NullSink())
    let unsupported = g.configure(from: policy)
    #expect(unsupported == ["rate-limit for agent x tool no_such_tool: unknown tool"])
    #expect(g.rateLimit.overrides.count == 2)

    let mcp = try call("mcp_call", #"{"server":"s","tool":"t","arguments":{}}"#, agent: "mcp-client")
    #expect(g.decide(mcp).verdict == .allow)
    #expect(g.decide(mcp).verdict == .allow)
    let third = g.decide(mcp)
    #expect(third.verdict == .deny && third.decidingLayer == .rateLimit)
    #expect(third.reason == "rate limit: mcp_call over 120/60s (burst 2) for mcp-client")

    let batch = try call("clock_now", #"{"clock":"monotonic"}"#, agent: "batch")
    for _ in 0..<3 { #expect(g.decide(batch).verdict == .allow) }
    let fourth = g.decide(batch)
    #expect(fourth.decidingLayer == .rateLimit)
    #expect(fourth.reason == "rate limit: agent batch over 10/3600s calls")
}
