// Which rules can apply to a tool: a rule whose conditions include a positive `tool == x` or
// `tool in [...]` can only match calls to those tools, so layer 6 skips it for every other tool.
// Candidates keep file order, so first-match semantics are unchanged.

struct PolicyRuleIndex: Sendable {
    /// For each tool some rule names: the indices of the rules that may apply to it.
    let byTool: NameTable<[Int]>
    /// For any other tool: the rules that name no tool (or only through negation/globs/regexes).
    let generic: [Int]

    init(_ rules: [PolicyRule]) {
        var named: [[String]?] = []
        var tools: [String] = []
        for rule in rules {
            let set = PolicyRuleIndex.toolSet(rule)
            named.append(set)
            for t in set ?? [] where !tools.contains(where: { PolicyMatcher.sameBytes($0, t) }) { tools.append(t) }
        }
        var byTool = NameTable<[Int]>()
        for t in tools {
            byTool[t] = rules.indices.filter { i in
                named[i] == nil || named[i]!.contains { PolicyMatcher.sameBytes($0, t) }
            }
        }
        self.byTool = byTool
        self.generic = rules.indices.filter { named[$0] == nil }
    }

    /// The rule indices to try for `tool`, in file order.
    func candidates(_ tool: String) -> [Int] {
        byTool[tool] ?? generic
    }

    /// Runs `body` on the candidates of `tool` read in place (no array copy on the hot path).
    @inline(__always)
    func withCandidates<R>(_ tool: String, _ body: (UnsafeBufferPointer<Int>) -> R) -> R {
        if let list = byTool[tool] { return list.withUnsafeBufferPointer(body) }
        return generic.withUnsafeBufferPointer(body)
    }

    /// The only tools `rule` can match, from its first positive equality/list condition on the tool
    /// (nil = unrestricted). Non-string list items can never equal a tool name and are dropped.
    static func toolSet(_ rule: PolicyRule) -> [String]? {
        for c in rule.conditions where c.subject == .tool && !c.negated {
            switch c.matcher {
            case let .equals(.string(t)): return [t]
            case .equals: return []
            case let .inList(list):
                return list.items.compactMap { if case let .string(t) = $0 { return t } else { return nil } }
            default: continue
            }
        }
        return nil
    }
}
