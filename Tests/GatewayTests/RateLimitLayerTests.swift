// Tests of layer 3: token buckets per (agent, tool) and per agent.
import Testing
@testable import Gateway

@Test func bucketAllowsBurstThenRefills() throws {
    var layer = RateLimitLayer()
    let rate = RateLimit(burst: 3, perSecond: 2)
    let c = try call("fs_read", #"{"path":"/a"}"#)
    let t0: UInt64 = 5_000_000_000
    for _ in 0..<3 { #expect(layer.evaluate(c, toolIndex: 0, rate: rate, now: t0) == .pass) }
    guard case .deny(let why) = layer.evaluate(c, toolIndex: 0, rate: rate, now: t0) else {
        Issue.record("4th call in the burst should be denied"); return
    }
    #expect(why.contains("fs_read over 2/s"))
    // 2 tokens/s: one token after 500 ms, not before.
    #expect(layer.evaluate(c, toolIndex: 0, rate: rate, now: t0 + 499_000_000) != .pass)
    #expect(layer.evaluate(c, toolIndex: 0, rate: rate, now: t0 + 500_000_001) == .pass)
    #expect(layer.evaluate(c, toolIndex: 0, rate: rate, now: t0 + 500_000_002) != .pass)
    // Long idle refills to the burst, never beyond it.
    let later = t0 + 3_600_000_000_000
    for _ in 0..<3 { #expect(layer.evaluate(c, toolIndex: 0, rate: rate, now: later) == .pass) }
    #expect(layer.evaluate(c, toolIndex: 0, rate: rate, now: later) != .pass)
}

@Test func bucketsAreSeparatePerAgentAndTool() throws {
    var layer = RateLimitLayer()
    let rate = RateLimit(burst: 1, perSecond: 1)
    let a = try call("fs_read", #"{"path":"/a"}"#, agent: "a")
    let b = try call("fs_read", #"{"path":"/a"}"#, agent: "b")
    #expect(layer.evaluate(a, toolIndex: 0, rate: rate, now: 1) == .pass)
    #expect(layer.evaluate(a, toolIndex: 0, rate: rate, now: 2) != .pass)
    #expect(layer.evaluate(a, toolIndex: 2, rate: rate, now: 3) == .pass)  // other tool
    #expect(layer.evaluate(b, toolIndex: 0, rate: rate, now: 4) == .pass)  // other agent
}

@Test func perAgentBucketCapsAllTools() throws {
    var layer = RateLimitLayer(agentRate: RateLimit(burst: 2, perSecond: 1))
    let rate = RateLimit(burst: 100, perSecond: 100)
    let c = try call("kv_get", #"{"key":"k"}"#)
    #expect(layer.evaluate(c, toolIndex: 8, rate: rate, now: 1) == .pass)
    #expect(layer.evaluate(c, toolIndex: 9, rate: rate, now: 1) == .pass)
    guard case .deny(let why) = layer.evaluate(c, toolIndex: 10, rate: rate, now: 1) else {
        Issue.record("agent bucket should deny"); return
    }
    #expect(why.contains("agent agent-1 over 1/s calls"))
}

@Test func fullTableFailsClosed() throws {
    var layer = RateLimitLayer(toolSlots: 2, agentSlots: 8)
    let rate = RateLimit(burst: 5, perSecond: 5)
    let c = try call("kv_get", #"{"key":"k"}"#)
    #expect(layer.evaluate(c, toolIndex: 0, rate: rate, now: 1) == .pass)
    #expect(layer.evaluate(c, toolIndex: 1, rate: rate, now: 1) == .pass)
    #expect(layer.evaluate(c, toolIndex: 2, rate: rate, now: 1) == .deny(reason: "rate-limit table full (agent, tool)"))
}

@Test func slowRatesRefillPerPeriod() throws {
    var layer = RateLimitLayer()
    let rate = RateLimit(burst: 1, count: 30, periodSeconds: 60)  // one token per 2 s
    let c = try call("proc_exec", #"{"command":"ls"}"#)
    #expect(layer.evaluate(c, toolIndex: 7, rate: rate, now: 1) == .pass)
    #expect(layer.evaluate(c, toolIndex: 7, rate: rate, now: 1_999_999_999) == .deny(reason: "rate limit: proc_exec over 30/60s (burst 1) for agent-1"))
    #expect(layer.evaluate(c, toolIndex: 7, rate: rate, now: 2_000_000_002) == .pass)
}
