// PathNormalizer (layer 6 `under`): the already-canonical shortcut versus the general code.
import Testing
@testable import Gateway

/// PathNormalizer's already-canonical shortcut must agree with the general normalization.
@Suite struct PathNormalizerFastPathTests {
    @Test func shortcutAgreesWithSegments() {
        let pieces = ["/", "a", ".", "..", "tmp", "//", "é", "x.y", "...", "\r\n"]
        var rng: UInt64 = 0x1234_5678_9ABC_DEF1
        var canonical = 0
        for _ in 0..<3000 {
            var path = ""
            rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17
            for _ in 0..<Int(rng % 7) {
                rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17
                path += pieces[Int(rng % UInt64(pieces.count))]
            }
            if PathNormalizer.isCanonicalASCII(path) { canonical += 1 }
            #expect(PathNormalizer.normalize(path) == PathNormalizer.normalizeBySegments(path), "path \(path.debugDescription)")
        }
        #expect(canonical > 0)
    }
}
