// Typed GGUF metadata values (GGUF spec: gguf_metadata_value_type) and lazy arrays that
// read their elements straight from the file bytes (vocabularies hold ~50k–150k strings).

/// Value type codes of GGUF metadata.
public enum GGUFValueType: UInt32, Sendable {
    case uint8 = 0, int8 = 1, uint16 = 2, int16 = 3, uint32 = 4, int32 = 5, float32 = 6, bool = 7
    case string = 8, array = 9, uint64 = 10, int64 = 11, float64 = 12

    /// Encoded size of one value, nil for the variable-size string and array.
    public var fixedSize: Int? {
        switch self {
        case .uint8, .int8, .bool: return 1
        case .uint16, .int16: return 2
        case .uint32, .int32, .float32: return 4
        case .uint64, .int64, .float64: return 8
        case .string, .array: return nil
        }
    }
}

/// One metadata value. Strings are decoded as UTF-8 (invalid sequences are repaired).
public enum GGUFValue {
    case uint8(UInt8), int8(Int8), uint16(UInt16), int16(Int16), uint32(UInt32), int32(Int32)
    case float32(Float), bool(Bool), string(String), uint64(UInt64), int64(Int64), float64(Double)
    case array(GGUFArray)

    public var type: GGUFValueType {
        switch self {
        case .uint8: return .uint8
        case .int8: return .int8
        case .uint16: return .uint16
        case .int16: return .int16
        case .uint32: return .uint32
        case .int32: return .int32
        case .float32: return .float32
        case .bool: return .bool
        case .string: return .string
        case .uint64: return .uint64
        case .int64: return .int64
        case .float64: return .float64
        case .array: return .array
        }
    }

    /// The value as an Int if it is an integer of any width (or a bool) that fits.
    public var intValue: Int? {
        switch self {
        case .uint8(let v): return Int(v)
        case .int8(let v): return Int(v)
        case .uint16(let v): return Int(v)
        case .int16(let v): return Int(v)
        case .uint32(let v): return Int(v)
        case .int32(let v): return Int(v)
        case .uint64(let v): return Int(exactly: v)
        case .int64(let v): return Int(v)
        case .bool(let v): return v ? 1 : 0
        default: return nil
        }
    }

    /// The value as a Float if it is a float or an integer.
    public var floatValue: Float? {
        switch self {
        case .float32(let v): return v
        case .float64(let v): return Float(v)
        default:
            if let i = intValue { return Float(i) }
            return nil
        }
    }
}

/// A metadata array whose elements stay in the file bytes. Parsing validated its extent, so
/// element reads cannot leave the file. Fixed-size elements are O(1); strings are walked.
public struct GGUFArray {
    /// Type of every element.
    public let elementType: GGUFValueType
    /// Number of elements.
    public let count: Int
    /// Absolute offset of the first element in the file.
    public let offset: Int
    /// Encoded size of all elements, in bytes.
    public let byteLength: Int
    /// The whole file (owned by the caller of `GGUFFile.init`).
    let file: UnsafeRawBufferPointer

    /// Element `i` as an Int, if the elements are integers (any width) and `i` is in range.
    public func int(at i: Int) -> Int? {
        guard i >= 0, i < count, let v = fixedValue(at: i) else { return nil }
        return v.intValue
    }

    /// Element `i` as a Float, if the elements are float32/float64 (or integers).
    public func float(at i: Int) -> Float? {
        guard i >= 0, i < count, let v = fixedValue(at: i) else { return nil }
        return v.floatValue
    }

    /// Element `i` as a value. O(1) for fixed-size elements, O(i) for strings and arrays.
    public func value(at i: Int) -> GGUFValue? {
        guard i >= 0, i < count else { return nil }
        if elementType.fixedSize != nil { return fixedValue(at: i) }
        var cursor = GGUFCursor(bytes: file, position: offset)
        do {
            for _ in 0..<i { try cursor.skipValue(of: elementType, depth: 1) }
            return try cursor.readValue(of: elementType, depth: 1)
        } catch {
            return nil  // Unreachable after validation at parse time.
        }
    }

    /// Calls `body(index, utf8Bytes)` for each element of a string array, in order; the byte
    /// views point into the file. Returns false (calling nothing) if the elements are not strings.
    @discardableResult
    public func forEachString(_ body: (Int, UnsafeRawBufferPointer) -> Void) -> Bool {
        guard elementType == .string else { return false }
        var cursor = GGUFCursor(bytes: file, position: offset)
        for i in 0..<count {
            guard let s = try? cursor.readStringBytes() else { return false }
            body(i, s)
        }
        return true
    }

    /// All elements of a string array as Strings, nil if the elements are not strings.
    public func strings() -> [String]? {
        guard elementType == .string else { return nil }
        var out: [String] = []
        out.reserveCapacity(count)
        forEachString { _, bytes in out.append(String(decoding: bytes, as: UTF8.self)) }
        return out
    }

    /// All elements as Int32, nil unless the elements are integers that each fit in Int32.
    public func int32s() -> [Int32]? {
        guard elementType.fixedSize != nil, elementType != .float32, elementType != .float64 else { return nil }
        var out: [Int32] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            guard let v = int(at: i), let w = Int32(exactly: v) else { return nil }
            out.append(w)
        }
        return out
    }

    /// All elements as Float, nil unless the elements are float32 or float64.
    public func float32s() -> [Float]? {
        guard elementType == .float32 || elementType == .float64 else { return nil }
        var out: [Float] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            guard let v = float(at: i) else { return nil }
            out.append(v)
        }
        return out
    }

    private func fixedValue(at i: Int) -> GGUFValue? {
        guard let size = elementType.fixedSize else { return nil }
        var cursor = GGUFCursor(bytes: file, position: offset + i * size)
        return try? cursor.readValue(of: elementType, depth: 1)
    }
}
