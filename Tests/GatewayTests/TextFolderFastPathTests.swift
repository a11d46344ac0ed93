// TextFolder's ASCII fast path ([UInt8] input) must fold exactly as the general loop does
// (any other collection), including whitespace runs that straddle the first non-ASCII byte.
import Testing
@testable import Gateway

@Suite struct TextFolderFastPathTests {
    @Test func fastPathAgreesWithGeneralLoop() {
        let pieces: [[UInt8]] = [Array("Ign0re  ".utf8), Array(" \t\n".utf8), [0x00, 0x07, 0x7F],
                                 Array("ＡＢ".utf8), Array("\u{200B}".utf8), Array("é ".utf8), [0xC3], [0xFF, 0x80],
                                 Array("PREVIOUS".utf8), Array("\u{00A0}".utf8), Array("x".utf8)]
        var rng: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2000 {
            var input: [UInt8] = []
            rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17
            for _ in 0..<Int(rng % 8) {
                rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17
                input += pieces[Int(rng % UInt64(pieces.count))]
            }
            var fast: [UInt8] = [42]  // appends after existing content
            var general: [UInt8] = [42]
            TextFolder.fold(input, into: &fast)
            TextFolder.fold(input[...], into: &general)
            #expect(fast == general, "input \(input)")
        }
    }
}
