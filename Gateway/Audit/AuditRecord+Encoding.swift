// The byte encoding every record hash is computed over (docs/audit-format.md §Record hash), hashed

import Blake3
// by streaming the fields into BLAKE3 without building the byte string (no allocation on append).

/// Where encoded bytes go: the BLAKE3 hasher on the hot path, a byte array for tests and tools.
protocol AuditByteSink {
    mutating func write(_ bytes: UnsafeRawBufferPointer)
}

extension Blake3Hasher: AuditByteSink {
    @inline(__always) mutating func write(_ bytes: UnsafeRawBufferPointer) { update(bytes) }
}

struct AuditByteArraySink: AuditByteSink {
    var bytes: [UInt8] = []
    mutating func write(_ b: UnsafeRawBufferPointer) { bytes.append(contentsOf: b) }
}

extension AuditRecord {
    /// "WAUDIT1\0": format magic and version, the first 8 encoded bytes.
    static let magic: UInt64 = 0x0031_5449_4455_4157

    /// BLAKE3-256 of `encoding()`.
    public func computeHash() -> Blake3Digest {
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
        var header: (UInt64, UInt8, UInt32, UInt64, UInt64, Int64) = (
            AuditRecord.magic.littleEndian, kind.rawValue, segment.littleEndian, seq.littleEndian,
            monotonicNs.littleEndian, wallNs.littleEndian)
        withUnsafeBytes(of: &header.0) { s.write($0) }
        withUnsafeBytes(of: &header.1) { s.write($0) }
        withUnsafeBytes(of: &header.2) { s.write($0) }
        withUnsafeBytes(of: &header.3) { s.write($0) }
        withUnsafeBytes(of: &header.4) { s.write($0) }
        withUnsafeBytes(of: &header.5) { s.write($0) }
        prevHash.withUnsafeBytes { s.write($0) }
        switch payload {
        case let .genesis(b):
            b.kernelBuild.withUnsafeBytes { s.write($0) }
            b.policy.withUnsafeBytes { s.write($0) }
            b.model.withUnsafeBytes { s.write($0) }
        case let .decision(d):
            writeString(d.agent, into: &s)
            writeString(d.tool, into: &s)
            d.argumentsHash.withUnsafeBytes { s.write($0) }
            var codes: (UInt8, UInt8) = (d.decidingLayer, d.verdict == .allow ? 0 : 1)
            withUnsafeBytes(of: &codes.0) { s.write($0) }
            withUnsafeBytes(of: &codes.1) { s.write($0) }
            writeString(d.reason, into: &s)
            var lat = d.latencies.lanes.lowHalf  // layers 1...4, then 5...6
            var lat2 = SIMD2<UInt64>(d.latencies.lanes[4], d.latencies.lanes[5])
            #if _endian(big)
            for i in 0..<4 { lat[i] = lat[i].littleEndian }
            for i in 0..<2 { lat2[i] = lat2[i].littleEndian }
            #endif
            withUnsafeBytes(of: &lat) { s.write($0) }
            withUnsafeBytes(of: &lat2) { s.write($0) }
        case let .seal(seal):
            var counts: (UInt64, UInt64) = (seal.firstSeq.littleEndian, seal.recordCount.littleEndian)
            withUnsafeBytes(of: &counts.0) { s.write($0) }
            withUnsafeBytes(of: &counts.1) { s.write($0) }
        }
    }

    /// u32 little-endian byte length, then the UTF-8 bytes.
    @inline(__always)
    private func writeString<S: AuditByteSink>(_ string: String, into s: inout S) {
        var str = string
        str.withUTF8 { utf8 in
            var length = UInt32(truncatingIfNeeded: utf8.count).littleEndian
            withUnsafeBytes(of: &length) { s.write($0) }
            s.write(UnsafeRawBufferPointer(utf8))
        }
    }
}
