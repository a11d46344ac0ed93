// Layer 6: the constitutional policy. Rules are tried in file order; the first `allow` or `deny`
// whose conditions all hold decides; a matching `require-tier` denies a lower-tier agent and
// otherwise lets evaluation continue; if nothing decides, the policy's `default` applies.
// Only the rules that can apply to the call's tool are tried (PolicyRuleIndex).

public struct PolicyLayer: Sendable {
    public let policy: Policy
    let index: PolicyRuleIndex

    public init(policy: Policy) {
        self.policy = policy
        self.index = PolicyRuleIndex(policy.rules)
    }

    public func evaluate(_ call: ToolCall) -> LayerOutcome {
        for i in index.candidates(call.tool) where matches(policy.rules[i], call) {
            let rule = policy.rules[i]
            switch rule.effect {
            case .allow:
                return .pass
            case .deny:
                return .deny(reason: "rule \"\(rule.name)\": \(rule.reason)")
            case let .requireTier(tier):
                if call.agent.tier < tier {
                    return .deny(reason: "rule \"\(rule.name)\" requires tier \(tier.name), agent has \(call.agent.tier.name): \(rule.reason)")
                }
            }
        }
        return policy.defaultAllows ? .pass : .deny(reason: "no policy rule allows this call (default deny)")
    }

    /// The name of the rule that decides the call, or nil when the default applies (for tools and tests).
    public func decidingRule(_ call: ToolCall) -> String? {
        for i in index.candidates(call.tool) where matches(policy.rules[i], call) {
            let rule = policy.rules[i]
            switch rule.effect {
            case .allow, .deny: return rule.name
            case let .requireTier(tier): if call.agent.tier < tier { return rule.name }
            }
        }
        return nil
    }

    private func matches(_ rule: PolicyRule, _ call: ToolCall) -> Bool {
        rule.conditions.withUnsafeBufferPointer { conditions in
            for k in conditions.indices where holds(conditions[k], call) == conditions[k].negated { return false }
            return true
        }
    }

    /// True if some value the subject denotes satisfies the matcher (false if there is none).
    private func holds(_ c: PolicyCondition, _ call: ToolCall) -> Bool {
        switch c.subject {
        case .tool: return c.matcher.matches(.string(call.tool))
        case .agent: return c.matcher.matches(.string(call.agent.name))
        case .purpose: return c.matcher.matches(.string(call.agent.purpose))
        case .userIntent: return c.matcher.matches(.string(call.context.userIntent))
        case .tier:
            guard case let .tierCompare(op, tier) = c.matcher else { return false }
            let t = call.agent.tier
            switch op {
            case nil: return t == tier
            case .less?: return t < tier
            case .lessOrEqual?: return t <= tier
            case .greater?: return t > tier
            case .greaterOrEqual?: return t >= tier
            }
        case let .argument(path):
            guard let v = PolicyLayer.lookup(call.arguments, path) else { return false }
            if case let .array(items) = v {
                if case .exists = c.matcher { return true }
                return items.contains { c.matcher.matches($0) }
            }
            return c.matcher.matches(v)
        case .anyArgument:
            return PolicyLayer.anyScalar(call.arguments, depth: 0) { c.matcher.matches($0) }
        }
    }

    /// Follows `path` through objects (keys) and arrays (decimal indices).
    static func lookup(_ root: JSONValue, _ path: [String]) -> JSONValue? {
        var v = root
        for segment in path {
            switch v {
            case .object:
                guard let next = v[segment] else { return nil }
                v = next
            case let .array(items):
                guard let i = Int(segment), i >= 0, i < items.count else { return nil }
                v = items[i]
            default:
                return nil
            }
        }
        return v
    }

    private static func anyScalar(_ v: JSONValue, depth: Int, _ body: (JSONValue) -> Bool) -> Bool {
        guard depth < PolicyLimits.maxPathSegments * 4 else { return false }
        switch v {
        case let .array(items): return items.contains { anyScalar($0, depth: depth + 1, body) }
        case let .object(members): return members.contains { anyScalar($0.value, depth: depth + 1, body) }
        default: return body(v)
        }
    }
}
