// ByteSearch's 16-byte step must find exactly the first occurrence a byte loop finds (bytes ≥ 0x80
// included: 0xBA is ':' with the high bit set), and the policy's host and IP-literal readers built on
// it must answer as the byte-by-byte code they replaced (kept below as the reference).
import Testing
@testable import Gateway

@Suite struct ByteSearchTests {
    struct Rng {
        var s: UInt64
        mutating func next() -> UInt64 { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    @Test func firstIndexAgreesWithALoop() {
        var rng = Rng(s: 0xB17E_5EA2)
        let alphabet: [UInt8] = [58, 0xBA, 47, 97, 0, 0x7F, 0x80, 0xFF, 58 | 0x40]
        for _ in 0..<3000 {
            let n = rng.below(70)
            let bytes = (0..<n).map { _ in rng.below(3) == 0 ? alphabet[rng.below(alphabet.count)] : UInt8(rng.below(256)) }
            let from = n == 0 ? 0 : rng.below(n + 1), to = from + rng.below(n - from + 1)
            for target: UInt8 in [58, 47, 0, 0x7F] {
                let expected = (from..<to).first { bytes[$0] == target }
                let got = bytes.withUnsafeBufferPointer { ByteSearch.firstIndex(of: target, in: $0, from: from, to: to) }
                #expect(got == expected, "\(bytes) \(from)..<\(to) byte \(target)")
            }
        }
    }

    /// The reader before ByteSearch: three byte loops.
    enum Reference {
        static func schemeSeparator(_ b: [UInt8]) -> Int? {
            var i = 0
            while i + 2 < b.count {
                if b[i] == 58, b[i + 1] == 47, b[i + 2] == 47 { return i }
                i += 1
            }
            return nil
        }

        static func hostRange(_ b: [UInt8]) -> Range<Int> {
            var lo = 0
            var hi = b.count
            if let schemeEnd = schemeSeparator(b) {
                lo = schemeEnd + 3
                if let stop = b[lo..<hi].firstIndex(where: { $0 == 47 || $0 == 63 || $0 == 35 || $0 == 92 }) { hi = stop }
                if let at = b[lo..<hi].lastIndex(of: 64) { lo = at + 1 }
            }
            if lo < hi, b[lo] == 91, let close = b[lo..<hi].firstIndex(of: 93) { return (lo + 1)..<close }
            var colons = 0
            var colon = hi
            for k in lo..<hi where b[k] == 58 {
                colons += 1
                if colon == hi { colon = k }
            }
            if colons == 1 { hi = colon }
            if hi > lo, b[hi - 1] == 46 { hi -= 1 }
            return lo..<hi
        }

        static func ipLiteral(_ b: [UInt8]) -> IPAddress? {
            let h = b[hostRange(b)]
            if h.contains(58) { return IPAddress.parseV6(h) }
            return schemeSeparator(b) != nil ? IPAddress.parseLenientV4(h) : IPAddress.parseDottedQuad(h)
        }
    }

    @Test func hostAndAddressReadersAgreeWithTheByteLoops() {
        var rng = Rng(s: 0x0A11_CE55)
        let pieces = ["http://", "https://", "ftp:", "://", ":", "::", "::1", "[", "]", "[::1]", "@", "/", "?", "#", "\\",
                      ".", "127.0.0.1", "10.1.2.3", "0x7f000001", "0251.0376.0251.0376", "fe80::1", ":8080", "user:pw@",
                      "example.com", "localhost", "ä", "\u{3A}\u{FF1A}", String(repeating: "body text ", count: 5)]
        var addresses = 0
        for _ in 0..<6000 {
            var s = ""
            for _ in 0..<(1 + rng.below(6)) { s += pieces[rng.below(pieces.count)] }
            let bytes = Array(s.utf8)
            let range = bytes.withUnsafeBufferPointer { PolicyMatcher.hostRange($0) }
            #expect(range == Reference.hostRange(bytes), "\(s)")
            let literal = PolicyMatcher.ipLiteral(in: s)
            #expect(literal == Reference.ipLiteral(bytes), "\(s)")
            if literal != nil { addresses += 1 }
        }
        #expect(addresses > 200, "address literals exercised: \(addresses)")
    }
}
