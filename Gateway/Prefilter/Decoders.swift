// The decodings layer 4 applies to reveal hidden text: percent/escape, HTML entities, base64 and
// hex segments, ROT13. Each appends to a caller-owned buffer; the percent and HTML decoders report
// whether they changed anything, the segment decoders whether the result is text worth scanning.

enum Decoders {
    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 48...57: return b - 48
        case 97...102: return b - 87
        case 65...70: return b - 55
        default: return nil
        }
    }

    /// `%XX`, `%uXXXX` and `\xNN` / `\uXXXX` escapes (URL encoding and the escapes shells and
    /// scripting languages accept). Returns true if at least one escape was decoded.
    @discardableResult
    static func percentDecode(_ s: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        var changed = false
        var i = 0
        let n = s.count
        while i < n {
            let b = s[i]
            if b == 37 || b == 92 {  // '%' or '\'
                if b == 37, i + 2 < n, let h = hexValue(s[i + 1]), let l = hexValue(s[i + 2]) {
                    out.append(h << 4 | l)
                    i += 3
                    changed = true
                    continue
                }
                if b == 92, i + 3 < n, s[i + 1] == 120, let h = hexValue(s[i + 2]), let l = hexValue(s[i + 3]) {
                    out.append(h << 4 | l)
                    i += 4
                    changed = true
                    continue
                }
                if i + 5 < n, (b == 37 && (s[i + 1] == 117 || s[i + 1] == 85)) || (b == 92 && s[i + 1] == 117),
                   let a = hexValue(s[i + 2]), let c = hexValue(s[i + 3]), let d = hexValue(s[i + 4]),
                   let e = hexValue(s[i + 5]) {
                    let scalar = UInt32(a) << 12 | UInt32(c) << 8 | UInt32(d) << 4 | UInt32(e)
                    appendUTF8(scalar >= 0xD800 && scalar <= 0xDFFF ? 63 : scalar, to: &out)
                    i += 6
                    changed = true
                    continue
                }
            }
            out.append(b)
            i += 1
        }
        return changed
    }

    /// HTML character references: decimal `&#NNN;`, hex `&#xHH;` and the named subset that spells
    /// paths, commands and markup. Returns true if at least one reference was decoded.
    @discardableResult
    static func htmlDecode(_ s: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        var changed = false
        var i = 0
        let n = s.count
        while i < n {
            guard s[i] == 38 else {  // '&'
                out.append(s[i])
                i += 1
                continue
            }
            // Find the ';' within a short window.
            var j = i + 1
            while j < n, j - i <= 10, s[j] != 59 { j += 1 }
            if j < n, s[j] == 59, let scalar = entityValue(s[(i + 1)..<j]) {
                appendUTF8(scalar, to: &out)
                i = j + 1
                changed = true
            } else {
                out.append(38)
                i += 1
            }
        }
        return changed
    }

    private static func entityValue(_ body: Slice<UnsafeBufferPointer<UInt8>>) -> UInt32? {
        guard let first = body.first else { return nil }
        if first == 35 {  // '#'
            var k = body.startIndex + 1
            var radix: UInt32 = 10
            if k < body.endIndex, body[k] == 120 || body[k] == 88 { radix = 16; k += 1 }
            if k == body.endIndex { return nil }
            var v: UInt32 = 0
            while k < body.endIndex {
                guard let d = hexValue(body[k]), UInt32(d) < radix else { return nil }
                v = v * radix + UInt32(d)
                if v > 0x10FFFF { return nil }
                k += 1
            }
            return (v >= 0xD800 && v <= 0xDFFF) || v == 0 ? 63 : v
        }
        var name: UInt64 = 0  // up to 8 ASCII bytes packed, compared against the table below
        if body.count > 8 { return nil }
        for b in body { name = name << 8 | UInt64(b) }
        for (key, value) in namedEntities where key == name { return value }
        return nil
    }

    private static func pack(_ s: StaticString) -> UInt64 {
        var v: UInt64 = 0
        let p = s.utf8Start
        for k in 0..<s.utf8CodeUnitCount { v = v << 8 | UInt64(p[k]) }
        return v
    }

    private static let namedEntities: [(UInt64, UInt32)] = [
        (pack("lt"), 60), (pack("gt"), 62), (pack("amp"), 38), (pack("quot"), 34), (pack("apos"), 39),
        (pack("nbsp"), 32), (pack("sol"), 47), (pack("bsol"), 92), (pack("period"), 46), (pack("colon"), 58),
        (pack("semi"), 59), (pack("comma"), 44), (pack("equals"), 61), (pack("excl"), 33), (pack("num"), 35),
        (pack("dollar"), 36), (pack("percnt"), 37), (pack("plus"), 43), (pack("hyphen"), 45), (pack("dash"), 45),
        (pack("commat"), 64), (pack("grave"), 96), (pack("verbar"), 124), (pack("vert"), 124),
        (pack("lpar"), 40), (pack("rpar"), 41), (pack("lowbar"), 95), (pack("tilde"), 126),
        (pack("ast"), 42), (pack("quest"), 63), (pack("lsqb"), 91), (pack("rsqb"), 93),
        (pack("lcub"), 123), (pack("rcub"), 125), (pack("Tab"), 9), (pack("NewLine"), 10),
    ]

    /// Printable ASCII, tab, LF or CR: a decoded segment is scanned only if at least
    /// `PrefilterLimits.minPrintablePercent` of its bytes are (binary noise is not text to match).
    @inline(__always)
    static func isPrintable(_ b: UInt8) -> Bool { (b >= 32 && b < 127) || b == 9 || b == 10 || b == 13 }

    /// Counts the bytes a decoder appends and stops it early once the segment cannot be mostly printable:
    /// with at most `maxLength` bytes to come, more than `maxLength × (100 − minPrintablePercent)
    /// / 100` unprintable ones can never pass, whatever the rest is.
    struct PrintableBudget {
        let maxLength: Int
        var unprintable = 0

        init(maxLength: Int) { self.maxLength = maxLength }

        /// False once the output can no longer be mostly printable.
        @inline(__always)
        mutating func admit(_ b: UInt8) -> Bool {
            if !Decoders.isPrintable(b) { unprintable += 1 }
            return unprintable * 100 <= maxLength * (100 - PrefilterLimits.minPrintablePercent)
        }

        /// The exact verdict on `length` bytes decoded in full (false when empty).
        func passes(length: Int) -> Bool {
            length > 0 && (length - unprintable) * 100 >= length * PrefilterLimits.minPrintablePercent
        }
    }

    /// Decodes one base64 run (standard or URL-safe alphabet; '=' bytes skipped, trailing padding
    /// already excluded) into `out` if the result is mostly printable, stopping as soon as it cannot
    /// be: true (with the whole decoding appended) only when it is.
    static func base64DecodePrintable<Run: Collection<UInt8>>(_ run: Run, into out: inout [UInt8]) -> Bool {
        let start = out.count
        var budget = PrintableBudget(maxLength: run.count * 6 / 8)
        var acc: UInt32 = 0
        var bits = 0
        for b in run {
            guard let v = base64Value(b) else { continue }
            acc = acc << 6 | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                let byte = UInt8(truncatingIfNeeded: acc >> UInt32(bits))
                guard budget.admit(byte) else { return false }
                out.append(byte)
            }
        }
        return budget.passes(length: out.count - start)
    }

    /// Decodes a run of hex digits (even length) into `out` if the result is mostly printable,
    /// stopping as soon as it cannot be.
    static func hexDecodePrintable<Run: RandomAccessCollection<UInt8>>(_ run: Run, into out: inout [UInt8]) -> Bool
        where Run.Index == Int {
        let start = out.count
        var budget = PrintableBudget(maxLength: run.count / 2)
        var k = run.startIndex
        while k + 1 < run.endIndex {
            if let h = hexValue(run[k]), let l = hexValue(run[k + 1]) {
                let byte = h << 4 | l
                guard budget.admit(byte) else { return false }
                out.append(byte)
            }
            k += 2
        }
        return budget.passes(length: out.count - start)
    }

    static func base64Value(_ b: UInt8) -> UInt8? {
        switch b {
        case 65...90: return b - 65
        case 97...122: return b - 71
        case 48...57: return b + 4
        case 43, 45: return 62  // '+' (standard) or '-' (URL-safe)
        case 47, 95: return 63  // '/' (standard) or '_' (URL-safe)
        default: return nil
        }
    }

    /// ROT13 of ASCII letters (folded text is lowercase, but both cases are handled).
    static func rot13(_ s: [UInt8], into out: inout [UInt8]) {
        for b in s {
            switch b {
            case 97...122: out.append((b - 97 + 13) % 26 + 97)
            case 65...90: out.append((b - 65 + 13) % 26 + 65)
            default: out.append(b)
            }
        }
    }
}
