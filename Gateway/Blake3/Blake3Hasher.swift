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
    /// Runs of 17 or more whole chunks go 16 at a time through the AVX-512 kernel (Blake3Wide).
    var wide: Bool

    init(key: SIMD8<UInt32>, flags: UInt32, wide: Bool = Blake3Wide.avx512Enabled) {
        self.chunk = Blake3ChunkState(key: key, chunkCounter: 0, flags: flags)
        self.key = key
        self.flags = flags
        self.stack = InlineArray(repeating: .zero)
        self.stackCount = 0
        self.wide = wide
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
                // sixteen (AVX-512) or up to four at once.
                var counter = chunk.chunkCounter
                while n > Blake3Constants.chunkLength {
                    let available = (n &- 1) / Blake3Constants.chunkLength
                    var hashed: Int
                    if wide && available >= Blake3Wide.lanes && counter % UInt64(Blake3Wide.lanes) == 0 {
                        // The largest aligned power-of-two subtree that fits (§5.3): 16 chunks at a time,
                        // then its parents 16 at a time, one CV pushed at its level.
                        hashed = Blake3Wide.lanes
                        while hashed &* 2 <= min(available, Blake3Wide.maxSubtreeChunks)
                                && counter % UInt64(hashed &* 2) == 0 { hashed &*= 2 }
                        pushSubtreeCV(hashSubtreeWide(p, chunks: hashed, counter: counter),
                                      chunks: hashed, totalChunks: counter &+ UInt64(hashed))
                    } else {
                        var whole = min(Blake3Parallel.lanes, available)
                        if wide && available >= Blake3Wide.lanes {   // step to the next 16-chunk boundary
                            whole = min(whole, Blake3Wide.lanes &- Int(counter % UInt64(Blake3Wide.lanes)))
                        }
                        if whole >= Blake3Parallel.minChunks {
                            let cvs = hashChunks4(p, count: whole, key: key, counter: counter, flags: flags)
                            for j in 0..<whole { pushChunkCV(cvs.cv(j), totalChunks: counter &+ UInt64(j &+ 1)) }
                            hashed = whole
                        } else {
                            pushChunkCV(hashFullChunk(p, key: key, counter: counter, flags: flags), totalChunks: counter &+ 1)
                            hashed = 1
                        }
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

    /// The CV of the complete subtree of `chunks` (16…Blake3Wide.maxSubtreeChunks, a power of two) whole
    /// chunks at `p`, chunk counters from `counter`: the chunks sixteen at a time with the AVX-512
    /// kernel, then each level of parents sixteen at a time, reduced in place (the last few row-wise).
    @inline(never)
    func hashSubtreeWide(_ p: UnsafeRawPointer, chunks: Int, counter: UInt64) -> SIMD8<UInt32> {
        var keyWords = InlineArray<8, UInt32>(repeating: 0)
        for i in 0..<8 { keyWords[i] = key[i] }
        var cvs = InlineArray<2048, UInt32>(repeating: 0)   // 8 words × Blake3Wide.maxSubtreeChunks
        return withUnsafePointer(to: &keyWords) { kp in
            withUnsafeMutablePointer(to: &cvs) { op in
                let k = UnsafeRawPointer(kp).assumingMemoryBound(to: UInt32.self)
                let words = UnsafeMutableRawPointer(op).assumingMemoryBound(to: UInt32.self)
                var g = 0
                while g < chunks {   // CV of chunk c at words[8c…8c+7]
                    blake3AVX512Hash16(p + g &* Blake3Constants.chunkLength, k, counter &+ UInt64(g), flags, words + 8 &* g)
                    g &+= Blake3Wide.lanes
                }
                // Parent i of a level = CVs 2i, 2i+1 = the 64 bytes at words[16i…]; it goes to words[8i…].
                var count = chunks
                while count > 1 {
                    let parents = count / 2
                    if parents >= Blake3Wide.minParentBatch {
                        var i = 0
                        while i < parents {   // a last batch of 8 reads and writes stale words past `count`
                            blake3AVX512Parents16(words + 16 &* i, k, flags, words + 8 &* i)
                            i &+= Blake3Wide.lanes
                        }
                    } else {
                        for i in 0..<parents {
                            let l = words + 16 &* i, r = l + 8
                            let cv = Blake3Output.parent(left: SIMD8(l[0], l[1], l[2], l[3], l[4], l[5], l[6], l[7]),
                                                         right: SIMD8(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]),
                                                         key: key, flags: flags).chainingValue()
                            for w in 0..<8 { words[8 &* i &+ w] = cv[w] }
                        }
                    }
                    count = parents
                }
                return SIMD8(words[0], words[1], words[2], words[3], words[4], words[5], words[6], words[7])
            }
        }
    }

    /// Adds the CV of a complete subtree of `chunks` (a power of two) chunks that ends at chunk number
    /// `totalChunks` (a multiple of `chunks`): the stack holds no smaller subtree, so it merges like one
    /// chunk at that level.
    @inline(__always)
    mutating func pushSubtreeCV(_ cv: SIMD8<UInt32>, chunks: Int, totalChunks: UInt64) {
        pushChunkCV(cv, totalChunks: totalChunks >> UInt64(chunks.trailingZeroBitCount))
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
