// Tokenizer of the policy language (docs/policy.md): words, strings, numbers, punctuation and
// comparison operators, each with its 1-based line and column; `#` starts a comment.

/// A policy text that could not be parsed; line and column are 1-based, columns count scalars.
public struct PolicyParseError: Error, Equatable, Sendable {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "policy:\(line):\(column): \(message)" }
}

struct PolicyToken: Equatable {
    enum Kind: Equatable {
        case word(String)  // identifiers, keywords, paths: [A-Za-z_][A-Za-z0-9_.*-]*
        case string(String)  // "…"; only \" is an escape, other backslashes are kept verbatim
        case number(Double, text: String)
        case symbol(String)  // [ ] , == != < <= > >=
        case end
    }

    var kind: Kind
    var line: Int
    var column: Int

    var describe: String {
        switch kind {
        case let .word(w): return "'\(w)'"
        case let .string(s): return "string \"\(s)\""
        case let .number(_, text): return "number \(text)"
        case let .symbol(s): return "'\(s)'"
        case .end: return "end of policy"
        }
    }
}

struct PolicyLexer {
    static func tokenize(_ text: String) throws(PolicyParseError) -> [PolicyToken] {
        if text.utf8.count > PolicyLimits.maxPolicyBytes {
            throw PolicyParseError(line: 1, column: 1, message: "policy is larger than \(PolicyLimits.maxPolicyBytes) bytes")
        }
        let s = Array(text.unicodeScalars)
        var tokens: [PolicyToken] = []
        var i = 0
        var line = 1
        var column = 1
        func isWordStart(_ c: Unicode.Scalar) -> Bool {
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
        }
        func isWordChar(_ c: Unicode.Scalar) -> Bool {
            isWordStart(c) || (c >= "0" && c <= "9") || c == "." || c == "-" || c == "*"
        }
        func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
        while i < s.count {
            let c = s[i]
            let startLine = line
            let startColumn = column
            if c == "\n" {
                i += 1; line += 1; column = 1
                continue
            }
            if c == " " || c == "\t" || c == "\r" {
                i += 1; column += 1
                continue
            }
            if c == "#" {
                while i < s.count, s[i] != "\n" { i += 1; column += 1 }
                continue
            }
            if isWordStart(c) {
                var w = ""
                while i < s.count, isWordChar(s[i]) { w.unicodeScalars.append(s[i]); i += 1; column += 1 }
                tokens.append(PolicyToken(kind: .word(w), line: startLine, column: startColumn))
                continue
            }
            if isDigit(c) || (c == "-" && i + 1 < s.count && isDigit(s[i + 1])) {
                var t = ""
                if c == "-" { t = "-"; i += 1; column += 1 }
                while i < s.count, isDigit(s[i]) { t.unicodeScalars.append(s[i]); i += 1; column += 1 }
                if i < s.count, s[i] == ".", i + 1 < s.count, isDigit(s[i + 1]) {
                    t += "."
                    i += 1; column += 1
                    while i < s.count, isDigit(s[i]) { t.unicodeScalars.append(s[i]); i += 1; column += 1 }
                }
                if i < s.count, isWordStart(s[i]) {
                    throw PolicyParseError(line: line, column: column, message: "unexpected '\(s[i])' after number \(t)")
                }
                tokens.append(PolicyToken(kind: .number(parseDecimal(t), text: t), line: startLine, column: startColumn))
                continue
            }
            if c == "\"" {
                i += 1; column += 1
                var value = ""
                var closed = false
                while i < s.count {
                    let d = s[i]
                    if d == "\n" { break }
                    i += 1; column += 1
                    if d == "\"" { closed = true; break }
                    if d == "\\", i < s.count, s[i] == "\"" {
                        // The only escape: \" is a quote. Every other backslash is kept as written,
                        // so regexes read naturally ("\.", "\s", "\\" = two backslashes = one literal).
                        value += "\""
                        i += 1; column += 1
                        continue
                    }
                    value.unicodeScalars.append(d)
                }
                if !closed {
                    throw PolicyParseError(line: startLine, column: startColumn, message: "unterminated string")
                }
                tokens.append(PolicyToken(kind: .string(value), line: startLine, column: startColumn))
                continue
            }
            let two: String? = i + 1 < s.count ? String(Character(c)) + String(Character(s[i + 1])) : nil
            if let two, two == "==" || two == "!=" || two == "<=" || two == ">=" {
                tokens.append(PolicyToken(kind: .symbol(two), line: startLine, column: startColumn))
                i += 2; column += 2
                continue
            }
            if c == "[" || c == "]" || c == "," || c == "<" || c == ">" {
                tokens.append(PolicyToken(kind: .symbol(String(Character(c))), line: startLine, column: startColumn))
                i += 1; column += 1
                continue
            }
            throw PolicyParseError(line: line, column: column, message: "unexpected character '\(c)'")
        }
        tokens.append(PolicyToken(kind: .end, line: line, column: column))
        return tokens
    }

    /// Decimal text (`-?digits[.digits]`, validated by the lexer) to Double without Foundation.
    /// Exact for up to 15 significant digits: one correctly rounded division of two exact integers.
    static func parseDecimal(_ t: String) -> Double {
        var negative = false
        var mantissa: Double = 0
        var fractionDigits = 0
        var inFraction = false
        for u in t.unicodeScalars {
            if u == "-" { negative = true; continue }
            if u == "." { inFraction = true; continue }
            mantissa = mantissa * 10 + Double(u.value - 48)
            if inFraction { fractionDigits += 1 }
        }
        var scale: Double = 1
        for _ in 0..<fractionDigits { scale *= 10 }
        let v = mantissa / scale
        return negative ? -v : v
    }
}
