// The sixteen-lane AVX-512 chunk kernel (Gateway/Blake3AVX512, switched by Blake3Wide) against the
// row-wise path: 16…600 chunks (subtrees of 16…256 chunks, parents reduced 16 at a time), whole or
// with a partial last chunk, all three modes, XOF output, unaligned starts (chunk counters not a
// multiple of 16), every lane; and the CPU-feature parsing that decides whether it may run.
import Foundation
import Testing
@testable import Blake3

/// The host's /proc/cpuinfo flags line ("" if unreadable).
func hostCPUFlags() -> String {
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return "" }
    return String(line.split(separator: ":", maxSplits: 1).last ?? "")
}

let hostHasAVX512 = Blake3Wide.supportsAVX512(cpuinfoFlags: hostCPUFlags())
let noAVX512 = "this CPU lacks AVX-512 F/CD/BW/DQ/VL: the 16-lane kernel cannot run here"

/// A hasher of each mode that takes the 16-lane path.
func wideModeHashers() -> [Blake3Hasher] {
    modeHashers().map { var h = $0; h.wide = true; return h }
}

@Test func avx512NeedsAllFiveFeatures() {
    let all = "fpu sse2 avx2 avx512f avx512dq avx512cd avx512bw avx512vl avx512_vnni"
    #expect(Blake3Wide.supportsAVX512(cpuinfoFlags: all))
    for missing in ["avx512f", "avx512dq", "avx512cd", "avx512bw", "avx512vl"] {
        let flags = all.split(separator: " ").filter { $0 != missing }.joined(separator: " ")
        #expect(!Blake3Wide.supportsAVX512(cpuinfoFlags: flags), "without \(missing)")
    }
    #expect(!Blake3Wide.supportsAVX512(cpuinfoFlags: "avx512fx avx512dq avx512cd avx512bw avx512vl"))
    #expect(!Blake3Wide.supportsAVX512(cpuinfoFlags: ""))
}

@Test(.enabled(if: hostHasAVX512, Comment(rawValue: noAVX512)),
      arguments: [16, 17, 18, 31, 32, 33, 48, 100, 256, 257, 600], [0, 1, 512])
func widePathMatchesRowWise(chunks: Int, tail: Int) {
    let bytes = patternBytes(chunks * Blake3Constants.chunkLength + tail)
    for (mode, base) in wideModeHashers().enumerated() {
        var wide = base
        wide.update(bytes)
        var rowWise = base
        absorbRowWise(&rowWise, bytes)
        #expect(wide.finalize() == rowWise.finalize(), "mode \(mode), \(chunks) chunks + \(tail)")
        var a = wide.finalizeXOF()
        var b = rowWise.finalizeXOF()
        #expect(a.read(count: 200) == b.read(count: 200), "XOF, mode \(mode), \(chunks) chunks + \(tail)")
    }
}

/// A first update ending mid-chunk shifts every later chunk counter, including past 2^32 chunks'
/// worth of low bits: the lanes must carry the counters.
@Test(.enabled(if: hostHasAVX512, Comment(rawValue: noAVX512)),
      arguments: [1, 1023, 1025, 5 * 1024 + 7, 17 * 1024, 250 * 1024 + 3])
func widePathAfterAPartialUpdate(head: Int) {
    let bytes = patternBytes(head + 300 * Blake3Constants.chunkLength + 300)
    var split = Blake3Hasher()
    split.wide = true
    split.update(Array(bytes[..<head]))
    split.update(Array(bytes[head...]))
    var rowWise = Blake3Hasher()
    absorbRowWise(&rowWise, bytes)
    #expect(split.finalize() == rowWise.finalize(), "head \(head)")
}

/// Every one of the sixteen lanes is its own chunk: flipping a byte in chunk j changes the digest to
/// the row-wise digest of the changed input.
@Test(.enabled(if: hostHasAVX512, Comment(rawValue: noAVX512)))
func everyWideLaneContributes() {
    var bytes = patternBytes(17 * Blake3Constants.chunkLength)
    var reference = Blake3Hasher()
    reference.wide = true
    reference.update(bytes)
    for j in 0..<16 {
        let i = j * Blake3Constants.chunkLength + 64 * (j % 16) + 3
        bytes[i] ^= 0x01
        var wide = Blake3Hasher()
        wide.wide = true
        wide.update(bytes)
        var rowWise = Blake3Hasher()
        absorbRowWise(&rowWise, bytes)
        #expect(wide.finalize() != reference.finalize(), "lane \(j)")
        #expect(wide.finalize() == rowWise.finalize(), "lane \(j)")
        bytes[i] ^= 0x01
    }
}
