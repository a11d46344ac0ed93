// Typed errors of the strict JSON parser, with the byte offset, line and column of the fault.

public struct JSONError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        case empty
        case tooLarge
        case tooDeep
        case tooManyElements
        case unexpectedEnd
        case unexpectedByte(UInt8)
        case trailingData
        case invalidUTF8
        case invalidEscape
        case invalidUnicodeEscape
        case controlCharacterInString
        case invalidNumber
        case numberTooLong
        case numberOutOfRange
        case duplicateKey(String)
        case invalidLiteral
    }

    public var kind: Kind
    /// Byte offset of the fault from the start of the document (0-based).
    public var offset: Int
    /// 1-based line and column (column counts bytes) of the fault.
    public var line: Int
    public var column: Int

    public init(kind: Kind, offset: Int, line: Int, column: Int) {
        self.kind = kind
        self.offset = offset
        self.line = line
        self.column = column
    }

    public var message: String {
        switch kind {
        case .empty: return "empty document"
        case .tooLarge: return "document larger than \(GatewayLimits.jsonMaxBytes) bytes"
        case .tooDeep: return "nesting deeper than \(GatewayLimits.jsonMaxDepth)"
        case .tooManyElements: return "container with more than \(GatewayLimits.jsonMaxContainerCount) elements"
        case .unexpectedEnd: return "unexpected end of input"
        case .unexpectedByte(let b): return "unexpected byte 0x\(hexByte(b))"
        case .trailingData: return "data after the JSON value"
        case .invalidUTF8: return "invalid UTF-8"
        case .invalidEscape: return "invalid escape sequence"
        case .invalidUnicodeEscape: return "invalid \\u escape (bad hex or unpaired surrogate)"
        case .controlCharacterInString: return "unescaped control character in string"
        case .invalidNumber: return "invalid number"
        case .numberTooLong: return "number literal longer than \(GatewayLimits.jsonMaxNumberLength) characters"
        case .numberOutOfRange: return "number out of range"
        case .duplicateKey(let k): return "duplicate key \"\(k)\""
        case .invalidLiteral: return "invalid literal"
        }
    }

    public var description: String { "JSON error at line \(line), column \(column): \(message)" }
}

func hexByte(_ b: UInt8) -> String {
    let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
    return String(digits[Int(b >> 4)]) + String(digits[Int(b & 15)])
}
