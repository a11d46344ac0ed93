// Everything that can be wrong with a GGUF file, as typed errors with readable messages.
// The reader never traps on malformed input: every check ends in one of these.

public enum GGUFError: Error, Equatable, CustomStringConvertible {
    /// The first four bytes are not "GGUF".
    case badMagic(UInt32)
    /// Only versions 2 and 3 are read (both use 64-bit counts).
    case unsupportedVersion(UInt32)
    /// A read at byte `at` needs `need` bytes that the file does not have.
    case truncated(at: Int, need: Int)
    /// A count (tensors, keys, array elements, string length, dimensions) is beyond the limit
    /// or beyond what the remaining bytes could hold.
    case absurdCount(what: String, count: UInt64, limit: Int)
    /// A metadata value type code that GGUF does not define.
    case unknownValueType(UInt32, at: Int)
    /// Arrays nested deeper than `InferenceLimits.ggufMaxArrayDepth`.
    case arrayTooDeep(at: Int)
    /// The same metadata key appears twice.
    case duplicateKey(String)
    /// A well-known key has the wrong value type or an invalid value.
    case badKey(String, reason: String)
    /// `general.alignment` is zero, not a power of two, or too large.
    case badAlignment(UInt64)
    /// A tensor's element type code is not a known ggml type.
    case unknownTensorType(UInt32, tensor: String)
    /// A tensor's dimension count is 0 or above GGML_MAX_DIMS.
    case badDimensionCount(tensor: String, count: UInt32)
    /// A dimension is zero-or-negative-as-signed, or the element count / byte size overflows.
    case shapeOverflow(tensor: String)
    /// The row length (ne0) is not a whole number of quantization blocks.
    case rowNotBlockAligned(tensor: String, ne0: Int, blockSize: Int)
    /// The same tensor name appears twice.
    case duplicateTensor(String)
    /// A tensor's data offset is not a multiple of the file alignment.
    case misalignedTensor(tensor: String, offset: UInt64, alignment: Int)
    /// A tensor's data lies (partly) outside the file.
    case offsetOutOfRange(tensor: String, offset: UInt64, byteCount: Int, dataSize: Int)
    /// Two tensors' data ranges overlap.
    case overlappingTensors(String, String)

    public var description: String {
        switch self {
        case .badMagic(let m):
            return "not a GGUF file: magic is 0x\(hex(m)), expected 0x46554747 (\"GGUF\")"
        case .unsupportedVersion(let v):
            return "unsupported GGUF version \(v) (supported: 2, 3)"
        case .truncated(let at, let need):
            return "GGUF file truncated: need \(need) bytes at offset \(at)"
        case .absurdCount(let what, let count, let limit):
            return "GGUF \(what) count \(count) is beyond the limit \(limit) or the file size"
        case .unknownValueType(let t, let at):
            return "unknown GGUF metadata value type \(t) at offset \(at)"
        case .arrayTooDeep(let at):
            return "GGUF metadata arrays nested too deeply at offset \(at)"
        case .duplicateKey(let k):
            return "duplicate GGUF metadata key '\(k)'"
        case .badKey(let k, let reason):
            return "GGUF metadata key '\(k)': \(reason)"
        case .badAlignment(let a):
            return "GGUF general.alignment \(a) is not a power of two in 1...\(InferenceLimits.ggufMaxAlignment)"
        case .unknownTensorType(let t, let name):
            return "tensor '\(name)' has unknown ggml type \(t)"
        case .badDimensionCount(let name, let n):
            return "tensor '\(name)' has \(n) dimensions (allowed 1...\(InferenceLimits.ggufMaxDimensions))"
        case .shapeOverflow(let name):
            return "tensor '\(name)' has a shape whose element count or byte size overflows"
        case .rowNotBlockAligned(let name, let ne0, let bs):
            return "tensor '\(name)' row length \(ne0) is not a multiple of its block size \(bs)"
        case .duplicateTensor(let name):
            return "duplicate tensor name '\(name)'"
        case .misalignedTensor(let name, let off, let align):
            return "tensor '\(name)' data offset \(off) is not a multiple of the alignment \(align)"
        case .offsetOutOfRange(let name, let off, let count, let size):
            return "tensor '\(name)' data [\(off), +\(count)) lies outside the \(size)-byte data section"
        case .overlappingTensors(let a, let b):
            return "tensors '\(a)' and '\(b)' have overlapping data"
        }
    }
}

/// Lower-case hexadecimal without leading zeros stripped (8 digits), Embedded-safe.
private func hex(_ v: UInt32) -> String {
    let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
    var s = ""
    var shift = 28
    while shift >= 0 {
        s.append(digits[Int((v >> UInt32(shift)) & 0xF)])
        shift -= 4
    }
    return s
}
