// How each matcher judges one JSON value (strings, numbers, booleans; containers never match).

extension PolicyMatcher {
    func matches(_ value: JSONValue) -> Bool {
        if case let .string(s) = value { return matches(string: s) }
        switch self {
        case let .equals(expected): return PolicyMatcher.equal(value, expected)
        case let .notEquals(expected): return !PolicyMatcher.equal(value, expected)
        case let .inList(list): return list.contains(value)
        case .exists: return true
        case let .compare(op, bound):
            guard let v = value.doubleValue else { return false }
            switch op {
            case .less: return v < bound
            case .lessOrEqual: return v <= bound
            case .greater: return v > bound
            case .greaterOrEqual: return v >= bound
            }
        case .tierCompare: return false  // only meaningful for the tier subject (handled by the layer)
        default:
            if case .cidr = self, case .number = value { return false }  // a port is not an address
            guard let text = PolicyMatcher.text(of: value) else { return false }
            return matchesText(text)
        }
    }

    /// `matches(.string(s))`, for the call's own strings (tool, agent, purpose, intent), which would
    /// otherwise be boxed into a `JSONValue` on every condition.
    func matches(string s: String) -> Bool {
        switch self {
        case let .equals(expected):
            if case let .string(b) = expected { return PolicyMatcher.sameBytes(s, b) }
            return false
        case let .notEquals(expected):
            if case let .string(b) = expected { return !PolicyMatcher.sameBytes(s, b) }
            return true
        case let .inList(list): return list.contains(string: s)
        case .exists: return true
        case .compare, .tierCompare: return false
        default: return matchesText(s)
        }
    }

    private func matchesText(_ text: String) -> Bool {
        switch self {
        case let .glob(_, re): return re.matches(text)
        case let .prefix(p): return UTF8Bytes.hasPrefix(text, p)
        case let .suffix(p): return UTF8Bytes.hasSuffix(text, p)
        case let .contains(p): return UTF8Bytes.contains(text, p)
        case let .regex(re): return re.matches(text)
        case let .cidr(block):
            guard let address = PolicyMatcher.ipLiteral(in: text) else { return false }
            return block.contains(address)
        case let .host(_, re):
            return re.matches(PolicyMatcher.host(in: text))
        case let .under(dir):
            guard let path = PathNormalizer.normalize(text), let base = PathNormalizer.normalize(dir) else {
                return false
            }
            if base == "/" { return true }
            return UTF8Bytes.equal(path, base) || UTF8Bytes.hasPrefix(path, base, then: 47)  // "/"
        default:
            return false
        }
    }

    /// Strings as written; numbers by their source text; booleans as `true`/`false`.
    static func text(of value: JSONValue) -> String? {
        switch value {
        case let .string(s): return s
        case let .number(text, _): return text
        case let .bool(b): return b ? "true" : "false"
        default: return nil
        }
    }

    static func equal(_ value: JSONValue, _ expected: PolicyValue) -> Bool {
        switch (value, expected) {
        case let (.string(a), .string(b)): return sameBytes(a, b)
        case let (.number(_, a), .number(b)): return a == b
        case let (.bool(a), .bool(b)): return a == b
        default: return false
        }
    }

    /// String comparison in the policy is over UTF-8 bytes, like globs, regexes and the tools that
    /// act on the value: `String ==` is Unicode canonical equivalence ("\u{212A}" KELVIN SIGN == "K"),
    /// which would let two different byte strings — two different files, two different tools —
    /// count as the same value. Unicode look-alikes are layer 4's business (TextFolder).
    static func sameBytes(_ a: String, _ b: String) -> Bool { UTF8Bytes.equal(a, b) }

    /// The host of a URL (`scheme://user@host:port/…`), or the value itself minus a `:port`.
    static func host(in text: String) -> String {
        var text = text
        return text.withUTF8 { b in String(decoding: b[hostRange(b)], as: UTF8.self) }
    }

    /// Where `host(in:)` lies in the UTF-8 bytes (computed in place: no copies on the hot path).
    static func hostRange(_ b: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        hostRange(b, Colons(b))
    }

    /// The value's first ':' and first "://" (its ':'), from one scan: a bare value without any
    /// colon (most bodies and names) needs no further search for one.
    struct Colons {
        var first: Int?
        var schemeSeparator: Int?

        init(_ b: UnsafeBufferPointer<UInt8>) {
            first = ByteSearch.firstIndex(of: 58, in: b, from: 0, to: b.count)
            var colon = first
            while let c = colon {
                if c + 2 < b.count, b[c + 1] == 47, b[c + 2] == 47 { schemeSeparator = c; break }
                colon = ByteSearch.firstIndex(of: 58, in: b, from: c + 1, to: b.count)
            }
        }
    }

    /// `hostRange` with the value's colons already found.
    static func hostRange(_ b: UnsafeBufferPointer<UInt8>, _ colons: Colons) -> Range<Int> {
        var lo = 0
        var hi = b.count
        if let schemeEnd = colons.schemeSeparator {
            lo = schemeEnd + 3
            if let stop = b[lo..<hi].firstIndex(where: { $0 == 47 || $0 == 63 || $0 == 35 || $0 == 92 }) {
                hi = stop
            }
            if let at = b[lo..<hi].lastIndex(of: 64) { lo = at + 1 }
        }
        if lo < hi, b[lo] == 91, let close = b[lo..<hi].firstIndex(of: 93) {  // [v6]:port
            return (lo + 1)..<close
        }
        if colons.first == nil {
            // No ':' anywhere: no port to strip, only a final '.'.
            if hi > lo, b[hi - 1] == 46 { hi -= 1 }
            return lo..<hi
        }
        // Exactly one ':' is a port separator (two or more: an IPv6 literal, kept whole).
        if let colon = ByteSearch.firstIndex(of: 58, in: b, from: lo, to: hi),
           ByteSearch.firstIndex(of: 58, in: b, from: colon + 1, to: hi) == nil {
            hi = colon
        }
        if hi > lo, b[hi - 1] == 46 { hi -= 1 }
        return lo..<hi
    }

    /// An IP literal in the value's host position. Inside a URL, inet_aton forms count too
    /// (`http://0x7f000001/` reaches 127.0.0.1); a bare value must be a dotted quad or IPv6 literal
    /// (optionally with a port), so numbers and ports are never read as addresses.
    static func ipLiteral(in text: String) -> IPAddress? {
        var text = text
        return text.withUTF8 { b in
            let colons = Colons(b)
            let r = hostRange(b, colons)
            let h = b[r]
            let colonInHost = colons.first != nil
                && ByteSearch.firstIndex(of: 58, in: b, from: r.lowerBound, to: r.upperBound) != nil
            if colonInHost { return IPAddress.parseV6(h) }
            return colons.schemeSeparator != nil ? IPAddress.parseLenientV4(h) : IPAddress.parseDottedQuad(h)
        }
    }
}

/// Lexical path normalization for `under`: collapses `//` and `.`, resolves `..` (clamped at `/`,
/// as POSIX resolves `/..`); a relative path yields nil (and so matches nothing).
enum PathNormalizer {
    static func normalize(_ path: String) -> String? {
        isCanonicalASCII(path) ? path : normalizeBySegments(path)
    }

    /// The general normalization (split on '/', resolve "." and "..").
    static func normalizeBySegments(_ path: String) -> String? {
        guard path.hasPrefix("/") else { return nil }
        var parts: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(segment)
        }
        var out = ""
        for p in parts { out += "/" + p }
        return out.isEmpty ? "/" : out
    }

    /// True if `path` is ASCII and already normal: starts with '/', has no empty, "." or ".."
    /// segment and no trailing '/' (or is "/"), so `normalize` would return it unchanged.
    /// (Non-ASCII is left to the general code, whose splitting works on characters.)
    static func isCanonicalASCII(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { b in
            guard b.count > 0, b[0] == 47 else { return false }
            if b.count == 1 { return true }
            if b[b.count - 1] == 47 { return false }
            var segmentStart = 1
            for k in 1...b.count {
                if k < b.count {
                    if b[k] >= 0x80 { return false }
                    if b[k] != 47 { continue }
                }
                let length = k - segmentStart
                if length == 0 { return false }  // "//"
                if length <= 2, b[segmentStart] == 46, length == 1 || b[segmentStart + 1] == 46 { return false }
                segmentStart = k + 1
            }
            return true
        }
    }
}
