// A 32-byte BLAKE3 value (digest, key or chaining value) with hex conversion.

/// 32 bytes held as eight little-endian words (BLAKE3 byte order). Also the type of a keyed_hash key.
public struct Blake3Digest: Hashable, Sendable {
    public let words: SIMD8<UInt32>

    public init(words: SIMD8<UInt32>) {
        self.words = words
    }

    public static let zero = Blake3Digest(words: .zero)

    /// From exactly 32 bytes; nil for any other length.
    public init?(bytes: [UInt8]) {
        guard bytes.count == Blake3Constants.outputLength else { return nil }
        var w = SIMD8<UInt32>.zero
        withUnsafeMutableBytes(of: &w) { dst in
            bytes.withUnsafeBytes { dst.copyMemory(from: $0) }
        }
        self.words = w
    }

    /// From 64 hex digits (either case); nil for anything else.
    public init?(hex: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var high: UInt8? = nil
        for c in hex.utf8 {
            guard let v = Blake3Digest.hexValue(c) else { return nil }
            if let h = high {
                bytes.append(h << 4 | v)
                high = nil
            } else {
                high = v
            }
        }
        guard high == nil else { return nil }
        self.init(bytes: bytes)
    }

    /// The digest's bytes in order.
    public var bytes: [UInt8] {
        Swift.withUnsafeBytes(of: words) { Array($0) }
    }

    /// Calls `body` with the 32 bytes, without allocating.
    @inline(__always)
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        Swift.withUnsafeBytes(of: words, body)
    }

    /// 64 lowercase hex digits.
    public var hex: String {
        Blake3Digest.hexString(bytes)
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// Lowercase hex of any byte sequence.
    public static func hexString(_ bytes: [UInt8]) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
