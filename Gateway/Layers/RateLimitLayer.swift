// Layer 3: token buckets per (agent, tool) and per agent, refilled from the monotonic clock.
// Fixed-size open-addressing tables (Limits.swift); a full table denies new keys (fail closed).

public struct RateLimitLayer: Sendable {
    struct Slot: Sendable {
        var used = false
        var hash: UInt64 = 0
        var agent = ""
        var tool: Int32 = -1    // -1 in the per-agent table
        var bucket = TokenBucket(rate: RateLimit(burst: 0, perSecond: 0), now: 0)
    }

    var toolSlots: [Slot]
    var agentSlots: [Slot]
    /// The per-agent bucket parameters (all tools together).
    public var agentRate: RateLimit

    public init(agentRate: RateLimit = RateLimit(burst: GatewayLimits.rateAgentBurst,
                                                 perSecond: GatewayLimits.rateAgentPerSecond),
                toolSlots: Int = GatewayLimits.rateTableSlots, agentSlots: Int = GatewayLimits.rateAgentSlots) {
        self.agentRate = agentRate
        self.toolSlots = Array(repeating: Slot(), count: toolSlots)
        self.agentSlots = Array(repeating: Slot(), count: agentSlots)
    }

    /// Takes one token from the (agent, tool) bucket and one from the agent bucket, or denies
    /// without taking any. `toolIndex` is the catalogue index, `rate` that tool's limits.
    public mutating func evaluate(_ call: ToolCall, toolIndex: Int, rate: RateLimit, now: UInt64) -> LayerOutcome {
        let agentHash = Self.fnv1a(call.agent.name)
        guard let a = Self.find(&agentSlots, hash: agentHash, agent: call.agent.name, tool: -1, rate: agentRate, now: now)
        else { return .deny(reason: "rate-limit table full (agents)") }
        let toolHash = agentHash ^ (UInt64(toolIndex &+ 1) &* 0x9E37_79B9_7F4A_7C15)
        guard let t = Self.find(&toolSlots, hash: toolHash, agent: call.agent.name, tool: Int32(toolIndex), rate: rate, now: now)
        else { return .deny(reason: "rate-limit table full (agent, tool)") }
        toolSlots[t].bucket.refill(rate: rate, now: now)
        agentSlots[a].bucket.refill(rate: agentRate, now: now)
        guard toolSlots[t].bucket.hasToken else {
            return .deny(reason: "rate limit: \(call.tool) over \(rate.text) (burst \(rate.burst)) for \(call.agent.name)")
        }
        guard agentSlots[a].bucket.hasToken else {
            return .deny(reason: "rate limit: agent \(call.agent.name) over \(agentRate.text) calls")
        }
        toolSlots[t].bucket.take()
        agentSlots[a].bucket.take()
        return .pass
    }

    /// Linear probing; inserts a full bucket for a new key. Nil when the table is full.
    static func find(_ slots: inout [Slot], hash: UInt64, agent: String, tool: Int32, rate: RateLimit, now: UInt64) -> Int? {
        let n = slots.count
        var i = Int(hash % UInt64(n))
        for _ in 0..<n {
            if !slots[i].used {
                slots[i] = Slot(used: true, hash: hash, agent: agent, tool: tool, bucket: TokenBucket(rate: rate, now: now))
                return i
            }
            if slots[i].hash == hash && slots[i].tool == tool && slots[i].agent == agent { return i }
            i += 1
            if i == n { i = 0 }
        }
        return nil
    }

    /// FNV-1a 64 over the UTF-8 bytes (deterministic, no seeded hasher needed in the kernel).
    static func fnv1a(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}
