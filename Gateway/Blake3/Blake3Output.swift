// A node's pending compression (§2.6): its chaining value, or, at the root, any number of output bytes.

/// The inputs of a not-yet-performed compression. Non-root nodes use only the CV; the root node
/// is compressed again with ROOT and output-block counters 0, 1, 2, … to produce the XOF stream.
public struct Blake3Output: Sendable {
    let inputCV: SIMD8<UInt32>
    let block: SIMD16<UInt32>
    let counter: UInt64
    let blockLength: UInt32
    let flags: UInt32

    @inline(__always)
    func chainingValue() -> SIMD8<UInt32> {
        compressCV(inputCV, block, counter, blockLength, flags)
    }

    /// The 64-byte root output block number `index` (§2.6), as 16 little-endian words.
    @inline(__always)
    func rootBlock(_ index: UInt64) -> SIMD16<UInt32> {
        compressFull(inputCV, block, index, blockLength, flags | Blake3Flag.root)
    }

    /// The parent node over two child CVs (§2.5).
    @inline(__always)
    static func parent(left: SIMD8<UInt32>, right: SIMD8<UInt32>, key: SIMD8<UInt32>, flags: UInt32) -> Blake3Output {
        Blake3Output(inputCV: key, block: SIMD16(lowHalf: left, highHalf: right), counter: 0,
                     blockLength: UInt32(Blake3Constants.blockLength), flags: flags | Blake3Flag.parent)
    }
}

/// Reads the extendable output (XOF, §2.6): any length, from any position (seekable, 2^64 bytes).
public struct Blake3OutputReader: Sendable {
    let output: Blake3Output
    /// Byte offset of the next byte `read` returns.
    public var position: UInt64

    init(output: Blake3Output) {
        self.output = output
        self.position = 0
    }

    public mutating func seek(to position: UInt64) {
        self.position = position
    }

    /// Fills `buffer` with the next `buffer.count` output bytes and advances the position.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) {
        guard let base = buffer.baseAddress else { return }
        var written = 0
        while written < buffer.count {
            let blockIndex = position / UInt64(Blake3Constants.blockLength)
            let offset = Int(position % UInt64(Blake3Constants.blockLength))
            let words = output.rootBlock(blockIndex)
            let take = min(Blake3Constants.blockLength - offset, buffer.count - written)
            withUnsafeBytes(of: words) { src in
                (base + written).copyMemory(from: src.baseAddress! + offset, byteCount: take)
            }
            written += take
            position &+= UInt64(take)
        }
    }

    /// The next `count` output bytes.
    public mutating func read(count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        out.withUnsafeMutableBytes { read(into: $0) }
        return out
    }
}
