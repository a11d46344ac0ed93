// Finds hosts in folded text — URL authorities after "://" and whole values that are a bare
// host[:port] — and flags private, loopback, link-local and metadata destinations (SSRF), plus
// long base64 blobs carried in URLs (an exfiltration shape). Parses hosts; does not substring-match.

enum AddressScanner {
    struct Hit {
        var category: ThreatCategory
        var id: String
        var detail: String
    }

    static func scan(_ text: [UInt8]) -> Hit? {
        if let hit = scanWholeValue(text) { return hit }
        var i = 0
        let n = text.count
        while i + 3 <= n {
            i = nextColon(text, from: i)
            guard i + 3 <= n else { break }
            if text[i] == 58, i + 2 < n, text[i + 1] == 47, text[i + 2] == 47 {  // "://"
                if let hit = scanURL(text, authorityStart: i + 3) { return hit }
                i += 3
            } else {
                i += 1
            }
        }
        return nil
    }

    /// The index of the first ':' at or after `from` (or `text.count`), eight bytes per step.
    static func nextColon(_ text: [UInt8], from: Int) -> Int {
        text.withUnsafeBytes { raw in
            let n = raw.count
            var i = from
            let ones: UInt64 = 0x0101_0101_0101_0101
            while i + 8 <= n {
                let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ (ones &* 58)
                if (x &- ones) & ~x & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            while i < n, raw[i] != 58 { i += 1 }
            return i
        }
    }

    private static func isURLTerminator(_ b: UInt8) -> Bool {
        b == 32 || b == 34 || b == 39 || b == 60 || b == 62 || b == 96 || b == 41
    }

    private static func scanURL(_ text: [UInt8], authorityStart: Int) -> Hit? {
        let n = text.count
        var end = authorityStart
        while end < n, !isURLTerminator(text[end]), text[end] != 47, text[end] != 63, text[end] != 35,
              text[end] != 92 {
            end += 1
        }
        var hostStart = authorityStart
        for k in authorityStart..<end where text[k] == 64 { hostStart = k + 1 }  // userinfo '@'
        if let hit = classifyAuthority(text[hostStart..<end], lenient: true) { return hit }
        // The rest of the URL: a long base64-looking run is data being smuggled out.
        var urlEnd = end
        while urlEnd < n, !isURLTerminator(text[urlEnd]) { urlEnd += 1 }
        if let run = longestBase64Run(text[end..<urlEnd]), run >= PrefilterLimits.minBase64RunInURL {
            return Hit(category: .exfiltration, id: "EX-URL-B64",
                       detail: "URL carries a \(run)-character base64 blob")
        }
        return nil
    }

    /// Longest run that looks like encoded data: base64 alphabet (lowercased by folding), at least
    /// 3 digits and under 10% '-'/'_' (so hyphenated slugs and words do not count).
    private static func longestBase64Run(_ s: ArraySlice<UInt8>) -> Int? {
        var best = 0
        var length = 0
        var digits = 0
        var dashes = 0
        func close() {
            if length > best, digits >= 3, dashes * 10 < length { best = length }
            length = 0; digits = 0; dashes = 0
        }
        for b in s {
            switch b {
            case 97...122, 43, 61: length += 1
            case 48...57: length += 1; digits += 1
            case 45, 95: length += 1; dashes += 1
            default: close()
            }
        }
        close()
        return best > 0 ? best : nil
    }

    /// A whole argument value that is just a host, host:port or IP literal.
    private static func scanWholeValue(_ text: [UInt8]) -> Hit? {
        var lo = 0
        var hi = text.count
        while lo < hi, text[lo] == 32 { lo += 1 }
        while hi > lo, text[hi - 1] == 32 { hi -= 1 }
        if hi - lo == 0 || hi - lo > 253 { return nil }
        // One pass: a space or '/' rules the value out; without '.', ':' or '[' there is no port,
        // bracket or IP literal to parse, and `classifyAuthority` would go straight to the names.
        var structural = false
        for k in lo..<hi {
            let b = text[k]
            if b == 32 || b == 47 { return nil }
            if b == 46 || b == 58 || b == 91 { structural = true }
        }
        let value = text[lo..<hi]
        return structural ? classifyAuthority(value, lenient: false) : hostNameHit(value, inURL: false)
    }

    /// host, host:port, [v6], [v6]:port or a bare IPv6 literal. `lenient` accepts inet_aton IPv4
    /// forms (URL hosts are parsed that way by common clients); whole values need a dotted quad.
    private static func classifyAuthority(_ authority: ArraySlice<UInt8>, lenient: Bool) -> Hit? {
        if authority.isEmpty { return nil }
        var host = authority
        if host.first == 91 {  // '['
            guard let close = host.firstIndex(of: 93) else { return nil }
            host = host[(host.startIndex + 1)..<close]
            if let zone = host.firstIndex(of: 37) { host = host[..<zone] }  // "%25eth0" zone id
            guard let v6 = IPAddress.parseV6(host) else { return nil }
            return addressHit(v6)
        }
        let colons = host.reduce(0) { $0 + ($1 == 58 ? 1 : 0) }
        if colons >= 2 {
            guard let v6 = IPAddress.parseV6(host) else { return nil }
            return addressHit(v6)
        }
        if colons == 1, let colon = host.firstIndex(of: 58) {
            let port = host[(colon + 1)...]
            guard port.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            host = host[..<colon]
        }
        if host.last == 46 { host = host.dropLast() }  // "localhost."
        if host.isEmpty { return nil }
        if let v4 = lenient ? IPAddress.parseLenientV4(host) : IPAddress.parseDottedQuad(host) {
            return addressHit(v4)
        }
        return hostNameHit(host, inURL: lenient)
    }

    private static func addressHit(_ a: IPAddress) -> Hit? {
        guard let reason = a.nonPublicReason else { return nil }
        return Hit(category: .privateAddress, id: "AD-IP", detail: reason)
    }

    private static func hasSuffix(_ s: ArraySlice<UInt8>, _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        if s.count < n { return false }
        let p = suffix.utf8Start
        var k = 0
        for b in s[(s.endIndex - n)...] {
            if b != p[k] { return false }
            k += 1
        }
        return true
    }

    private static func equals(_ s: ArraySlice<UInt8>, _ word: StaticString) -> Bool {
        s.count == word.utf8CodeUnitCount && hasSuffix(s, word)
    }

    /// Suffix rules (`*.internal`, `*.local`) only for URL hosts: a whole value `settings.local` is a file.
    private static func hostNameHit(_ host: ArraySlice<UInt8>, inURL: Bool) -> Hit? {
        if equals(host, "localhost") || hasSuffix(host, ".localhost") {
            return Hit(category: .privateAddress, id: "AD-NAME", detail: "loopback host name localhost")
        }
        if equals(host, "metadata") || equals(host, "instance-data") || equals(host, "metadata.goog") {
            return Hit(category: .privateAddress, id: "AD-NAME", detail: "cloud metadata host name")
        }
        if inURL, hasSuffix(host, ".internal") || hasSuffix(host, ".cluster.local") || hasSuffix(host, ".local") {
            return Hit(category: .privateAddress, id: "AD-NAME", detail: "internal-only host name")
        }
        return nil
    }
}
