// Bounds-checked little-endian reader over the GGUF bytes: every read checks the remaining
// length first (overflow-safe), so malformed files end in GGUFError.truncated, never a trap.

struct GGUFCursor {
    let bytes: UnsafeRawBufferPointer
    var position: Int

    var remaining: Int { bytes.count - position }

    /// Throws unless `n` bytes are available at the current position.
    func require(_ n: Int) throws(GGUFError) {
        guard n >= 0, position >= 0, position <= bytes.count, n <= bytes.count - position else {
            throw .truncated(at: position, need: n)
        }
    }

    mutating func read<T: FixedWidthInteger>(_: T.Type) throws(GGUFError) -> T {
        try require(MemoryLayout<T>.size)
        let v = bytes.loadUnaligned(fromByteOffset: position, as: T.self)
        position += MemoryLayout<T>.size
        return T(littleEndian: v)
    }

    /// A count stored as uint64, checked against `limit` and returned as Int.
    mutating func readCount(_ what: String, limit: Int) throws(GGUFError) -> Int {
        let raw = try read(UInt64.self)
        guard raw <= UInt64(limit) else { throw .absurdCount(what: what, count: raw, limit: limit) }
        return Int(raw)
    }

    /// A GGUF string (uint64 length + UTF-8 bytes, no terminator) as a view into the file.
    mutating func readStringBytes() throws(GGUFError) -> UnsafeRawBufferPointer {
        let length = try readCount("string length", limit: InferenceLimits.ggufMaxStringBytes)
        try require(length)
        let view = UnsafeRawBufferPointer(rebasing: bytes[position..<(position + length)])
        position += length
        return view
    }

    mutating func readString() throws(GGUFError) -> String {
        String(decoding: try readStringBytes(), as: UTF8.self)
    }

    mutating func readValueType() throws(GGUFError) -> GGUFValueType {
        let at = position
        let raw = try read(UInt32.self)
        guard let t = GGUFValueType(rawValue: raw) else { throw .unknownValueType(raw, at: at) }
        return t
    }

    /// Reads one value of type `type`; arrays are validated in full but left in the file.
    mutating func readValue(of type: GGUFValueType, depth: Int) throws(GGUFError) -> GGUFValue {
        switch type {
        case .uint8: return .uint8(try read(UInt8.self))
        case .int8: return .int8(try read(Int8.self))
        case .uint16: return .uint16(try read(UInt16.self))
        case .int16: return .int16(try read(Int16.self))
        case .uint32: return .uint32(try read(UInt32.self))
        case .int32: return .int32(try read(Int32.self))
        case .float32: return .float32(Float(bitPattern: try read(UInt32.self)))
        case .bool: return .bool(try read(UInt8.self) != 0)
        case .string: return .string(try readString())
        case .uint64: return .uint64(try read(UInt64.self))
        case .int64: return .int64(try read(Int64.self))
        case .float64: return .float64(Double(bitPattern: try read(UInt64.self)))
        case .array: return .array(try readArray(depth: depth))
        }
    }

    /// Advances past one value of type `type`, validating it.
    mutating func skipValue(of type: GGUFValueType, depth: Int) throws(GGUFError) {
        if let size = type.fixedSize {
            try require(size)
            position += size
        } else if type == .string {
            _ = try readStringBytes()
        } else {
            _ = try readArray(depth: depth)
        }
    }

    /// Reads an array header, validates every element's extent and returns the lazy view.
    mutating func readArray(depth: Int) throws(GGUFError) -> GGUFArray {
        let headerAt = position
        guard depth <= InferenceLimits.ggufMaxArrayDepth else { throw .arrayTooDeep(at: headerAt) }
        let elementType = try readValueType()
        let count = try readCount("array element", limit: InferenceLimits.ggufMaxArrayCount)
        let start = position
        if let size = elementType.fixedSize {
            // count ≤ 2^24 and size ≤ 8, so the product cannot overflow.
            guard count * size <= remaining else {
                throw .absurdCount(what: "array element", count: UInt64(count), limit: remaining / size)
            }
            position += count * size
        } else {
            // Each string or array element takes at least 8 bytes of header.
            guard count <= remaining / 8 else {
                throw .absurdCount(what: "array element", count: UInt64(count), limit: remaining / 8)
            }
            for _ in 0..<count { try skipValue(of: elementType, depth: depth + 1) }
        }
        return GGUFArray(elementType: elementType, count: count, offset: start,
                         byteLength: position - start, file: bytes)
    }
}
