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
        var memo = CallMemo()
        for i in index.candidates(call.tool) where matches(policy.rules[i], call, &memo) {
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
        var memo = CallMemo()
        for i in index.candidates(call.tool) where matches(policy.rules[i], call, &memo) {
            let rule = policy.rules[i]
            switch rule.effect {
            case .allow, .deny: return rule.name
            case let .requireTier(tier): if call.agent.tier < tier { return rule.name }
            }
        }
        return nil
    }

    /// What several conditions of one call would otherwise recompute: the IP literals of every
    /// argument string (each `args.* cidr` rule tests the same ones against its own block).
    struct CallMemo {
        var argumentAddresses: [IPAddress]? = nil
    }

    private func matches(_ rule: PolicyRule, _ call: ToolCall, _ memo: inout CallMemo) -> Bool {
        rule.conditions.withUnsafeBufferPointer { conditions in
            for k in conditions.indices where holds(conditions[k], call, &memo) == conditions[k].negated { return false }
            return true
        }
    }

    /// True if some value the subject denotes satisfies the matcher (false if there is none).
    private func holds(_ c: PolicyCondition, _ call: ToolCall, _ memo: inout CallMemo) -> Bool {
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
            if case let .cidr(block) = c.matcher {
                // Same answer as the generic walk below (numbers and booleans are never addresses).
                if memo.argumentAddresses == nil {
                    var found: [IPAddress] = []
                    _ = PolicyLayer.anyScalar(call.arguments, depth: 0) { v in
                        if case let .string(s) = v, let a = PolicyMatcher.ipLiteral(in: s) { found.append(a) }
                        return false
                    }
                    memo.argumentAddresses = found
                }
                return memo.argumentAddresses!.contains { block.contains($0) }
            }
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
