// Incremental BLAKE3 hasher (§5.1): chunk state plus a stack of subtree chaining values; no allocation.

/// Absorbs input in any split and produces the same digest as a one-shot hash. The three modes of
/// §2.3 differ only in the key words and the domain flags chosen at initialization.
public struct Blake3Hasher: Sendable {
    var chunk: Blake3ChunkState
    let key: SIMD8<UInt32>
    let flags: UInt32
    /// CVs of completed subtrees, largest (leftmost) first; `stackCount` of them are live.
    var stack: InlineArray<54, SIMD8<UInt32>>
    var stackCount: Int

    init(key: SIMD8<UInt32>, flags: UInt32) {
        self.chunk = Blake3ChunkState(key: key, chunkCounter: 0, flags: flags)
        self.key = key
        self.flags = flags
        self.stack = InlineArray(repeating: .zero)
        self.stackCount = 0
    }

    /// The default `hash` mode (key = IV, §2.3).
    public init() {
        self.init(key: Blake3Constants.iv, flags: 0)
    }

    /// The `keyed_hash` mode (§2.3): a 32-byte key, flag KEYED_HASH.
    public init(key: Blake3Digest) {
        self.init(key: key.words, flags: Blake3Flag.keyedHash)
    }

    /// The `derive_key` mode (§2.3): the context string is hashed with DERIVE_KEY_CONTEXT into a
    /// context key; the key material absorbed afterwards is hashed under it with DERIVE_KEY_MATERIAL.
    public init(deriveKeyContext context: String) {
        var contextHasher = Blake3Hasher(key: Blake3Constants.iv, flags: Blake3Flag.deriveKeyContext)
        contextHasher.update(context)
        let contextKey = contextHasher.finalize()
        self.init(key: contextKey.words, flags: Blake3Flag.deriveKeyMaterial)
    }

    // MARK: Absorbing input

    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress else { return }
        update(base, buffer.count)
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Absorbs the string's UTF-8 bytes.
    public mutating func update(_ string: String) {
        var s = string
        s.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// Absorbs `count` bytes at `start`.
    public mutating func update(_ start: UnsafeRawPointer, _ count: Int) {
        var p = start
        var n = count
        while n > 0 {
            if chunk.length == Blake3Constants.chunkLength {
                // The full chunk is not the root: more input has arrived.
                let total = chunk.chunkCounter &+ 1
                pushChunkCV(chunk.output().chainingValue(), totalChunks: total)
                chunk = Blake3ChunkState(key: key, chunkCounter: total, flags: flags)
            }
            if chunk.length == 0 && n > Blake3Constants.chunkLength {
                // Whole chunks followed by more input: hash them straight from the caller's bytes,
                // up to four at once.
                var counter = chunk.chunkCounter
                while n > Blake3Constants.chunkLength {
                    let whole = min(Blake3Parallel.lanes, (n &- 1) / Blake3Constants.chunkLength)
                    let hashed: Int
                    if whole >= Blake3Parallel.minChunks {
                        let cvs = hashChunks4(p, count: whole, key: key, counter: counter, flags: flags)
                        for j in 0..<whole { pushChunkCV(cvs.cv(j), totalChunks: counter &+ UInt64(j &+ 1)) }
                        hashed = whole
                    } else {
                        pushChunkCV(hashFullChunk(p, key: key, counter: counter, flags: flags), totalChunks: counter &+ 1)
                        hashed = 1
                    }
                    counter &+= UInt64(hashed)
                    p += hashed &* Blake3Constants.chunkLength
                    n &-= hashed &* Blake3Constants.chunkLength
                }
                chunk = Blake3ChunkState(key: key, chunkCounter: counter, flags: flags)
            }
            let take = min(Blake3Constants.chunkLength &- chunk.length, n)
            chunk.update(p, take)
            p += take
            n &-= take
        }
    }

    /// Adds a completed chunk's CV, merging equal-sized subtrees: after chunk number `totalChunks`,
    /// one merge happens per trailing zero bit of `totalChunks` (§5.1.2).
    @inline(__always)
    mutating func pushChunkCV(_ newCV: SIMD8<UInt32>, totalChunks: UInt64) {
        var cv = newCV
        var total = totalChunks
        while total & 1 == 0 {
            stackCount &-= 1
            cv = Blake3Output.parent(left: stack[stackCount], right: cv, key: key, flags: flags).chainingValue()
            total >>= 1
        }
        stack[stackCount] = cv
        stackCount &+= 1
    }

    // MARK: Output

    /// The root node: the current chunk folded with every CV on the stack, right to left.
    func rootOutput() -> Blake3Output {
        var output = chunk.output()
        var i = stackCount
        while i > 0 {
            i -= 1
            output = Blake3Output.parent(left: stack[i], right: output.chainingValue(), key: key, flags: flags)
        }
        return output
    }

    /// The 32-byte digest of everything absorbed so far (the hasher stays usable).
    public func finalize() -> Blake3Digest {
        let words = rootOutput().rootBlock(0)
        return Blake3Digest(words: words.lowHalf)
    }

    /// A reader over the extendable output; its first 32 bytes equal `finalize()`.
    public func finalizeXOF() -> Blake3OutputReader {
        Blake3OutputReader(output: rootOutput())
    }
}
