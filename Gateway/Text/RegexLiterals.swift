// Required literals of a regex (the prefilter idea of RE2 and Hyperscan): byte strings at least one
// of which occurs in every text the pattern matches. A text containing none of them cannot match,
// so the NFA paths of `Regex.matches` are skipped after one Aho–Corasick pass over the text.

/// What the analysis knows about one syntax node. Strings are UTF-8 with ASCII letters lowercased
/// (the gate folds the text's ASCII case, so the test stays necessary for case-sensitive patterns).
struct RegexLiteralInfo {
    /// Every string the node can match; nil when unknown or more than `maxRegexExactStrings`.
    var exact: [[UInt8]]?
    /// Non-empty strings one of which every match of the node contains; nil when there is none.
    var required: [[UInt8]]?

    static let unknown = RegexLiteralInfo(exact: nil, required: nil)
    static let emptyWidth = RegexLiteralInfo(exact: [[]], required: nil)
}

enum RegexLiterals {
    /// The gate's needles for a pattern: nil when the analysis finds no set whose every string has
    /// at least `PolicyLimits.minRegexNeedleBytes` bytes (a one-byte needle filters almost nothing).
    static func needles(_ tree: RegexNode) -> [[UInt8]]? {
        guard let required = info(tree).required, !required.isEmpty,
              required.allSatisfy({ $0.count >= PolicyLimits.minRegexNeedleBytes }) else { return nil }
        // A prefix of a required string is required too; long needles only cost automaton states.
        var out: [[UInt8]] = []
        for s in required {
            let prefix = Array(s.prefix(PolicyLimits.maxRegexNeedleBytes))
            if !out.contains(prefix) { out.append(prefix) }
        }
        return out
    }

    static func info(_ node: RegexNode) -> RegexLiteralInfo {
        switch node {
        case .empty, .lineStart, .lineEnd:
            return .emptyWidth
        case let .scalar(c):
            var bytes: [UInt8] = []
            appendUTF8(lowercased(c), to: &bytes)
            return RegexLiteralInfo(exact: [bytes], required: [bytes])
        case let .set(cls):
            let members = asciiMembers(cls)
            return RegexLiteralInfo(exact: members, required: members)
        case .any:
            return .unknown
        case let .concat(items):
            return concat(items.map(info))
        case let .alternate(branches):
            var exact: [[UInt8]]? = []
            var required: [[UInt8]]? = []
            for branch in branches {
                let i = info(branch)
                exact = union(exact, i.exact, limit: PolicyLimits.maxRegexExactStrings)
                required = union(required, i.required, limit: PolicyLimits.maxRegexNeedles)
            }
            return RegexLiteralInfo(exact: exact, required: required)
        case let .repetition(inner, minCount, maxCount):
            if minCount == 0 { return maxCount == 0 ? .emptyWidth : .unknown }
            let i = info(inner)
            // Every match begins with minCount copies of inner: their product is required, and is
            // the exact set when the count is fixed. A match also holds one whole copy of inner.
            var leading: [[UInt8]]? = i.exact == nil ? nil : [[]]
            for _ in 0..<minCount where leading != nil { leading = product(leading, i.exact) }
            return RegexLiteralInfo(exact: maxCount == minCount ? leading : nil,
                                    required: best(nonEmpty(leading), i.required))
        }
    }

    /// A concatenation: its matches are m1 m2 … mk, so every run of consecutive items with exact
    /// sets contributes the product of those sets, and every item its own required set; the most
    /// selective of these candidates is kept.
    private static func concat(_ items: [RegexLiteralInfo]) -> RegexLiteralInfo {
        var exact: [[UInt8]]? = [[]]
        var required: [[UInt8]]? = nil
        var run: [[UInt8]] = [[]]
        for item in items {
            exact = product(exact, item.exact)
            required = best(required, item.required)
            guard let e = item.exact else {
                required = best(required, nonEmpty(run))
                run = [[]]
                continue
            }
            if let longer = product(run, e) {
                run = longer
            } else {
                required = best(required, nonEmpty(run))
                run = e
            }
        }
        required = best(required, nonEmpty(run))
        return RegexLiteralInfo(exact: exact, required: required)
    }

    /// Every concatenation a + b; nil if either is unknown or the result has too many strings.
    static func product(_ a: [[UInt8]]?, _ b: [[UInt8]]?) -> [[UInt8]]? {
        guard let a, let b, a.count * b.count <= PolicyLimits.maxRegexExactStrings else { return nil }
        var out: [[UInt8]] = []
        for x in a {
            for y in b where !out.contains(x + y) { out.append(x + y) }
        }
        return out
    }

    private static func union(_ a: [[UInt8]]?, _ b: [[UInt8]]?, limit: Int) -> [[UInt8]]? {
        guard var out = a, let b else { return nil }
        for s in b where !out.contains(s) { out.append(s) }
        return out.count <= limit ? out : nil
    }

    /// `set` if all its strings are non-empty (an empty string would be "found" in every text).
    private static func nonEmpty(_ set: [[UInt8]]?) -> [[UInt8]]? {
        guard let set, !set.isEmpty, !set.contains(where: { $0.isEmpty }) else { return nil }
        return set
    }

    /// The more selective of two required sets: longer shortest string, then fewer strings.
    private static func best(_ a: [[UInt8]]?, _ b: [[UInt8]]?) -> [[UInt8]]? {
        guard let a else { return b }
        guard let b else { return a }
        let shortestA = a.map { $0.count }.min() ?? 0, shortestB = b.map { $0.count }.min() ?? 0
        if shortestA != shortestB { return shortestA > shortestB ? a : b }
        return a.count <= b.count ? a : b
    }

    /// The members of a small, non-negated, ASCII-only class (lowercased, deduplicated), else nil.
    private static func asciiMembers(_ cls: ScalarClass) -> [[UInt8]]? {
        if cls.negated || cls.ranges.contains(where: { $0.upperBound >= 128 }) { return nil }
        var out: [[UInt8]] = []
        for c in UInt32(0)..<128 where cls.contains(c) {
            let s = [UInt8(lowercased(c))]
            if !out.contains(s) { out.append(s) }
            if out.count > PolicyLimits.maxRegexClassLiterals { return nil }
        }
        return out.isEmpty ? nil : out
    }

    private static func lowercased(_ c: UInt32) -> UInt32 { c >= 65 && c <= 90 ? c + 32 : c }
}

/// The compiled gate: one case-folding Aho–Corasick automaton over a pattern's required literals.
struct RegexLiteralGate: Sendable {
    let needles: [[UInt8]]
    private let automaton: AhoCorasick

    init?(_ tree: RegexNode) {
        guard let needles = RegexLiterals.needles(tree) else { return nil }
        self.needles = needles
        automaton = AhoCorasick(patterns: needles, foldingASCIICase: true)
    }

    /// False only if `text` contains none of the needles (then the pattern cannot match it).
    func mayMatch(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        automaton.scan(text) { _, _ in true }
    }
}
