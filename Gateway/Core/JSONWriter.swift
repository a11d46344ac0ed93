// JSON serialization: compact source-order output and the canonical form (RFC 8785 style:
// keys sorted by UTF-16 code units, no insignificant whitespace, minimal string escapes)
// used for audit hashes and the ProbeLogits prompt. Writers append into a caller's buffer.

public enum JSONWriter {
    /// Canonical bytes of `value` appended to `out` (clear it with `removeAll(keepingCapacity:)`
    /// to reuse its storage across calls).
    public static func canonical(_ value: JSONValue, into out: inout [UInt8]) {
        write(value, sorted: true, into: &out)
    }

    /// Compact serialization keeping object members in source order.
    public static func compact(_ value: JSONValue, into out: inout [UInt8]) {
        write(value, sorted: false, into: &out)
    }

    public static func canonicalString(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        canonical(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public static func compactString(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        compact(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func write(_ value: JSONValue, sorted: Bool, into out: inout [UInt8]) {
        switch value {
        case .null: appendASCII("null", to: &out)
        case .bool(let b): appendASCII(b ? "true" : "false", to: &out)
        case .number(let text, let v): writeNumber(text: text, value: v, into: &out)
        case .string(let s): writeString(s, into: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (i, e) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                write(e, sorted: sorted, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            if sorted {
                // Selection by increasing key without allocating: members are few and keys unique.
                var previous: Int? = nil
                for i in 0..<members.count {
                    var best: Int? = nil
                    for j in 0..<members.count {
                        if let p = previous, !utf16Less(members[p].key, members[j].key) { continue }
                        if let b = best, !utf16Less(members[j].key, members[b].key) { continue }
                        best = j
                    }
                    guard let b = best else { break }
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    writeString(members[b].key, into: &out)
                    out.append(UInt8(ascii: ":"))
                    write(members[b].value, sorted: true, into: &out)
                    previous = b
                }
            } else {
                for (i, m) in members.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    writeString(m.key, into: &out)
                    out.append(UInt8(ascii: ":"))
                    write(m.value, sorted: false, into: &out)
                }
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Integers (and integral values below 2^53) are written as plain integers, `-0` as `0`;
    /// other numbers keep their validated source text with a lowercase exponent marker.
    static func writeNumber(text: String, value: Double, into out: inout [UInt8]) {
        // No libm in the kernel: test integrality through Int64 instead of `rounded()`.
        if value.magnitude < 9_007_199_254_740_992, Double(Int64(value)) == value {
            appendInteger(Int64(value), to: &out)
            return
        }
        for b in text.utf8 { out.append(b == UInt8(ascii: "E") ? UInt8(ascii: "e") : b) }
    }

    /// RFC 8785 §3.2.2.2: escape only `"`, `\` and C0 controls; short forms where they exist.
    /// Runs of bytes that need no escape are copied in bulk (one append per run).
    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            var i = 0
            let n = bytes.count
            let raw = UnsafeRawPointer(bytes.baseAddress)
            while i < n {
                // Eight bytes at a time while none needs an escape (the "has zero byte" bit trick
                // on w ^ '"', w ^ '\\' and the bytes below 0x20).
                if i &+ 8 <= n, let raw {
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let ones: UInt64 = 0x0101_0101_0101_0101
                    let high: UInt64 = 0x8080_8080_8080_8080
                    let q = w ^ (ones &* 0x22), bs = w ^ (ones &* 0x5C)
                    let special = ((q &- ones) & ~q) | ((bs &- ones) & ~bs) | ((w &- ones &* 0x20) & ~w)
                    if special & high == 0 { i &+= 8; continue }
                }
                let b = bytes[i]
                if b >= 0x20 && b != 0x22 && b != 0x5C { i &+= 1; continue }
                if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                writeEscape(b, into: &out)
                i &+= 1
                runStart = i
            }
            if runStart < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<n])) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The escape of one byte that `writeString` may not copy as is (`"`, `\` or a C0 control).
    static func writeEscape(_ b: UInt8, into out: inout [UInt8]) {
        switch b {
        case 0x22: out.append(0x5C); out.append(0x22)
        case 0x5C: out.append(0x5C); out.append(0x5C)
        case 0x08: out.append(0x5C); out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(0x5C); out.append(UInt8(ascii: "f"))
        case 0x0A: out.append(0x5C); out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(0x5C); out.append(UInt8(ascii: "r"))
        case 0x09: out.append(0x5C); out.append(UInt8(ascii: "t"))
        default:
            appendASCII("\\u00", to: &out)
            for h in hexByte(b).utf8 { out.append(h) }
        }
    }

    /// RFC 8785 §3.2.3: property names compare as arrays of UTF-16 code units.
    /// Fast path: compares UTF-8 bytes up to the first difference; when both differing bytes are
    /// ASCII (always, for ASCII keys) that difference decides exactly as UTF-16 would, and a
    /// proper prefix is smaller in both encodings. Otherwise the UTF-16 walk decides.
    static func utf16Less(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        let quick: Bool? = a.withUTF8 { x in
            b.withUTF8 { y -> Bool? in
                let n = min(x.count, y.count)
                var i = 0
                while i < n {
                    let p = x[i], q = y[i]
                    if p != q { return p < 0x80 && q < 0x80 ? p < q : nil }
                    i &+= 1
                }
                return x.count < y.count
            }
        }
        if let quick { return quick }
        return utf16LessByCodeUnits(a, b)
    }

    static func utf16LessByCodeUnits(_ a: String, _ b: String) -> Bool {
        var ia = a.utf16.makeIterator(), ib = b.utf16.makeIterator()
        while true {
            switch (ia.next(), ib.next()) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?): if x != y { return x < y }
            }
        }
    }
}

func appendASCII(_ s: StaticString, to out: inout [UInt8]) {
    let p = s.utf8Start
    for i in 0..<s.utf8CodeUnitCount { out.append(p[i]) }
}

func appendInteger(_ v: Int64, to out: inout [UInt8]) {
    if v == 0 { out.append(UInt8(ascii: "0")); return }
    if v < 0 { out.append(UInt8(ascii: "-")) }
    var m = v.magnitude
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                 UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var n = 0
    withUnsafeMutableBytes(of: &digits) { d in
        while m > 0 { d[n] = UInt8(ascii: "0") + UInt8(m % 10); m /= 10; n += 1 }
        while n > 0 { n -= 1; out.append(d[n]) }
    }
}
