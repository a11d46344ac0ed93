// Which rules can apply to a tool. A condition on the tool is a function of the tool name alone, so
// for every tool the policy names (in `==`, `!=` or `in`, negated or not) the index decides all of a
// rule's tool conditions once, when the policy is loaded: that tool's candidates are the rules whose
// tool conditions all hold for it, and layer 6 does not test those conditions again. Any other tool
// gets the rules without a positive `tool ==` / `tool in`, with their tool conditions tested per call.
// Candidates keep file order, so first-match semantics are unchanged. Names compare byte-exactly.

struct PolicyRuleIndex: Sendable {
    /// For each tool a tool condition names: the rules whose tool conditions all hold for it.
    let byTool: NameTable<[Int]>
    /// For any other tool: the rules that name no tool positively (tool conditions still to test).
    let generic: [Int]

    init(_ rules: [PolicyRule]) {
        var tools: [String] = []
        for rule in rules {
            for c in rule.conditions where c.subject == .tool {
                for t in PolicyRuleIndex.names(c.matcher) where !tools.contains(where: { UTF8Bytes.equal($0, t) }) {
                    tools.append(t)
                }
            }
        }
        var byTool = NameTable<[Int]>()
        for t in tools {
            byTool[t] = rules.indices.filter { i in
                rules[i].conditions.allSatisfy { c in c.subject != .tool || c.matcher.matches(.string(t)) != c.negated }
            }
        }
        self.byTool = byTool
        self.generic = rules.indices.filter { PolicyRuleIndex.toolSet(rules[$0]) == nil }
    }

    /// The rule indices to try for `tool`, in file order.
    func candidates(_ tool: String) -> [Int] {
        byTool[tool] ?? generic
    }

    /// Runs `body` on the candidates of `tool` read in place (no array copy on the hot path), and
    /// whether their tool conditions are already known to hold.
    @inline(__always)
    func withCandidates<R>(_ tool: String, _ body: (UnsafeBufferPointer<Int>, _ toolDecided: Bool) -> R) -> R {
        if let list = byTool[tool] { return list.withUnsafeBufferPointer { body($0, true) } }
        return generic.withUnsafeBufferPointer { body($0, false) }
    }

    /// The tool names a condition's matcher spells out (equality and list items that are strings).
    static func names(_ matcher: PolicyMatcher) -> [String] {
        switch matcher {
        case let .equals(.string(t)), let .notEquals(.string(t)): return [t]
        case let .inList(list): return list.items.compactMap { if case let .string(t) = $0 { return t } else { return nil } }
        default: return []
        }
    }

    /// The only tools `rule` can match, from its first positive equality/list condition on the tool
    /// (nil = unrestricted). Non-string list items can never equal a tool name and are dropped.
    static func toolSet(_ rule: PolicyRule) -> [String]? {
        for c in rule.conditions where c.subject == .tool && !c.negated {
            switch c.matcher {
            case let .equals(.string(t)): return [t]
            case .equals: return []
            case let .inList(list): return names(.inList(list))
            default: continue
            }
        }
        return nil
    }
}
