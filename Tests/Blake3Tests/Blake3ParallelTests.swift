// The four-lane multi-chunk path (Blake3Parallel.swift) against the row-wise path, at chunk-count
// boundaries: 1…17 chunks, whole or with a partial last chunk, in all three modes and in XOF output.
import Testing
@testable import Blake3

/// Input byte i = i mod 251, like the official vectors.
func patternBytes(_ count: Int) -> [UInt8] {
    (0..<count).map { UInt8($0 % 251) }
}

/// Feeds at most one chunk per update, so the hasher never takes the multi-chunk path: every block
/// goes through the row-wise compression of Blake3ChunkState.
func absorbRowWise(_ hasher: inout Blake3Hasher, _ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
        let end = min(offset + Blake3Constants.chunkLength, bytes.count)
        hasher.update(Array(bytes[offset..<end]))
        offset = end
    }
}

/// Three hashers, one per mode (§2.3).
func modeHashers() -> [Blake3Hasher] {
    let key = Blake3Digest(words: SIMD8(0x0302_0100, 0x0706_0504, 0x0B0A_0908, 0x0F0E_0D0C,
                                        0x1312_1110, 0x1716_1514, 0x1B1A_1918, 0x1F1E_1D1C))
    return [Blake3Hasher(), Blake3Hasher(key: key), Blake3Hasher(deriveKeyContext: "warden parallel test")]
}

let parallelChunkCounts = [1, 2, 3, 4, 5, 7, 8, 9, 16, 17]
/// Whole chunks, one byte more, and a half-full last chunk.
let parallelTails = [0, 1, 512]

@Test(arguments: parallelChunkCounts, parallelTails)
func parallelPathMatchesRowWise(chunks: Int, tail: Int) {
    let bytes = patternBytes(chunks * Blake3Constants.chunkLength + tail)
    for (mode, base) in modeHashers().enumerated() {
        var parallel = base
        parallel.update(bytes)
        var rowWise = base
        absorbRowWise(&rowWise, bytes)
        #expect(parallel.finalize() == rowWise.finalize(), "mode \(mode), \(chunks) chunks + \(tail)")
        // The XOF past the first block (root output blocks 1, 2) comes from the same root node.
        var a = parallel.finalizeXOF()
        var b = rowWise.finalizeXOF()
        #expect(a.read(count: 200) == b.read(count: 200), "XOF, mode \(mode), \(chunks) chunks + \(tail)")
    }
    if tail == 0 && chunks <= 1 { return }
    // The one-shot entry point agrees too (it takes the hasher for more than one chunk).
    var rowWise = Blake3Hasher()
    absorbRowWise(&rowWise, bytes)
    #expect(Blake3.hash(bytes) == rowWise.finalize())
}

/// A first update that ends mid-chunk shifts every later chunk counter: the lanes must carry them.
@Test(arguments: [1, 100, 1023, 1024, 1025, 3 * 1024 + 7])
func parallelPathAfterAPartialUpdate(head: Int) {
    let bytes = patternBytes(head + 9 * Blake3Constants.chunkLength + 300)
    var split = Blake3Hasher()
    split.update(Array(bytes[..<head]))
    split.update(Array(bytes[head...]))
    var rowWise = Blake3Hasher()
    absorbRowWise(&rowWise, bytes)
    #expect(split.finalize() == rowWise.finalize(), "head \(head)")
}

/// The four lanes really are independent chunks: changing one byte of chunk j (j = 0…3 of a
/// four-lane group) changes the digest, and restoring it restores the digest.
@Test func everyLaneContributes() {
    var bytes = patternBytes(5 * Blake3Constants.chunkLength)
    let reference = Blake3.hash(bytes)
    for j in 0..<4 {
        let i = j * Blake3Constants.chunkLength + 700
        bytes[i] ^= 0x80
        let changed = Blake3.hash(bytes)
        var rowWise = Blake3Hasher()
        absorbRowWise(&rowWise, bytes)
        #expect(changed != reference, "lane \(j)")
        #expect(changed == rowWise.finalize(), "lane \(j)")
        bytes[i] ^= 0x80
    }
    #expect(Blake3.hash(bytes) == reference)
}
