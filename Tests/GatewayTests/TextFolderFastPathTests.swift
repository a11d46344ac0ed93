// TextFolder's ASCII fast path ([UInt8] input: 16-byte blocks, then byte by byte) must fold exactly
// as the general loop does (any other collection), including whitespace runs that straddle a block
// boundary or the first non-ASCII byte.
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

    /// Every ASCII byte at every position of a 40-byte text (blocks at 0, 16 and the per-byte tail),
    /// alone, after a space and before a space.
    @Test func everyASCIIByteAtEveryBlockPosition() {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN".utf8)
        var mismatches = 0
        for b in UInt8(0)...127 {
            for position in letters.indices {
                for neighbour in [-1, 0, 1] {
                    var input = letters
                    input[position] = b
                    let k = position + neighbour
                    if neighbour != 0, k >= 0, k < input.count { input[k] = 32 }
                    var fast: [UInt8] = []
                    var general: [UInt8] = []
                    TextFolder.fold(input, into: &fast)
                    TextFolder.fold(input[...], into: &general)
                    if fast != general { mismatches += 1 }
                }
            }
        }
        #expect(mismatches == 0)
    }

    /// Long random texts drawn mostly from the classes the block test separates (letters of both
    /// cases, whitespace of every kind, controls, DEL), with rare non-ASCII bytes.
    @Test func longRandomTextsAgree() {
        let alphabet: [UInt8] = Array("aZ09 /-_.%&=+".utf8) + [9, 10, 11, 12, 13, 32, 32, 32, 0, 1, 8, 14, 31, 127]
        var rng: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> UInt64 { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng }
        for _ in 0..<3000 {
            let length = Int(next() % 200)
            var input: [UInt8] = []
            for _ in 0..<length {
                let r = next()
                input.append(r % 97 == 0 ? 0xC3 : alphabet[Int(r % UInt64(alphabet.count))])
            }
            var fast: [UInt8] = []
            var general: [UInt8] = []
            TextFolder.fold(input, into: &fast)
            TextFolder.fold(input[...], into: &general)
            #expect(fast == general, "input \(input)")
        }
    }
}
