// Layer 6: the constitutional policy. Rules are tried in file order; the first `allow` or `deny`
// whose conditions all hold decides; a matching `require-tier` denies a lower-tier agent and
// otherwise lets evaluation continue; if nothing decides, the policy's `default` applies.
// Only the rules that can apply to the call's tool are tried (PolicyRuleIndex), and the conditions on
// the tool are decided there once per policy for every tool the policy names.

public struct PolicyLayer: Sendable {
    public let policy: Policy
    let index: PolicyRuleIndex

    public init(policy: Policy) {
        self.policy = policy
        self.index = PolicyRuleIndex(policy.rules)
    }

    public func evaluate(_ call: ToolCall) -> LayerOutcome {
        guard let i = decidingIndex(call) else {
            return policy.defaultAllows ? .pass : .deny(reason: "no policy rule allows this call (default deny)")
        }
        let rule = policy.rules[i]
        switch rule.effect {
        case .allow:
            return .pass
        case .deny:
            return .deny(reason: "rule \"\(rule.name)\": \(rule.reason)")
        case let .requireTier(tier):
            return .deny(reason: "rule \"\(rule.name)\" requires tier \(tier.name), agent has \(call.agent.tier.name): \(rule.reason)")
        }
    }

    /// The name of the rule that decides the call, or nil when the default applies (for tools and tests).
    public func decidingRule(_ call: ToolCall) -> String? {
        decidingIndex(call).map { policy.rules[$0].name }
    }

    /// The index of the first candidate rule that decides the call: an `allow`/`deny` whose
    /// conditions hold, or a `require-tier` whose conditions hold for an agent below its tier.
    /// Rules and conditions are read in place through pointers (copying one would retain every
    /// array and string it holds).
    func decidingIndex(_ call: ToolCall) -> Int? {
        var memo = CallMemo()
        return index.withCandidates(call.tool) { candidates, toolDecided in
            policy.rules.withUnsafeBufferPointer { rules -> Int? in
                for i in candidates {
                    let rule = rules.baseAddress! + i
                    guard matches(rule, call, skippingTool: toolDecided, &memo) else { continue }
                    switch rule.pointee.effect {
                    case .allow, .deny: return i
                    case let .requireTier(tier): if call.agent.tier < tier { return i }
                    }
                }
                return nil
            }
        }
    }

    /// What several conditions of one call would otherwise recompute: the IP literals of every
    /// argument string (each `args.* cidr` rule tests the same ones against its own block).
    struct CallMemo {
        var argumentAddresses: [IPAddress]? = nil
    }

    /// All conditions hold (`skippingTool`: the rule index has already decided the tool conditions).
    private func matches(_ rule: UnsafePointer<PolicyRule>, _ call: ToolCall, skippingTool: Bool,
                         _ memo: inout CallMemo) -> Bool {
        rule.pointee.conditions.withUnsafeBufferPointer { conditions in
            var c = conditions.baseAddress
            for _ in 0..<conditions.count {
                let decided = skippingTool && c!.pointee.subject == .tool
                if !decided && holds(c!, call, &memo) == c!.pointee.negated { return false }
                c = c! + 1
            }
            return true
        }
    }

    /// True if some value the subject denotes satisfies the matcher (false if there is none).
    private func holds(_ condition: UnsafePointer<PolicyCondition>, _ call: ToolCall, _ memo: inout CallMemo) -> Bool {
        switch condition.pointee.subject {
        case .tool: return condition.pointee.matcher.matches(string: call.tool)
        case .agent: return condition.pointee.matcher.matches(string: call.agent.name)
        case .purpose: return condition.pointee.matcher.matches(string: call.agent.purpose)
        case .userIntent: return condition.pointee.matcher.matches(string: call.context.userIntent)
        case .tier:
            guard case let .tierCompare(op, tier) = condition.pointee.matcher else { return false }
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
                if case .exists = condition.pointee.matcher { return true }
                return items.contains { condition.pointee.matcher.matches($0) }
            }
            return condition.pointee.matcher.matches(v)
        case .anyArgument:
            if case let .cidr(block) = condition.pointee.matcher {
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
            return PolicyLayer.anyScalar(call.arguments, depth: 0) { condition.pointee.matcher.matches($0) }
        }
    }

    /// Follows `path` through objects (keys) and arrays (decimal indices).
    static func lookup(_ root: JSONValue, _ path: [String]) -> JSONValue? {
        var v = root
        for segment in path {
            switch v {
            case let .object(members):
                // Keys are compared in place (iterating would copy and retain every member).
                guard let i = members.withUnsafeBufferPointer({ m in m.indices.first { m[$0].key == segment } })
                else { return nil }
                v = members[i].value
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
        case let .array(items):
            return items.withUnsafeBufferPointer { items in
                for i in items.indices where anyScalar(items[i], depth: depth + 1, body) { return true }
                return false
            }
        case let .object(members):
            return members.withUnsafeBufferPointer { members in
                for i in members.indices where anyScalar(members[i].value, depth: depth + 1, body) { return true }
                return false
            }
        default: return body(v)
        }
    }
}
