// The byte encoding every record hash is computed over (docs/audit-format.md §Record hash), written
// into a stack buffer (or streamed into BLAKE3 for long records) without heap allocation.

import Blake3

/// Where encoded bytes go: the BLAKE3 hasher on the hot path, a byte array for tests and tools.
protocol AuditByteSink {
    mutating func write(_ bytes: UnsafeRawBufferPointer)
    /// A little-endian integer.
    mutating func write<T: FixedWidthInteger>(_ value: T)
    mutating func write(_ digest: Blake3Digest)
}

extension AuditByteSink {
    @inline(__always) mutating func write<T: FixedWidthInteger>(_ value: T) {
        var v = value.littleEndian
        withUnsafeBytes(of: &v) { write($0) }
    }

    @inline(__always) mutating func write(_ digest: Blake3Digest) {
        digest.withUnsafeBytes { write($0) }
    }
}

extension Blake3Hasher: AuditByteSink {
    @inline(__always) mutating func write(_ bytes: UnsafeRawBufferPointer) { update(bytes) }
}

/// Writes into a caller-provided buffer known to be large enough (see `encodedLength`).
struct AuditPointerSink: AuditByteSink {
    let base: UnsafeMutableRawPointer
    var count = 0
    @inline(__always) mutating func write(_ b: UnsafeRawBufferPointer) {
        guard let src = b.baseAddress else { return }
        (base + count).copyMemory(from: src, byteCount: b.count)
        count &+= b.count
    }

    /// Fixed-size fields are single unaligned stores rather than memmove calls.
    @inline(__always) mutating func write<T: FixedWidthInteger>(_ value: T) {
        base.storeBytes(of: value.littleEndian, toByteOffset: count, as: T.self)
        count &+= MemoryLayout<T>.size
    }

    @inline(__always) mutating func write(_ digest: Blake3Digest) {
        base.storeBytes(of: digest.words, toByteOffset: count, as: SIMD8<UInt32>.self)
        count &+= 32
    }
}

struct AuditByteArraySink: AuditByteSink {
    var bytes: [UInt8] = []
    mutating func write(_ b: UnsafeRawBufferPointer) { bytes.append(contentsOf: b) }
}

extension AuditRecord {
    /// "WAUDIT1\0": format magic and version, the first 8 encoded bytes.
    static let magic: UInt64 = 0x0031_5449_4455_4157

    /// Bytes of the header common to every kind: magic, kind, segment, seq, clocks, previous hash.
    static let headerLength = 8 + 1 + 4 + 8 + 8 + 8 + 32

    /// Length of `encoding()`, computed without encoding.
    public var encodedLength: Int {
        switch payload {
        case .genesis: return AuditRecord.headerLength + 3 * 32
        case let .decision(d):
            return AuditRecord.headerLength + 4 + d.agent.utf8.count + 4 + d.tool.utf8.count + 32 + 2
                + 4 + d.reason.utf8.count + 6 * 8
        case .seal: return AuditRecord.headerLength + 16
        }
    }

    /// BLAKE3-256 of `encoding()`. Records of at most one BLAKE3 chunk (1024 bytes, the usual case)
    /// are encoded into a stack buffer and hashed in one call; longer ones are streamed into a hasher.
    public func computeHash() -> Blake3Digest {
        if encodedLength <= Blake3Constants.chunkLength {
            return withUnsafeTemporaryAllocation(byteCount: Blake3Constants.chunkLength, alignment: 16) { buffer in
                var sink = AuditPointerSink(base: buffer.baseAddress!)
                encode(into: &sink)
                return Blake3.hash(UnsafeRawBufferPointer(start: buffer.baseAddress, count: sink.count))
            }
        }
        var h = Blake3Hasher()
        encode(into: &h)
        return h.finalize()
    }

    /// The exact bytes the record hash covers (for tests and third-party verifiers).
    public func encoding() -> [UInt8] {
        var sink = AuditByteArraySink()
        encode(into: &sink)
        return sink.bytes
    }

    @inline(__always)
    func encode<S: AuditByteSink>(into s: inout S) {
        // Header: magic, kind, segment, seq, clocks, previous hash (69 bytes).
        s.write(AuditRecord.magic)
        s.write(kind.rawValue)
        s.write(segment)
        s.write(seq)
        s.write(monotonicNs)
        s.write(wallNs)
        s.write(prevHash)
        switch payload {
        case let .genesis(b):
            s.write(b.kernelBuild)
            s.write(b.policy)
            s.write(b.model)
        case let .decision(d):
            writeString(d.agent, into: &s)
            writeString(d.tool, into: &s)
            s.write(d.argumentsHash)
            s.write(d.decidingLayer)
            s.write(UInt8(d.verdict == .allow ? 0 : 1))
            writeString(d.reason, into: &s)
            for i in 0..<6 { s.write(d.latencies.lanes[i]) }
        case let .seal(seal):
            s.write(seal.firstSeq)
            s.write(seal.recordCount)
        }
    }

    /// u32 little-endian byte length, then the UTF-8 bytes.
    @inline(__always)
    private func writeString<S: AuditByteSink>(_ string: String, into s: inout S) {
        UTF8Bytes.withBytes(string) { utf8 in
            s.write(UInt32(truncatingIfNeeded: utf8.count))
            s.write(UnsafeRawBufferPointer(utf8))
        }
    }
}
