// DecodeHints' 16-byte block step must agree with the byte-by-byte classification on every input:
// each byte value at each block position, runs straddling block edges, and random mixtures.
import Testing
@testable import Gateway

@Suite struct DecodeHintsTests {
    @Test func everyByteAtEveryPositionAgrees() {
        var mismatches: [String] = []
        for filler in [UInt8(97), 46] {  // inside a base64 run ('a') and among separators ('.')
            for b in UInt8(0)...255 {
                for position in 0..<40 {
                    var input = [UInt8](repeating: filler, count: 40)
                    input[position] = b
                    if DecodeHints(input) != DecodeHints.byBytes(input) { mismatches.append("\(filler) \(b) @\(position)") }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(8))")
    }

    /// Runs just below, at and above the minimum, starting at every offset around the block edges.
    @Test func runsAcrossBlockEdges() {
        for length in (DecodeHints.minRun - 2)...(DecodeHints.minRun + 2) {
            for start in 0..<34 {
                var input = [UInt8](repeating: 32, count: 64)
                for k in start..<(start + length) { input[k] = 65 }
                let hints = DecodeHints(input)
                #expect(hints == DecodeHints.byBytes(input))
                #expect(hints.longRun == (length >= DecodeHints.minRun), "run of \(length) at \(start)")
            }
        }
    }

    @Test func randomMixturesAgree() {
        // Base64 bytes, separators, the escape introducers, and bytes ≥ 0x80 whose low seven bits
        // are base64 letters or escape introducers ('A' | 0x80, '%' | 0x80, '&' | 0x80).
        let alphabet: [UInt8] = Array("Az09+/-_=".utf8) + [32, 46, 58, 37, 92, 38, 0xC1, 0xA5, 0xA6, 0xE2, 0x80]
        var rng: UInt64 = 0x0DDB_1A5E_5BAD_5EED
        func next() -> UInt64 { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng }
        for _ in 0..<5000 {
            let length = Int(next() % 120)
            let weights = next()  // per text: mostly base64 or mostly separators
            var input: [UInt8] = []
            for _ in 0..<length {
                let r = next()
                let k = r % 8 < weights % 8 ? Int((r >> 8) % 9) : 9 + Int((r >> 16) % UInt64(alphabet.count - 9))
                input.append(alphabet[k])
            }
            #expect(DecodeHints(input) == DecodeHints.byBytes(input), "input \(input)")
        }
    }
}
