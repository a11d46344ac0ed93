// Parses the regex subset (ECMAScript-like syntax) into a small syntax tree for RegexCompiler.
//
// Supported: literals, `.`, classes `[a-z]` `[^...]`, escapes `\d \w \s \D \W \S \n \t \r`
// and escaped metacharacters, anchors `^ $`, groups `( )` and `(?: )`, alternation `|`,
// quantifiers `* + ?` `{m}` `{m,}` `{m,n}` (lazy `?` suffix accepted, same language), and a
// leading `(?i)` for ASCII case-insensitive matching. No backreferences or lookaround: those
// are what make backtracking engines exponential.

/// A regex that failed to parse or exceeded a limit; `offset` counts Unicode scalars from 0.
public struct RegexError: Error, Equatable, Sendable {
    public var offset: Int
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "regex error at offset \(offset): \(message)" }
}

/// A set of Unicode scalar ranges (inclusive), possibly negated.
struct ScalarClass: Sendable, Equatable {
    var ranges: [ClosedRange<UInt32>]
    var negated: Bool

    func contains(_ c: UInt32) -> Bool {
        var inside = false
        for r in ranges where r.contains(c) {
            inside = true
            break
        }
        return inside != negated
    }

    static let digit = ScalarClass(ranges: [48...57], negated: false)
    static let word = ScalarClass(ranges: [48...57, 65...90, 95...95, 97...122], negated: false)
    static let space = ScalarClass(ranges: [9...13, 32...32], negated: false)
}

indirect enum RegexNode: Sendable {
    case empty
    case scalar(UInt32)
    case set(ScalarClass)
    case any
    case lineStart
    case lineEnd
    case concat([RegexNode])
    case alternate([RegexNode])
    /// `max == nil` means unbounded.
    case repetition(RegexNode, min: Int, max: Int?)
}

struct RegexParser {
    private let s: [UInt32]
    private var i = 0
    private var depth = 0
    private(set) var caseInsensitive = false

    init(_ pattern: String) throws(RegexError) {
        var scalars: [UInt32] = []
        for u in pattern.unicodeScalars {
            scalars.append(u.value)
            if scalars.count > PolicyLimits.maxRegexPatternScalars {
                throw RegexError(offset: scalars.count - 1,
                                 message: "pattern longer than \(PolicyLimits.maxRegexPatternScalars) scalars")
            }
        }
        s = scalars
    }

    mutating func parse() throws(RegexError) -> RegexNode {
        if s.count >= 4, s[0] == 40, s[1] == 63, s[2] == 105, s[3] == 41 {  // "(?i)"
            caseInsensitive = true
            i = 4
        }
        let node = try parseAlternation()
        if i < s.count {
            // Only an unbalanced ')' can stop the top-level alternation early.
            throw RegexError(offset: i, message: "unmatched ')'")
        }
        return node
    }

    private func peek() -> UInt32? { i < s.count ? s[i] : nil }

    private mutating func parseAlternation() throws(RegexError) -> RegexNode {
        var branches = [try parseConcat()]
        while peek() == 124 {  // '|'
            i += 1
            branches.append(try parseConcat())
        }
        return branches.count == 1 ? branches[0] : .alternate(branches)
    }

    private mutating func parseConcat() throws(RegexError) -> RegexNode {
        var items: [RegexNode] = []
        while let c = peek(), c != 124, c != 41 {  // '|' ')'
            let atom = try parseAtom()
            items.append(try parseQuantifiers(atom))
        }
        if items.isEmpty { return .empty }
        return items.count == 1 ? items[0] : .concat(items)
    }

    private mutating func parseQuantifiers(_ atom: RegexNode) throws(RegexError) -> RegexNode {
        var node = atom
        while let c = peek() {
            let start = i
            var minCount = 0
            var maxCount: Int? = nil
            switch c {
            case 42: i += 1  // '*'
            case 43: i += 1; minCount = 1  // '+'
            case 63: i += 1; maxCount = 1  // '?'
            case 123:  // '{'
                guard let bounds = try parseBraces() else { return node }
                minCount = bounds.0
                maxCount = bounds.1
            default:
                return node
            }
            if case .lineStart = node { throw RegexError(offset: start, message: "quantifier after '^'") }
            if case .lineEnd = node { throw RegexError(offset: start, message: "quantifier after '$'") }
            if case .repetition = node, c != 63 || peek() == 63 {
                throw RegexError(offset: start, message: "nested quantifier")
            }
            if peek() == 63 { i += 1 }  // lazy marker: same language for a matcher that only answers yes/no
            node = .repetition(node, min: minCount, max: maxCount)
        }
        return node
    }

    /// Parses `{m}`, `{m,}` or `{m,n}` at `i`; returns nil (consuming nothing) if the brace is literal.
    private mutating func parseBraces() throws(RegexError) -> (Int, Int?)? {
        let start = i
        var j = i + 1
        func number(_ j: inout Int) -> Int? {
            var value = 0
            var digits = 0
            while j < s.count, s[j] >= 48, s[j] <= 57, digits < 6 {
                value = value * 10 + Int(s[j] - 48)
                digits += 1
                j += 1
            }
            return digits == 0 ? nil : value
        }
        guard let lo = number(&j) else { return nil }
        var hi: Int? = lo
        if j < s.count, s[j] == 44 {  // ','
            j += 1
            hi = number(&j)
        }
        guard j < s.count, s[j] == 125 else { return nil }  // '}'
        i = j + 1
        let limit = PolicyLimits.maxRegexRepeat
        if lo > limit || (hi ?? 0) > limit {
            throw RegexError(offset: start, message: "repeat bound above \(limit)")
        }
        if let h = hi, h < lo { throw RegexError(offset: start, message: "repeat bounds out of order") }
        return (lo, hi)
    }

    private mutating func parseAtom() throws(RegexError) -> RegexNode {
        let start = i
        let c = s[i]
        i += 1
        switch c {
        case 46: return .any  // '.'
        case 94: return .lineStart  // '^'
        case 36: return .lineEnd  // '$'
        case 40:  // '('
            if i + 1 < s.count, s[i] == 63 {  // '?'
                guard s[i + 1] == 58 else {  // ':'
                    throw RegexError(offset: start, message: "unsupported group syntax '(?' (only '(?:' and a leading '(?i)')")
                }
                i += 2
            }
            depth += 1
            if depth > PolicyLimits.maxRegexNesting {
                throw RegexError(offset: start, message: "groups nested deeper than \(PolicyLimits.maxRegexNesting)")
            }
            let inner = try parseAlternation()
            depth -= 1
            guard peek() == 41 else { throw RegexError(offset: start, message: "unclosed '('") }
            i += 1
            return .concat([inner])  // a group is an atom: `(a*)*` repeats the group, not `a*`
        case 91: return .set(try parseClass(start: start))  // '['
        case 92: return try parseEscape(start: start, inClass: false).node  // '\'
        case 42, 43, 63: throw RegexError(offset: start, message: "quantifier with nothing to repeat")
        default: return .scalar(c)
        }
    }

    /// An escape after `\`: either one scalar or a shorthand class.
    private mutating func parseEscape(start: Int, inClass: Bool) throws(RegexError) -> (node: RegexNode, scalar: UInt32?) {
        guard let c = peek() else { throw RegexError(offset: start, message: "trailing '\\'") }
        i += 1
        switch c {
        case 100: return (.set(.digit), nil)  // d
        case 68: return (.set(ScalarClass(ranges: ScalarClass.digit.ranges, negated: true)), nil)
        case 119: return (.set(.word), nil)  // w
        case 87: return (.set(ScalarClass(ranges: ScalarClass.word.ranges, negated: true)), nil)
        case 115: return (.set(.space), nil)  // s
        case 83: return (.set(ScalarClass(ranges: ScalarClass.space.ranges, negated: true)), nil)
        case 110: return (.scalar(10), 10)  // n
        case 116: return (.scalar(9), 9)  // t
        case 114: return (.scalar(13), 13)  // r
        case 48: return (.scalar(0), 0)
        case 120:  // \xHH
            guard i + 1 < s.count, let h = hexDigit(s[i]), let l = hexDigit(s[i + 1]) else {
                throw RegexError(offset: start, message: "\\x needs two hex digits")
            }
            i += 2
            return (.scalar(h << 4 | l), h << 4 | l)
        default:
            let isAlnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
            if isAlnum {
                throw RegexError(offset: start, message: "unsupported escape '\\\(Unicode.Scalar(c).map { String(Character($0)) } ?? "?")'")
            }
            return (.scalar(c), c)
        }
    }

    private func hexDigit(_ c: UInt32) -> UInt32? {
        switch c {
        case 48...57: return c - 48
        case 97...102: return c - 87
        case 65...70: return c - 55
        default: return nil
        }
    }

    private mutating func parseClass(start: Int) throws(RegexError) -> ScalarClass {
        var cls = ScalarClass(ranges: [], negated: false)
        if peek() == 94 {  // '^'
            cls.negated = true
            i += 1
        }
        var first = true
        while true {
            guard let c = peek() else { throw RegexError(offset: start, message: "unclosed '['") }
            if c == 93 && !first { i += 1; break }  // ']' (a leading ']' is literal)
            first = false
            let itemStart = i
            i += 1
            let lo: UInt32
            if c == 92 {
                let esc = try parseEscape(start: itemStart, inClass: true)
                guard let scalar = esc.scalar else {
                    if case let .set(inner) = esc.node {
                        if inner.negated {
                            throw RegexError(offset: itemStart, message: "negated shorthand inside a class")
                        }
                        cls.ranges.append(contentsOf: inner.ranges)
                    }
                    continue
                }
                lo = scalar
            } else {
                lo = c
            }
            // A range `a-z` unless the '-' is last before ']'.
            if peek() == 45, i + 1 < s.count, s[i + 1] != 93 {
                i += 1
                var hi = s[i]
                i += 1
                if hi == 92 {
                    guard let scalar = try parseEscape(start: i - 1, inClass: true).scalar else {
                        throw RegexError(offset: itemStart, message: "class shorthand as a range bound")
                    }
                    hi = scalar
                }
                if hi < lo { throw RegexError(offset: itemStart, message: "class range out of order") }
                cls.ranges.append(lo...hi)
            } else {
                cls.ranges.append(lo...lo)
            }
        }
        return cls
    }
}
