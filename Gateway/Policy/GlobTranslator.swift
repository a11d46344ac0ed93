// Translates a glob (`*` = run without '/', `**` = any run, `?` = one scalar but '/') into an
// anchored pattern for the linear-time Regex engine, so globs never backtrack.

enum GlobTranslator {
    static func regexSource(_ glob: String, caseInsensitive: Bool) -> String {
        var out = caseInsensitive ? "(?i)^" : "^"
        let s = Array(glob.unicodeScalars)
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "*" {
                if i + 1 < s.count, s[i + 1] == "*" {
                    out += "[\\s\\S]*"
                    i += 2
                    continue
                }
                out += "[^/]*"
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
}
