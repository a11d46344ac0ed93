// A parsed policy (docs/policy.md): ordered rules (first decisive match wins) plus the gateway
// configuration directives (agent tiers, rate limits, which tools the ProbeLogits gate covers).

public enum PolicyEffect: Equatable, Sendable {
    /// Stop evaluating; layer 6 passes the call.
    case allow
    /// Stop evaluating; layer 6 denies the call.
    case deny
    /// Deny if the agent's tier is below this one; otherwise keep evaluating the next rules.
    case requireTier(TrustTier)
}

/// A literal in a condition: `"text"`, a bare word (`fs_read`), a number, `true`/`false`, a tier.
public enum PolicyValue: Equatable, Sendable {
    case string(String)
    case number(Double)
    case bool(Bool)
}

/// What a condition looks at.
public enum PolicySubject: Equatable, Sendable {
    case tool
    case agent
    case tier
    /// `agent.purpose`
    case purpose
    /// `context.user_intent`
    case userIntent
    /// `args.a.b.0`: object keys or array indices (digits).
    case argument([String])
    /// `args.*`: every scalar anywhere in the arguments.
    case anyArgument
}

public enum PolicyComparison: String, Equatable, Sendable {
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

public enum PolicyMatcher: Sendable {
    case equals(PolicyValue)
    case notEquals(PolicyValue)
    case inList(PolicyList)
    /// `*` = any run without '/', `**` = any run, `?` = one scalar other than '/'; whole value.
    case glob(String, Regex)
    case prefix(String)
    case suffix(String)
    case contains(String)
    case regex(Regex)
    /// The value's IP literal (a URL's host, or the whole value) is inside the block.
    case cidr(CIDRBlock)
    /// The value's host (URL host, or the whole value) matches a case-insensitive glob.
    case host(String, Regex)
    /// After lexical path normalization (`//`, `.`, `..`), the path is the directory or below it.
    case under(String)
    case compare(PolicyComparison, Double)
    /// Tier ordering (`tier >= ai-native`).
    case tierCompare(PolicyComparison?, TrustTier)
    case exists
}

public struct PolicyCondition: Sendable {
    public var subject: PolicySubject
    public var matcher: PolicyMatcher
    public var negated: Bool
}

public struct PolicyRule: Sendable {
    public var name: String
    public var effect: PolicyEffect
    /// All must hold (conjunction); an empty list matches every call.
    public var conditions: [PolicyCondition]
    public var reason: String
    /// Where the rule starts in the policy text (for diagnostics).
    public var line: Int
}

/// `rate-limit [agent "A"] [tool "T"] N per second|minute|hour [burst B]`.
public struct RateLimitRule: Equatable, Sendable {
    /// nil = every agent (each agent gets its own bucket).
    public var agent: String?
    /// nil = the agent's calls to all tools together.
    public var tool: String?
    /// Tokens added per `periodSeconds`.
    public var count: Int
    public var periodSeconds: Int
    /// Bucket capacity (defaults to `count`).
    public var burst: Int
}

public struct Policy: Sendable {
    public var rules: [PolicyRule] = []
    /// The effect when no allow/deny rule matches (`default allow|deny`; absent = deny, fail closed).
    public var defaultAllows = false
    public var agentTiers: [(agent: String, tier: TrustTier)] = []
    public var rateLimits: [RateLimitRule] = []
    /// Tools the ProbeLogits gate applies to (`probelogits tools [..]`); nil = not configured here.
    public var probeLogitsTools: [String]? = nil
    /// Deny threshold on the unsafe probability (`probelogits threshold 0.5`); nil = not configured.
    public var probeLogitsThreshold: Double? = nil
    /// How the gate asks the model (`probelogits design likelihood`); nil = not configured (verbalizer).
    public var probeLogitsDesign: ProbeDesign? = nil

    public init() {}

    /// Parses a policy text; see docs/policy.md for the grammar.
    public static func parse(_ text: String) throws(PolicyParseError) -> Policy {
        var parser = try PolicyParser(text)
        return try parser.parsePolicy()
    }

    /// The tier the policy assigns to an agent name (exact match, else a `"*"` entry), if any.
    public func tier(forAgent name: String) -> TrustTier? {
        for entry in agentTiers where entry.agent == name { return entry.tier }
        for entry in agentTiers where entry.agent == "*" { return entry.tier }
        return nil
    }

    /// Whether the policy puts `tool` under the ProbeLogits gate; nil if the policy says nothing.
    public func probeLogitsApplies(to tool: String) -> Bool? {
        guard let tools = probeLogitsTools else { return nil }
        return tools.contains(tool) || tools.contains("*")
    }

    /// The most specific rate limit for (agent, tool): exact agent+tool, then tool, then agent, then global.
    public func rateLimit(agent: String, tool: String) -> RateLimitRule? {
        var best: RateLimitRule? = nil
        var bestScore = -1
        for r in rateLimits {
            if let a = r.agent, a != agent { continue }
            guard let t = r.tool else { continue }
            if t != tool { continue }
            let score = (r.agent != nil ? 2 : 0) + 1
            if score > bestScore { best = r; bestScore = score }
        }
        return best
    }

    /// The per-agent limit over all tools (a rule without `tool`), agent-specific before global.
    public func agentRateLimit(agent: String) -> RateLimitRule? {
        var fallback: RateLimitRule? = nil
        for r in rateLimits where r.tool == nil {
            if r.agent == agent { return r }
            if r.agent == nil, fallback == nil { fallback = r }
        }
        return fallback
    }
}
