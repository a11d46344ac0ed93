// State of the chunk being hashed (§2.4, chunk chaining): up to 16 blocks chained through one CV.

#if _endian(big)
#error("Blake3 loads message words by reinterpreting bytes; only little-endian targets are supported")
#endif

/// One chunk in progress. The last block is kept buffered until more input arrives, because the
/// final block of a chunk takes the CHUNK_END flag (and ROOT, if the chunk is the whole input).
struct Blake3ChunkState {
    var cv: SIMD8<UInt32>
    let chunkCounter: UInt64
    /// The partial block, as little-endian words; bytes past `blockLength` are zero (padding).
    var block: SIMD16<UInt32> = .zero
    /// Bytes in `block`, 0...64.
    var blockLength: Int = 0
    var blocksCompressed: Int = 0
    let flags: UInt32

    init(key: SIMD8<UInt32>, chunkCounter: UInt64, flags: UInt32) {
        self.cv = key
        self.chunkCounter = chunkCounter
        self.flags = flags
    }

    /// Bytes absorbed by this chunk so far, 0...1024.
    @inline(__always) var length: Int { blocksCompressed &* Blake3Constants.blockLength &+ blockLength }

    @inline(__always) var startFlag: UInt32 { blocksCompressed == 0 ? Blake3Flag.chunkStart : 0 }

    /// Absorbs `count` bytes; the caller guarantees `length + count <= 1024`.
    @inline(__always)
    mutating func update(_ start: UnsafeRawPointer, _ count: Int) {
        var p = start
        var n = count
        while n > 0 {
            if blockLength == Blake3Constants.blockLength {
                cv = compressCV(cv, block, chunkCounter, 64, flags | startFlag)
                blocksCompressed &+= 1
                blockLength = 0
                block = .zero
            }
            if blockLength == 0 {
                // Whole blocks that are certainly not the chunk's last: compress straight from the input.
                while n > Blake3Constants.blockLength {
                    cv = compressCV(cv, loadBlock(p), chunkCounter, 64, flags | startFlag)
                    blocksCompressed &+= 1
                    p += Blake3Constants.blockLength
                    n &-= Blake3Constants.blockLength
                }
            }
            let take = min(Blake3Constants.blockLength &- blockLength, n)
            let offset = blockLength
            withUnsafeMutableBytes(of: &block) { dst in
                (dst.baseAddress! + offset).copyMemory(from: p, byteCount: take)
            }
            blockLength &+= take
            p += take
            n &-= take
        }
    }

    /// The chunk's output node: its last block with CHUNK_END (§2.4).
    @inline(__always)
    func output() -> Blake3Output {
        Blake3Output(inputCV: cv, block: block, counter: chunkCounter, blockLength: UInt32(blockLength),
                     flags: flags | startFlag | Blake3Flag.chunkEnd)
    }
}

/// Hashes one complete 1024-byte chunk that is known not to be the root (more input follows).
@inline(__always)
func hashFullChunk(_ p: UnsafeRawPointer, key: SIMD8<UInt32>, counter: UInt64, flags: UInt32) -> SIMD8<UInt32> {
    var cv = compressCV(key, loadBlock(p), counter, 64, flags | Blake3Flag.chunkStart)
    var offset = Blake3Constants.blockLength
    while offset < Blake3Constants.chunkLength - Blake3Constants.blockLength {
        cv = compressCV(cv, loadBlock(p + offset), counter, 64, flags)
        offset &+= Blake3Constants.blockLength
    }
    return compressCV(cv, loadBlock(p + offset), counter, 64, flags | Blake3Flag.chunkEnd)
}

/// The digest of an input of at most one chunk, which is therefore the root (§2.4, §2.6): the
/// blocks are compressed straight from `p`, and only a partial last block is copied (zero-padded).
/// The first 8 words of the root output equal the truncated compression with ROOT set.
@inline(__always)
func hashRootChunk(_ p: UnsafeRawPointer?, _ count: Int, key: SIMD8<UInt32>, flags: UInt32) -> SIMD8<UInt32> {
    guard let p, count > 0 else {
        return compressCV(key, .zero, 0, 0, flags | Blake3Flag.chunkStart | Blake3Flag.chunkEnd | Blake3Flag.root)
    }
    var cv = key
    var start = Blake3Flag.chunkStart
    var offset = 0
    while count &- offset > Blake3Constants.blockLength {
        cv = compressCV(cv, loadBlock(p + offset), 0, 64, flags | start)
        start = 0
        offset &+= Blake3Constants.blockLength
    }
    let rest = count &- offset
    var last = SIMD16<UInt32>.zero
    if rest == Blake3Constants.blockLength {
        last = loadBlock(p + offset)
    } else {
        withUnsafeMutableBytes(of: &last) { $0.baseAddress!.copyMemory(from: p + offset, byteCount: rest) }
    }
    return compressCV(cv, last, 0, UInt32(rest), flags | start | Blake3Flag.chunkEnd | Blake3Flag.root)
}
