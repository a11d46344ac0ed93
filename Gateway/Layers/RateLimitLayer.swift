// Layer 3: token buckets per (agent, tool) and per agent, refilled from the monotonic clock.
// Fixed-size open-addressing tables (Limits.swift); a full table denies new keys (fail closed).
// Per-named-agent overrides (the constitution's `rate-limit agent "A" [tool "T"]`) replace the
// default rate of that agent's buckets; each slot resolves its override once, when created.

public struct RateLimitLayer: Sendable {
    struct Slot: Sendable {
        var used = false
        var hash: UInt64 = 0
        var agent = ""
        var tool: Int32 = -1    // -1 in the per-agent table
        /// Index into `overrides` of the rate this bucket uses instead of the default, or -1.
        var override: Int32 = -1
        var bucket = TokenBucket(rate: RateLimit(burst: 0, perSecond: 0), now: 0)
    }

    var toolSlots: [Slot]
    var agentSlots: [Slot]
    /// The per-agent bucket parameters (all tools together).
    public var agentRate: RateLimit
    /// Rates for named agents (tool -1 = the agent's calls over all tools), at most
    /// `GatewayLimits.rateOverrides`.
    public private(set) var overrides: [RateLimitOverride] = []

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
        guard let a = Self.find(&agentSlots, hash: agentHash, agent: call.agent.name, tool: -1, rate: agentRate,
                                overrides: overrides, now: now)
        else { return .deny(reason: "rate-limit table full (agents)") }
        let toolHash = agentHash ^ (UInt64(toolIndex &+ 1) &* 0x9E37_79B9_7F4A_7C15)
        guard let t = Self.find(&toolSlots, hash: toolHash, agent: call.agent.name, tool: Int32(toolIndex), rate: rate,
                                overrides: overrides, now: now)
        else { return .deny(reason: "rate-limit table full (agent, tool)") }
        let toolRate = toolSlots[t].override < 0 ? rate : overrides[Int(toolSlots[t].override)].rate
        let ownRate = agentSlots[a].override < 0 ? agentRate : overrides[Int(agentSlots[a].override)].rate
        toolSlots[t].bucket.refill(rate: toolRate, now: now)
        agentSlots[a].bucket.refill(rate: ownRate, now: now)
        guard toolSlots[t].bucket.hasToken else {
            return .deny(reason: "rate limit: \(call.tool) over \(toolRate.text) (burst \(toolRate.burst)) for \(call.agent.name)")
        }
        guard agentSlots[a].bucket.hasToken else {
            return .deny(reason: "rate limit: agent \(call.agent.name) over \(ownRate.text) calls")
        }
        toolSlots[t].bucket.take()
        agentSlots[a].bucket.take()
        return .pass
    }

    /// Gives agent `agent` its own rate, for one tool (`toolIndex`, the catalogue index) or for
    /// all its calls together (nil). Replaces an earlier override of the same (agent, tool).
    /// Buckets that already exist switch to the new rate at their next refill.
    public mutating func setOverride(agent: String, toolIndex: Int?, rate: RateLimit) throws(RateLimitConfigError) {
        let tool = Int32(toolIndex ?? -1)
        if let k = overrides.firstIndex(where: { $0.agent == agent && $0.tool == tool }) {
            overrides[k].rate = rate
            return
        }
        guard overrides.count < GatewayLimits.rateOverrides else { throw .tooManyOverrides(GatewayLimits.rateOverrides) }
        overrides.append(RateLimitOverride(agent: agent, tool: tool, rate: rate))
        let index = Int32(overrides.count - 1)
        for k in agentSlots.indices where agentSlots[k].used && agentSlots[k].agent == agent && tool == -1 {
            agentSlots[k].override = index
        }
        for k in toolSlots.indices where toolSlots[k].used && toolSlots[k].agent == agent && toolSlots[k].tool == tool {
            toolSlots[k].override = index
        }
    }

    /// Linear probing; inserts a full bucket for a new key (at its override's rate, if any).
    /// Nil when the table is full.
    static func find(_ slots: inout [Slot], hash: UInt64, agent: String, tool: Int32, rate: RateLimit,
                     overrides: [RateLimitOverride], now: UInt64) -> Int? {
        let n = slots.count
        var i = Int(hash % UInt64(n))
        for _ in 0..<n {
            if !slots[i].used {
                var override: Int32 = -1
                for (k, o) in overrides.enumerated() where o.tool == tool && o.agent == agent { override = Int32(k) }
                let initial = override < 0 ? rate : overrides[Int(override)].rate
                slots[i] = Slot(used: true, hash: hash, agent: agent, tool: tool, override: override,
                                bucket: TokenBucket(rate: initial, now: now))
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
        func hash<C: Sequence>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            return h
        }
        return s.utf8.withContiguousStorageIfAvailable { hash($0) } ?? hash(s.utf8)
    }
}

/// One named agent's rate (the constitution's `rate-limit agent "A" [tool "T"]`).
public struct RateLimitOverride: Equatable, Sendable {
    public var agent: String
    /// Catalogue index of the tool, or -1 for the agent's calls over all tools.
    public var tool: Int32
    public var rate: RateLimit
}

public enum RateLimitConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    case tooManyOverrides(Int)

    public var description: String {
        switch self {
        case .tooManyOverrides(let n): return "more than \(n) per-agent rate-limit overrides"
        }
    }
}
