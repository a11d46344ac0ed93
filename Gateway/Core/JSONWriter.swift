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
            elements.withUnsafeBufferPointer { elements in  // in place: iterating would retain each
                for i in elements.indices {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    write(elements[i], sorted: sorted, into: &out)
                }
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            if sorted {
                writeSortedMembers(members, into: &out)
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

    /// Object members in canonical key order. Each key gets its first eight UTF-8 bytes as a
    /// big-endian integer; two ASCII-only prefixes that differ decide by integer comparison (zero
    /// padding sorts a proper prefix first, as UTF-16 order does), anything else by `utf16Less`.
    static func writeSortedMembers(_ members: [(key: String, value: JSONValue)], into out: inout [UInt8]) {
        members.withUnsafeBufferPointer { m in
            if m.count == 1 {
                writeString(m[0].key, into: &out)
                out.append(UInt8(ascii: ":"))
                write(m[0].value, sorted: true, into: &out)
                return
            }
            withUnsafeTemporaryAllocation(of: SortKey.self, capacity: m.count) { order in
                for i in 0..<m.count { order.initializeElement(at: i, to: SortKey(m[i].key, index: i)) }
                func less(_ x: SortKey, _ y: SortKey) -> Bool {
                    if x.ascii && y.ascii && x.prefix != y.prefix { return x.prefix < y.prefix }
                    return utf16Less(m[x.index].key, m[y.index].key)
                }
                if m.count <= 16 {  // insertion sort: no allocation, fewest compares for the usual few keys
                    for i in 1..<max(m.count, 1) {
                        let x = order[i]
                        var j = i
                        while j > 0, less(x, order[j - 1]) { order[j] = order[j - 1]; j -= 1 }
                        order[j] = x
                    }
                } else {
                    var all = order  // the same memory: sorting a buffer pointer mutates its elements
                    all.sort(by: less)
                }
                for i in 0..<m.count {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    let k = order[i].index
                    writeString(m[k].key, into: &out)
                    out.append(UInt8(ascii: ":"))
                    write(m[k].value, sorted: true, into: &out)
                }
                _ = order.deinitialize()
            }
        }
    }

    struct SortKey {
        var prefix: UInt64 = 0
        var ascii = true
        var index: Int

        init(_ key: String, index: Int) {
            self.index = index
            // Native strings are contiguous; any other keeps the UTF-16 comparison (ascii = false).
            guard let head = key.utf8.withContiguousStorageIfAvailable({ bytes -> (UInt64, Bool) in
                var prefix: UInt64 = 0
                var any: UInt8 = 0
                for k in 0..<min(8, bytes.count) {
                    prefix |= UInt64(bytes[k]) << (56 - 8 * UInt64(k))
                    any |= bytes[k]
                }
                return (prefix, any < 0x80)
            }) else { ascii = false; return }
            (prefix, ascii) = head
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
        // Inline rather than `UTF8Bytes.withBytes`: through that helper this hot path cost ~15 % more
        // instructions (measured). A native string is read where it lies; any other is made contiguous.
        if s.utf8.withContiguousStorageIfAvailable({ writeEscaped($0, into: &out) }) == nil {
            var s = s
            s.withUTF8 { writeEscaped($0, into: &out) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The string body: runs of bytes that need no escape are copied in bulk.
    @inline(__always)
    static func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var runStart = 0
        var i = 0
        let n = bytes.count
        let raw = UnsafeRawPointer(bytes.baseAddress)
        while i < n {
            // Sixteen bytes at a time while none needs an escape.
            if i &+ 16 <= n, let raw, !JSONWriter.needsEscape(raw + i) { i &+= 16; continue }
            let b = bytes[i]
            if b >= 0x20 && b != 0x22 && b != 0x5C { i &+= 1; continue }
            if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
            writeEscape(b, into: &out)
            i &+= 1
            runStart = i
        }
        if runStart < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<n])) }
    }

    /// True if any of the 16 bytes at `p` is `"`, `\` or a C0 control (`ByteLanes` on the low
    /// seven bits; bytes ≥ 0x80 never need an escape).
    @inline(__always)
    static func needsEscape(_ p: UnsafeRawPointer) -> Bool {
        typealias L = ByteLanes
        let v = p.loadUnaligned(as: SIMD16<UInt8>.self)
        let u = v & SIMD16(repeating: 0x7F)
        let special = (L.atLeast(u, 32) ^ L.high) | L.equals(u, 0x22) | L.equals(u, 0x5C)
        return L.any(special & ~v & L.high)
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
        let quick: Bool?? = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y -> Bool? in
                let n = min(x.count, y.count)
                var i = 0
                while i < n {
                    let p = x[i], q = y[i]
                    if p != q { return p < 0x80 && q < 0x80 ? p < q : nil }
                    i &+= 1
                }
                return x.count < y.count
            } ?? nil
        }
        if let quick = quick ?? nil { return quick }
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
