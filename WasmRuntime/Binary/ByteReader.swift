// Cursor over a module binary: bytes, LEB128 integers (§5.2.2), floats and UTF-8 names.

struct ByteReader {
    let bytes: [UInt8]
    var pos: Int
    var end: Int

    init(_ bytes: [UInt8], from: Int = 0, to: Int? = nil) {
        self.bytes = bytes
        self.pos = from
        self.end = to ?? bytes.count
    }

    var atEnd: Bool { pos >= end }

    mutating func u8() throws(WasmError) -> UInt8 {
        guard pos < end else { throw .malformed("unexpected end") }
        let b = bytes[pos]
        pos += 1
        return b
    }

    mutating func take(_ n: Int) throws(WasmError) -> Range<Int> {
        guard n >= 0, n <= end - pos else { throw .malformed("unexpected end of section or function") }
        let r = pos..<(pos + n)
        pos += n
        return r
    }

    /// Unsigned LEB128 of at most `bits` bits: at most ceil(bits/7) bytes, unused high bits zero.
    mutating func unsigned(_ bits: Int) throws(WasmError) -> UInt64 {
        var result: UInt64 = 0
        var shift = 0
        while true {
            let b = try u8()
            let payload = UInt64(b & 0x7F)
            if shift + 7 > bits {
                // Last permitted byte: the continuation bit and the unused bits must be zero.
                if b & 0x80 != 0 { throw .malformed("integer representation too long") }
                if payload >> UInt64(bits - shift) != 0 { throw .malformed("integer too large") }
            }
            result |= payload << UInt64(shift)
            if b & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// Signed LEB128 of at most `bits` bits; unused bits of the last byte must be the sign extension.
    mutating func signed(_ bits: Int) throws(WasmError) -> Int64 {
        var result: Int64 = 0
        var shift = 0
        while true {
            let b = try u8()
            let payload = Int64(b & 0x7F)
            if shift + 7 >= bits {
                if b & 0x80 != 0 { throw .malformed("integer representation too long") }
                // Bits from (bits-1-shift) up to 6 must all equal the sign bit.
                let used = bits - shift // 1...7 payload bits that matter
                let signAndUnused = Int64(b & 0x7F) >> Int64(used - 1)
                let allOnes = Int64(0x7F) >> Int64(used - 1)
                if signAndUnused != 0 && signAndUnused != allOnes { throw .malformed("integer too large") }
            }
            result |= payload << Int64(shift)
            shift += 7
            if b & 0x80 == 0 {
                if shift < 64 && (b & 0x40) != 0 { result |= -1 << Int64(shift) }
                return result
            }
        }
    }

    mutating func u32() throws(WasmError) -> UInt32 { UInt32(try unsigned(32)) }
    mutating func s32() throws(WasmError) -> Int32 { Int32(truncatingIfNeeded: try signed(32)) }
    mutating func s64() throws(WasmError) -> Int64 { try signed(64) }

    mutating func fixed32() throws(WasmError) -> UInt32 {
        let r = try take(4)
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(bytes[r.lowerBound + i]) << UInt32(8 * i) }
        return v
    }

    mutating func fixed64() throws(WasmError) -> UInt64 {
        let r = try take(8)
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[r.lowerBound + i]) << UInt64(8 * i) }
        return v
    }

    /// A vector length, bounded by the bytes left so absurd counts fail before allocating.
    mutating func count() throws(WasmError) -> Int {
        let n = Int(try u32())
        if n > end - pos { throw .malformed("length out of bounds") }
        return n
    }

    mutating func name() throws(WasmError) -> String {
        let n = Int(try u32())
        let r = try take(n)
        let slice = Array(bytes[r])
        guard ByteReader.isValidUTF8(slice) else { throw .malformed("malformed UTF-8 encoding") }
        return String(decoding: slice, as: UTF8.self)
    }

    /// Strict UTF-8 validation (no overlongs, no surrogates, max U+10FFFF).
    static func isValidUTF8(_ s: [UInt8]) -> Bool {
        var i = 0
        while i < s.count {
            let b = s[i]
            var need = 0
            var cp: UInt32 = 0
            if b < 0x80 { i += 1; continue }
            else if b & 0xE0 == 0xC0 { need = 1; cp = UInt32(b & 0x1F) }
            else if b & 0xF0 == 0xE0 { need = 2; cp = UInt32(b & 0x0F) }
            else if b & 0xF8 == 0xF0 { need = 3; cp = UInt32(b & 0x07) }
            else { return false }
            if i + need >= s.count { return false }
            for k in 1...need {
                let c = s[i + k]
                if c & 0xC0 != 0x80 { return false }
                cp = cp << 6 | UInt32(c & 0x3F)
            }
            let minimum: UInt32 = need == 1 ? 0x80 : need == 2 ? 0x800 : 0x10000
            if cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) { return false }
            i += need + 1
        }
        return true
    }

    mutating func valueType() throws(WasmError) -> ValueType {
        let b = try u8()
        guard let t = ValueType(rawValue: b) else { throw .malformed("malformed value type") }
        return t
    }

    mutating func referenceType() throws(WasmError) -> ValueType {
        let b = try u8()
        guard let t = ValueType(rawValue: b), t.isReference else { throw .malformed("malformed reference type") }
        return t
    }

    mutating func limits(maxBits: Int) throws(WasmError) -> SizeLimits {
        let flag = try u8()
        switch flag {
        case 0: return SizeLimits(min: try unsigned(maxBits), max: nil)
        case 1:
            let mn = try unsigned(maxBits)
            return SizeLimits(min: mn, max: try unsigned(maxBits))
        default: throw .malformed("integer too large")
        }
    }
}
