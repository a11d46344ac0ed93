// Translates a glob (`*` = run without '/', `**` = any run, `?` = one scalar but '/',
// `{a,b}` = either alternative, not nested) into an anchored pattern for the linear-time Regex engine, so globs never backtrack.

enum GlobTranslator {
    static func regexSource(_ glob: String, caseInsensitive: Bool) -> String {
        var out = caseInsensitive ? "(?i)^" : "^"
        let s = Array(glob.unicodeScalars)
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "*" {
                if i + 1 < s.count, s[i + 1] == "*" {
                    out += "(?:.|\\n)*"
                    i += 2
                    continue
                }
                out += "[^/]*"
            } else if c == "{" {
                out += "(?:"
            } else if c == "}" {
                out += ")"
            } else if c == ",", openBraces(s, before: i) {
                out += "|"
            } else if c == "?" {
                out += "[^/]"
            } else {
                if "\\^$.|?*+()[]{}".unicodeScalars.contains(c) { out += "\\" }
                out.unicodeScalars.append(c)
            }
            i += 1
        }
        return out + "$"
    }

    /// True if an unclosed '{' precedes position `i` (a ',' there separates alternatives).
    private static func openBraces(_ s: [Unicode.Scalar], before i: Int) -> Bool {
        var depth = 0
        for k in 0..<i {
            if s[k] == "{" { depth += 1 } else if s[k] == "}" { depth -= 1 }
        }
        return depth > 0
    }
}
