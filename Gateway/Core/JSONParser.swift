// Strict RFC 8259 JSON parser: one pass over UTF-8 bytes, with size, depth, count and number
// limits (Limits.swift), duplicate-key and invalid-UTF-8 rejection, and line/column errors.

public enum JSONParser {
    /// Parses one complete JSON text (surrounding whitespace allowed, nothing else).
    public static func parse(_ text: String) throws(JSONError) -> JSONValue {
        var copy = text
        let result: Result<JSONValue, JSONError> = copy.withUTF8 { buffer in parseResult(buffer) }
        return try result.get()
    }

    /// Parses one complete JSON text given as bytes (validated as UTF-8 here).
    public static func parse(bytes: [UInt8]) throws(JSONError) -> JSONValue {
        let result: Result<JSONValue, JSONError> = bytes.withUnsafeBufferPointer { buffer in parseResult(buffer) }
        return try result.get()
    }

    static func parseResult(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONError> {
        var reader = JSONReader(bytes: buffer)
        do throws(JSONError) {
            return .success(try reader.document())
        } catch {
            return .failure(error)
        }
    }
}

/// The cursor over the input bytes; every method advances `pos` past what it accepted.
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0
    var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func document() throws(JSONError) -> JSONValue {
        if bytes.count > GatewayLimits.jsonMaxBytes { throw fail(.tooLarge, at: GatewayLimits.jsonMaxBytes) }
        skipWhitespace()
        if pos == bytes.count { throw fail(bytes.isEmpty ? .empty : .unexpectedEnd) }
        let value = try self.value()
        skipWhitespace()
        if pos != bytes.count { throw fail(.trailingData) }
        return value
    }

    // MARK: Values

    mutating func value() throws(JSONError) -> JSONValue {
        guard pos < bytes.count else { throw fail(.unexpectedEnd) }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw fail(.unexpectedByte(bytes[pos]))
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONError) {
        let start = word.utf8Start
        for i in 0..<word.utf8CodeUnitCount {
            guard pos < bytes.count else { throw fail(.unexpectedEnd) }
            guard bytes[pos] == start[i] else { throw fail(.invalidLiteral) }
            pos += 1
        }
    }

    mutating func enter() throws(JSONError) {
        depth += 1
        if depth > GatewayLimits.jsonMaxDepth { throw fail(.tooDeep) }
    }

    mutating func object() throws(JSONError) -> JSONValue {
        try enter()
        pos += 1  // "{"
        var members: [(key: String, value: JSONValue)] = []
        var seen = Set<String>()
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") {
            pos += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard try peek() == UInt8(ascii: "\"") else { throw fail(.unexpectedByte(bytes[pos])) }
            let keyStart = pos
            let key = try string()
            // Small objects: linear scan; larger ones: a set (bounded work per member either way).
            let duplicate: Bool
            if members.count < 16 {
                duplicate = members.contains { $0.key == key }
                if members.count == 15 { for m in members { seen.insert(m.key) }; seen.insert(key) }
            } else {
                duplicate = !seen.insert(key).inserted
            }
            if duplicate { throw fail(.duplicateKey(key), at: keyStart) }
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            skipWhitespace()
            let v = try value()
            members.append((key: key, value: v))
            if members.count > GatewayLimits.jsonMaxContainerCount { throw fail(.tooManyElements) }
            skipWhitespace()
            let b = try peek()
            pos += 1
            if b == UInt8(ascii: "}") { break }
            if b != UInt8(ascii: ",") { pos -= 1; throw fail(.unexpectedByte(b)) }
        }
        depth -= 1
        return .object(members)
    }

    mutating func array() throws(JSONError) -> JSONValue {
        try enter()
        pos += 1  // "["
        var elements: [JSONValue] = []
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") {
            pos += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try value())
            if elements.count > GatewayLimits.jsonMaxContainerCount { throw fail(.tooManyElements) }
            skipWhitespace()
            let b = try peek()
            pos += 1
            if b == UInt8(ascii: "]") { break }
            if b != UInt8(ascii: ",") { pos -= 1; throw fail(.unexpectedByte(b)) }
        }
        depth -= 1
        return .array(elements)
    }

    // MARK: Strings

    /// Parses a string starting at the opening quote; validates UTF-8 and escapes.
    mutating func string() throws(JSONError) -> String {
        pos += 1  // opening quote
        let start = pos
        // Fast path: no escapes, so the string is a slice of the input.
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
                pos += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw fail(.controlCharacterInString) }
            if b < 0x80 { pos += 1 } else { try utf8Sequence() }
        }
        guard pos < bytes.count else { throw fail(.unexpectedEnd) }
        // Slow path: copy what was scanned, then decode escapes.
        var out: [UInt8] = Array(bytes[start..<pos])
        while true {
            guard pos < bytes.count else { throw fail(.unexpectedEnd) }
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") { pos += 1; break }
            if b < 0x20 { throw fail(.controlCharacterInString) }
            if b == UInt8(ascii: "\\") {
                try escape(into: &out)
            } else if b < 0x80 {
                out.append(b)
                pos += 1
            } else {
                let s = pos
                try utf8Sequence()
                out.append(contentsOf: bytes[s..<pos])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func escape(into out: inout [UInt8]) throws(JSONError) {
        let escapeStart = pos
        pos += 1  // backslash
        guard pos < bytes.count else { throw fail(.unexpectedEnd) }
        let c = bytes[pos]
        pos += 1
        switch c {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4(escapeStart)
            if scalar >= 0xD800 && scalar <= 0xDBFF {
                // A high surrogate must be followed by an escaped low surrogate.
                guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u")
                else { throw fail(.invalidUnicodeEscape, at: escapeStart) }
                pos += 2
                let low = try hex4(escapeStart)
                guard low >= 0xDC00 && low <= 0xDFFF else { throw fail(.invalidUnicodeEscape, at: escapeStart) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                throw fail(.invalidUnicodeEscape, at: escapeStart)
            }
            appendUTF8(scalar, to: &out)
        default:
            throw fail(.invalidEscape, at: escapeStart)
        }
    }

    mutating func hex4(_ escapeStart: Int) throws(JSONError) -> UInt32 {
        guard pos + 4 <= bytes.count else { throw fail(.unexpectedEnd) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[pos]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw fail(.invalidUnicodeEscape, at: escapeStart)
            }
            v = v << 4 | d
            pos += 1
        }
        return v
    }

    /// Validates one multi-byte UTF-8 sequence at `pos` (RFC 3629: no overlongs, no surrogates,
    /// nothing above U+10FFFF) and advances past it.
    mutating func utf8Sequence() throws(JSONError) {
        let b0 = bytes[pos]
        let need: Int
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; lo = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED: need = 2; hi = 0x9F
        case 0xF0: need = 3; lo = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; hi = 0x8F
        default: throw fail(.invalidUTF8)
        }
        guard pos + need < bytes.count else { throw fail(.invalidUTF8) }
        let b1 = bytes[pos + 1]
        guard b1 >= lo && b1 <= hi else { throw fail(.invalidUTF8) }
        var i = 2
        while i <= need {
            let b = bytes[pos + i]
            guard b >= 0x80 && b <= 0xBF else { throw fail(.invalidUTF8) }
            i += 1
        }
        pos += need + 1
    }

    // MARK: Numbers

    /// RFC 8259 §6: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func number() throws(JSONError) -> JSONValue {
        let start = pos
        var decoder = DecimalAccumulator()
        if bytes[pos] == UInt8(ascii: "-") { decoder.negative = true; pos += 1 }
        guard pos < bytes.count else { throw fail(.unexpectedEnd) }
        if bytes[pos] == UInt8(ascii: "0") {
            pos += 1
            if pos < bytes.count, isDigit(bytes[pos]) { throw fail(.invalidNumber) }
        } else if isDigit(bytes[pos]) {
            while pos < bytes.count, isDigit(bytes[pos]) { decoder.addDigit(bytes[pos], fraction: false); pos += 1 }
        } else {
            throw fail(.invalidNumber)
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            pos += 1
            guard pos < bytes.count, isDigit(bytes[pos]) else { throw fail(.invalidNumber) }
            while pos < bytes.count, isDigit(bytes[pos]) { decoder.addDigit(bytes[pos], fraction: true); pos += 1 }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            pos += 1
            var expNegative = false
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") {
                expNegative = bytes[pos] == UInt8(ascii: "-")
                pos += 1
            }
            guard pos < bytes.count, isDigit(bytes[pos]) else { throw fail(.invalidNumber) }
            var e = 0
            while pos < bytes.count, isDigit(bytes[pos]) {
                e = e * 10 + Int(bytes[pos] - UInt8(ascii: "0"))
                if e > GatewayLimits.jsonMaxExponent { throw fail(.numberOutOfRange, at: start) }
                pos += 1
            }
            decoder.exponent += expNegative ? -e : e
        }
        if pos - start > GatewayLimits.jsonMaxNumberLength { throw fail(.numberTooLong, at: start) }
        let value = decoder.value
        guard value.isFinite else { throw fail(.numberOutOfRange, at: start) }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        return .number(text: text, value: value)
    }

    // MARK: Helpers

    func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    mutating func skipWhitespace() {
        while pos < bytes.count {
            let b = bytes[pos]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            pos += 1
        }
    }

    func peek() throws(JSONError) -> UInt8 {
        guard pos < bytes.count else { throw fail(.unexpectedEnd) }
        return bytes[pos]
    }

    mutating func expect(_ b: UInt8) throws(JSONError) {
        let got = try peek()
        guard got == b else { throw fail(.unexpectedByte(got)) }
        pos += 1
    }

    func fail(_ kind: JSONError.Kind) -> JSONError { fail(kind, at: pos) }

    func fail(_ kind: JSONError.Kind, at offset: Int) -> JSONError {
        var line = 1, column = 1
        let end = min(offset, bytes.count)
        for i in 0..<end {
            if bytes[i] == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        return JSONError(kind: kind, offset: offset, line: line, column: column)
    }
}

/// Appends one Unicode scalar as UTF-8.
func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
    switch scalar {
    case 0..<0x80: out.append(UInt8(scalar))
    case 0x80..<0x800:
        out.append(UInt8(0xC0 | (scalar >> 6)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
    case 0x800..<0x10000:
        out.append(UInt8(0xE0 | (scalar >> 12)))
        out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
    default:
        out.append(UInt8(0xF0 | (scalar >> 18)))
        out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
    }
}

/// Decimal-to-binary conversion without libc: up to 19 significant digits in an integer, then
/// scaled by a power of ten. Exact whenever the digits fit 2^53 and |exponent| ≤ 22 (Clinger's
/// fast path), which covers every integer argument the gateway compares; otherwise within a few ulp.
struct DecimalAccumulator {
    var negative = false
    var mantissa: UInt64 = 0
    var digits = 0
    var exponent = 0

    mutating func addDigit(_ b: UInt8, fraction: Bool) {
        let d = UInt64(b - UInt8(ascii: "0"))
        if digits < 19 {
            if mantissa != 0 || d != 0 { digits += 1 }
            mantissa = mantissa * 10 + d
            if fraction { exponent -= 1 }
        } else if !fraction {
            exponent += 1  // digit beyond precision in the integer part: scale instead
        }
    }

    var value: Double {
        var v = Double(mantissa)
        if mantissa != 0 {
            var e = exponent
            while e > 0 { let step = min(e, 22); v *= powerOfTen(step); e -= step }
            while e < 0 { let step = min(-e, 22); v /= powerOfTen(step); e += step }
        }
        return negative ? -v : v
    }

    func powerOfTen(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<n { p *= 10 }
        return p
    }
}
