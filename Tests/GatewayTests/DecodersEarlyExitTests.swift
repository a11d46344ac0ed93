// The pre-filter's early-exit decoders must answer exactly as "decode in full, then count printable
// bytes" (the reference below, the code they replaced) and, when they pass, leave exactly the full
// decoding; the candidate walk must visit the same pieces, in the same order, as the '/'-split it replaced.
import Testing
@testable import Gateway

/// The decode-then-check definitions the early-exit decoders must agree with.
enum ReferenceDecoders {
    static func isMostlyPrintable(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.isEmpty { return false }
        let printable = bytes.filter { ($0 >= 32 && $0 < 127) || $0 == 9 || $0 == 10 || $0 == 13 }.count
        return printable * 100 >= bytes.count * PrefilterLimits.minPrintablePercent
    }

    static func base64Decode(_ run: ArraySlice<UInt8>, into out: inout [UInt8]) {
        var acc: UInt32 = 0
        var bits = 0
        for b in run {
            guard let v = Decoders.base64Value(b) else { continue }
            acc = acc << 6 | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: acc >> UInt32(bits)))
            }
        }
    }

    static func hexDecode(_ run: ArraySlice<UInt8>, into out: inout [UInt8]) {
        var k = run.startIndex
        while k + 1 < run.endIndex {
            if let h = Decoders.hexValue(run[k]), let l = Decoders.hexValue(run[k + 1]) { out.append(h << 4 | l) }
            k += 2
        }
    }
}

@Suite struct DecodersEarlyExitTests {
    struct Rng {
        var s: UInt64
        mutating func next() -> UInt64 { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_=".utf8)

    /// Base64 of mostly printable text with a few planted binary bytes, and pure alphabet noise:
    /// both sides of the 85 % threshold, and inputs right at it.
    static func base64Runs(_ rng: inout Rng, count: Int) -> [[UInt8]] {
        var runs: [[UInt8]] = []
        for _ in 0..<count {
            switch rng.below(3) {
            case 0:
                runs.append((0..<(16 + rng.below(80))).map { _ in base64Alphabet[rng.below(base64Alphabet.count)] })
            default:
                var plain = (0..<(8 + rng.below(60))).map { _ in UInt8(32 + rng.below(95)) }
                for _ in 0..<rng.below(plain.count / 4 + 1) { plain[rng.below(plain.count)] = UInt8(rng.below(32)) }
                runs.append(encode(plain))
            }
        }
        return runs
    }

    static func encode(_ bytes: [UInt8]) -> [UInt8] {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let chunk = Array(bytes[i..<min(i + 3, bytes.count)]) + [0, 0]
            let v = UInt32(chunk[0]) << 16 | UInt32(chunk[1]) << 8 | UInt32(chunk[2])
            let n = min(3, bytes.count - i) + 1
            for k in 0..<n { out.append(table[Int(v >> UInt32(18 - 6 * k) & 63)]) }
            i += 3
        }
        return out
    }

    @Test func base64AgreesWithDecodeThenCheck() {
        var rng = Rng(s: 0x5EED_0001)
        var passed = 0, failed = 0
        for run in DecodersEarlyExitTests.base64Runs(&rng, count: 3000) {
            var full: [UInt8] = [7]  // a non-empty prefix: the decoders append
            ReferenceDecoders.base64Decode(run[...], into: &full)
            let expected = ReferenceDecoders.isMostlyPrintable(full[1...])
            var early: [UInt8] = [7]
            let got = Decoders.base64DecodePrintable(run[...], into: &early)
            #expect(got == expected, "run \(String(decoding: run, as: UTF8.self))")
            if expected { #expect(early == full); passed += 1 } else { failed += 1 }
        }
        #expect(passed > 300 && failed > 300, "both verdicts exercised: \(passed) / \(failed)")
    }

    @Test func hexAgreesWithDecodeThenCheck() {
        var rng = Rng(s: 0x5EED_0002)
        let hex = Array("0123456789abcdefABCDEF".utf8)
        var passed = 0, failed = 0
        for _ in 0..<3000 {
            var run: [UInt8]
            if rng.below(2) == 0 {
                run = (0..<(2 * (8 + rng.below(40)))).map { _ in hex[rng.below(hex.count)] }
            } else {
                var plain = (0..<(8 + rng.below(40))).map { _ in UInt8(32 + rng.below(95)) }
                for _ in 0..<rng.below(plain.count / 4 + 1) { plain[rng.below(plain.count)] = UInt8(rng.below(32)) }
                run = plain.flatMap { b in [hex[Int(b >> 4)], hex[Int(b & 15)]] }
            }
            var full: [UInt8] = []
            ReferenceDecoders.hexDecode(run[...], into: &full)
            let expected = ReferenceDecoders.isMostlyPrintable(full[...])
            var early: [UInt8] = []
            #expect(Decoders.hexDecodePrintable(run[...], into: &early) == expected)
            if expected { #expect(early == full); passed += 1 } else { failed += 1 }
        }
        #expect(passed > 300 && failed > 300, "both verdicts exercised: \(passed) / \(failed)")
    }

    @Test func thresholdIsExact() {
        // 20 decoded bytes: 3 unprintable (85 %) pass, 4 (80 %) fail, wherever they sit.
        for bad in [3, 4] {
            for offset in [0, 8, 16] {
                var plain = [UInt8](repeating: 97, count: 20)
                for k in 0..<bad { plain[(offset + k) % 20] = 1 }
                var out: [UInt8] = []
                #expect(Decoders.base64DecodePrintable(DecodersEarlyExitTests.encode(plain)[...], into: &out) == (bad == 3))
            }
        }
    }

    /// The '/'-split the candidate walk replaced: the whole run, then every piece of ≥ minBase64Run bytes.
    static func referenceCandidates(_ bytes: [UInt8], _ lo: Int, _ hi: Int) -> [[Int]] {
        var out = [[lo, hi]]
        var start = lo
        for k in lo...hi where k == hi || bytes[k] == 47 {
            if k - start >= PrefilterLimits.minBase64Run, !(start == lo && k == hi) { out.append([start, k]) }
            start = k + 1
        }
        return out
    }

    @Test func candidatesMatchTheSplitAndStopEarly() {
        var rng = Rng(s: 0x5EED_0003)
        for _ in 0..<2000 {
            let n = 16 + rng.below(90)
            let bytes = (0..<n).map { _ in rng.below(6) == 0 ? UInt8(47) : UInt8(97 + rng.below(26)) }
            let lo = rng.below(4), hi = n - rng.below(4)
            var seen: [[Int]] = []
            _ = bytes.withUnsafeBufferPointer { buffer in
                Prefilter.forEachBase64Candidate(buffer, lo, hi) { a, b in seen.append([a, b]); return false }
            }
            let reference = DecodersEarlyExitTests.referenceCandidates(bytes, lo, hi)
            #expect(seen == reference)
            // Stopping at the k-th candidate visits exactly the first k.
            let stopAt = rng.below(reference.count) + 1
            var visited = 0
            let stopped = bytes.withUnsafeBufferPointer { buffer in
                Prefilter.forEachBase64Candidate(buffer, lo, hi) { _, _ in visited += 1; return visited == stopAt }
            }
            #expect(stopped && visited == stopAt)
        }
    }
}
