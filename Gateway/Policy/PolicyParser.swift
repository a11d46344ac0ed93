// Recursive-descent parser of the policy language (grammar in docs/policy.md, EBNF).
// Every error carries the line and column of the offending token.

struct PolicyParser {
    private let tokens: [PolicyToken]
    private var k = 0

    init(_ text: String) throws(PolicyParseError) {
        tokens = try PolicyLexer.tokenize(text)
    }

    private var current: PolicyToken { tokens[k] }

    private func error(_ message: String, at token: PolicyToken? = nil) -> PolicyParseError {
        let t = token ?? current
        return PolicyParseError(line: t.line, column: t.column, message: message)
    }

    private func isWord(_ w: String) -> Bool {
        if case let .word(x) = current.kind { return x == w }
        return false
    }

    private mutating func expectWord(_ w: String, context: String) throws(PolicyParseError) {
        guard isWord(w) else { throw error("expected '\(w)' \(context), found \(current.describe)") }
        k += 1
    }

    private mutating func expectString(_ what: String) throws(PolicyParseError) -> String {
        guard case let .string(s) = current.kind else {
            throw error("expected \(what) (a quoted string), found \(current.describe)")
        }
        k += 1
        return s
    }

    private mutating func expectInt(_ what: String, min: Int) throws(PolicyParseError) -> Int {
        guard case let .number(v, text) = current.kind, v >= Double(min), v <= 1_000_000_000,
              v == Double(Int(v)), !text.contains(".") else {
            throw error("expected \(what) (an integer ≥ \(min)), found \(current.describe)")
        }
        k += 1
        return Int(v)
    }

    private mutating func expectTier() throws(PolicyParseError) -> TrustTier {
        if case let .word(w) = current.kind, let tier = TrustTier(name: w) {
            k += 1
            return tier
        }
        throw error("expected a tier (classic, ai-enhanced, ai-native, system), found \(current.describe)")
    }

    // MARK: - Statements

    mutating func parsePolicy() throws(PolicyParseError) -> Policy {
        var policy = Policy()
        var sawDefault = false
        var names: [String] = []
        while true {
            let t = current
            guard case let .word(keyword) = t.kind else {
                if case .end = t.kind { return policy }
                throw error("expected a statement (rule, default, agent, rate-limit, probelogits), found \(t.describe)")
            }
            k += 1
            switch keyword {
            case "rule":
                if policy.rules.count >= PolicyLimits.maxRules {
                    throw error("more than \(PolicyLimits.maxRules) rules", at: t)
                }
                let nameToken = current
                let rule = try parseRule(line: t.line)
                if names.contains(rule.name) {
                    throw error("duplicate rule name \"\(rule.name)\"", at: nameToken)
                }
                names.append(rule.name)
                policy.rules.append(rule)
            case "default":
                if sawDefault { throw error("second 'default' statement", at: t) }
                sawDefault = true
                if isWord("allow") { policy.defaultAllows = true }
                else if isWord("deny") { policy.defaultAllows = false }
                else { throw error("expected 'allow' or 'deny' after 'default', found \(current.describe)") }
                k += 1
            case "agent":
                let name = try expectString("an agent name")
                try expectWord("tier", context: "after the agent name")
                let tier = try expectTier()
                if policy.agentTiers.contains(where: { $0.agent == name }) {
                    throw error("agent \"\(name)\" is given a tier twice", at: t)
                }
                policy.agentTiers.append((agent: name, tier: tier))
            case "rate-limit":
                policy.rateLimits.append(try parseRateLimit(at: t))
            case "probelogits":
                if isWord("tools") {
                    k += 1
                    if policy.probeLogitsTools != nil { throw error("second 'probelogits tools' statement", at: t) }
                    let items = try parseList()
                    var tools: [String] = []
                    for item in items {
                        guard case let .string(s) = item else { throw error("probelogits tools must be tool names", at: t) }
                        tools.append(s)
                    }
                    policy.probeLogitsTools = tools
                } else if isWord("threshold") {
                    k += 1
                    if policy.probeLogitsThreshold != nil { throw error("second 'probelogits threshold' statement", at: t) }
                    guard case let .number(v, _) = current.kind, v > 0, v < 1 else {
                        throw error("expected a threshold strictly between 0 and 1, found \(current.describe)")
                    }
                    k += 1
                    policy.probeLogitsThreshold = v
                } else if isWord("design") {
                    k += 1
                    if policy.probeLogitsDesign != nil { throw error("second 'probelogits design' statement", at: t) }
                    guard case let .word(w) = current.kind, let d = ProbeDesign(rawValue: w) else {
                        throw error("expected a probe design (verbalizer, likelihood), found \(current.describe)")
                    }
                    k += 1
                    policy.probeLogitsDesign = d
                } else {
                    throw error("expected 'tools', 'threshold' or 'design' after 'probelogits', found \(current.describe)")
                }
            default:
                throw error("unknown statement '\(keyword)' (expected rule, default, agent, rate-limit, probelogits)", at: t)
            }
        }
    }

    private mutating func parseRateLimit(at start: PolicyToken) throws(PolicyParseError) -> RateLimitRule {
        var agent: String? = nil
        var tool: String? = nil
        if isWord("agent") {
            k += 1
            let a = try expectString("an agent name")
            agent = a == "*" ? nil : a
        }
        if isWord("tool") {
            k += 1
            tool = try expectString("a tool name")
        }
        let count = try expectInt("a call count", min: 1)
        try expectWord("per", context: "after the call count")
        let period: Int
        if isWord("second") { period = 1 } else if isWord("minute") { period = 60 } else if isWord("hour") {
            period = 3600
        } else {
            throw error("expected 'second', 'minute' or 'hour', found \(current.describe)")
        }
        k += 1
        var burst = count
        if isWord("burst") {
            k += 1
            burst = try expectInt("a burst size", min: 1)
        }
        return RateLimitRule(agent: agent, tool: tool, count: count, periodSeconds: period, burst: burst)
    }

    private mutating func parseRule(line: Int) throws(PolicyParseError) -> PolicyRule {
        let name = try expectString("a rule name")
        let effect: PolicyEffect
        if isWord("allow") { effect = .allow; k += 1 }
        else if isWord("deny") { effect = .deny; k += 1 }
        else if isWord("require-tier") {
            k += 1
            effect = .requireTier(try expectTier())
        } else {
            throw error("expected an effect (allow, deny, require-tier <tier>) after the rule name, found \(current.describe)")
        }
        var conditions: [PolicyCondition] = []
        if isWord("when") {
            k += 1
            conditions.append(try parseCondition())
            while isWord("and") {
                k += 1
                if conditions.count >= PolicyLimits.maxConditionsPerRule {
                    throw error("more than \(PolicyLimits.maxConditionsPerRule) conditions in one rule")
                }
                conditions.append(try parseCondition())
            }
        }
        try expectWord("because", context: "(every rule ends with: because \"reason\")")
        let reason = try expectString("the reason")
        return PolicyRule(name: name, effect: effect, conditions: conditions, reason: reason, line: line)
    }

    // MARK: - Conditions

    private mutating func parseCondition() throws(PolicyParseError) -> PolicyCondition {
        var negated = false
        if isWord("not") {
            negated = true
            k += 1
        }
        let subjectToken = current
        guard case let .word(w) = subjectToken.kind else {
            throw error("expected a subject (tool, agent, tier, args.<path>, context.user_intent, agent.purpose), found \(subjectToken.describe)")
        }
        k += 1
        let subject = try parseSubject(w, token: subjectToken)
        let matcher = try parseMatcher(for: subject)
        return PolicyCondition(subject: subject, matcher: matcher, negated: negated)
    }

    private func parseSubject(_ w: String, token: PolicyToken) throws(PolicyParseError) -> PolicySubject {
        switch w {
        case "tool": return .tool
        case "agent": return .agent
        case "tier": return .tier
        case "agent.purpose": return .purpose
        case "context.user_intent": return .userIntent
        case "args.*": return .anyArgument
        default: break
        }
        guard w.hasPrefix("args.") else {
            throw error("unknown subject '\(w)' (expected tool, agent, tier, args.<path>, args.*, context.user_intent, agent.purpose)", at: token)
        }
        var segments: [String] = []
        var segment = ""
        for c in w.unicodeScalars.dropFirst(5) {
            if c == "." {
                segments.append(segment)
                segment = ""
            } else {
                segment.unicodeScalars.append(c)
            }
        }
        segments.append(segment)
        if segments.contains(where: { $0.isEmpty || $0.contains("*") }) {
            throw error("bad argument path '\(w)': empty segment or '*' inside a path (only 'args.*' alone)", at: token)
        }
        if segments.count > PolicyLimits.maxPathSegments {
            throw error("argument path deeper than \(PolicyLimits.maxPathSegments) segments", at: token)
        }
        return .argument(segments)
    }

    private mutating func parseValue() throws(PolicyParseError) -> PolicyValue {
        let t = current
        switch t.kind {
        case let .string(s): k += 1; return .string(s)
        case let .number(v, _): k += 1; return .number(v)
        case let .word(w):
            k += 1
            if w == "true" { return .bool(true) }
            if w == "false" { return .bool(false) }
            return .string(w)
        default:
            throw error("expected a value (string, number, word, true/false), found \(t.describe)")
        }
    }

    private mutating func parseList() throws(PolicyParseError) -> [PolicyValue] {
        guard case .symbol("[") = current.kind else { throw error("expected '[', found \(current.describe)") }
        k += 1
        var items: [PolicyValue] = []
        if case .symbol("]") = current.kind { throw error("empty list") }
        while true {
            items.append(try parseValue())
            if items.count > PolicyLimits.maxListItems { throw error("list longer than \(PolicyLimits.maxListItems) items") }
            if case .symbol(",") = current.kind { k += 1; continue }
            if case .symbol("]") = current.kind { k += 1; return items }
            throw error("expected ',' or ']' in list, found \(current.describe)")
        }
    }

    private mutating func compileRegex(_ pattern: String, token: PolicyToken) throws(PolicyParseError) -> Regex {
        do throws(RegexError) {
            return try Regex(pattern)
        } catch let e {
            // Point at the string literal; the regex offset is within the pattern.
            throw PolicyParseError(line: token.line, column: token.column,
                                   message: "bad regex \"\(pattern)\": \(e.message) at pattern offset \(e.offset)")
        }
    }

    private mutating func parseMatcher(for subject: PolicySubject) throws(PolicyParseError) -> PolicyMatcher {
        let t = current
        if subject == .tier {
            return try parseTierMatcher()
        }
        switch t.kind {
        case .symbol("=="): k += 1; return .equals(try parseValue())
        case .symbol("!="): k += 1; return .notEquals(try parseValue())
        case let .symbol(op):
            guard let cmp = PolicyComparison(rawValue: op) else { break }
            k += 1
            guard case let .number(v, _) = current.kind else {
                throw error("expected a number after '\(op)', found \(current.describe)")
            }
            k += 1
            return .compare(cmp, v)
        case let .word(w):
            k += 1
            switch w {
            case "in": return .inList(PolicyList(try parseList()))
            case "exists": return .exists
            case "glob":
                let lit = current
                let g = try expectString("a glob pattern")
                return .glob(g, try compileRegex(GlobTranslator.regexSource(g, caseInsensitive: false), token: lit))
            case "host":
                let lit = current
                let g = try expectString("a host glob")
                return .host(g, try compileRegex(GlobTranslator.regexSource(g, caseInsensitive: true), token: lit))
            case "prefix": return .prefix(try expectString("a prefix"))
            case "suffix": return .suffix(try expectString("a suffix"))
            case "contains": return .contains(try expectString("a substring"))
            case "regex":
                let lit = current
                return .regex(try compileRegex(try expectString("a regex"), token: lit))
            case "under":
                let lit = current
                let dir = try expectString("a directory")
                guard dir.hasPrefix("/") else { throw error("'under' needs an absolute directory", at: lit) }
                return .under(dir)
            case "cidr":
                let lit = current
                let text = try expectString("a CIDR block such as \"10.0.0.0/8\"")
                guard let block = CIDRBlock(text) else {
                    throw error("bad CIDR block \"\(text)\" (address/prefix with no host bits set)", at: lit)
                }
                return .cidr(block)
            default:
                k -= 1
            }
        default:
            break
        }
        throw error("expected a matcher (==, !=, <, <=, >, >=, in, exists, glob, host, prefix, suffix, contains, regex, under, cidr), found \(t.describe)")
    }

    private mutating func parseTierMatcher() throws(PolicyParseError) -> PolicyMatcher {
        let t = current
        switch t.kind {
        case .symbol("=="): k += 1; return .tierCompare(nil, try expectTier())
        case let .symbol(op):
            if let cmp = PolicyComparison(rawValue: op) {
                k += 1
                return .tierCompare(cmp, try expectTier())
            }
        default: break
        }
        throw error("the tier subject takes ==, <, <=, > or >= and a tier name, found \(t.describe)")
    }
}
