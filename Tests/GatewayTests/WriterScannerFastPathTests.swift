// The word-at-a-time paths of the canonical string writer, the UTF-16 key order and the
// pre-filter's ':' search must agree with their byte-by-byte definitions at every offset.
import Testing
@testable import Gateway

/// RFC 8785 string escaping, one byte at a time (the definition `writeString` must match).
private func referenceEscaped(_ s: String) -> [UInt8] {
    var out: [UInt8] = [0x22]
    for b in s.utf8 {
        if b >= 0x20 && b != 0x22 && b != 0x5C { out.append(b) } else { JSONWriter.writeEscape(b, into: &out) }
    }
    out.append(0x22)
    return out
}

@Test func stringWriterMatchesByteDefinitionAtEveryOffset() {
    let specials: [String] = ["\"", "\\", "é", "\u{7F}", " ", "~", "!", "#", "[", "]", "\u{A2}", "\u{5C22}"]
        + (0..<32).map { String(UnicodeScalar(UInt8($0))) }
    for length in [0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47] {
        for position in 0..<max(length, 1) {
            for sp in specials {
                var s = String(repeating: "a", count: length)
                if length > 0 {
                    var chars = Array(s)
                    chars[position] = Character(sp)
                    s = String(chars)
                }
                var out: [UInt8] = []
                JSONWriter.writeString(s, into: &out)
                #expect(out == referenceEscaped(s), "\(s.debugDescription)")
            }
        }
    }
}

@Test func keyOrderMatchesUTF16Definition() {
    let keys = ["", "a", "b", "ab", "a\u{7F}", "é", "\u{FFFD}", "\u{1F600}", "\u{E000}", "Z", "a\u{1F600}", "a\u{E000}"]
    for x in keys {
        for y in keys {
            #expect(JSONWriter.utf16Less(x, y) == JSONWriter.utf16LessByCodeUnits(x, y), "\(x.debugDescription) < \(y.debugDescription)")
        }
    }
}

/// Canonical member order (eight-byte prefixes, insertion sort up to 16 members, the library sort
/// above) against sorting by the UTF-16 definition: keys share long prefixes, hold NUL and
/// non-ASCII scalars, and objects have 0 to 40 members.
@Test func canonicalMemberOrderMatchesUTF16Definition() {
    let stems = ["", "a", "abcdefgh", "abcdefghi", "abcdefgh\u{0}", "abcdefg\u{E9}", "\u{E000}", "\u{1F600}", "B", "ab\u{0}c"]
    var rng: UInt64 = 0x1234_5678_9ABC_DEF1
    func next() -> UInt64 { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng }
    for _ in 0..<400 {
        var keys: [String] = []
        let count = Int(next() % 41)
        while keys.count < count {
            let key = stems[Int(next() % UInt64(stems.count))] + stems[Int(next() % UInt64(stems.count))]
                + String(next() % 3 == 0 ? "" : "\(next() % 5)")
            if !keys.contains(key) { keys.append(key) }
        }
        var out: [UInt8] = []
        JSONWriter.canonical(.object(keys.map { (key: $0, value: .null) }), into: &out)
        var expected: [UInt8] = []
        JSONWriter.compact(.object(keys.sorted(by: JSONWriter.utf16LessByCodeUnits).map { (key: $0, value: .null) }),
                           into: &expected)
        #expect(out == expected, "\(keys.map(\.debugDescription))")
    }
}

@Test func colonSearchFindsFirstColonAtEveryOffset() {
    for length in 0..<20 {
        for position in 0...length {
            var text = [UInt8](repeating: 0x2F, count: length)
            if position < length { text[position] = 58 }
            for from in 0...length {
                let expected = (from...length).first { $0 == length || text[$0] == 58 }!
                #expect(AddressScanner.nextColon(text, from: from) == expected)
            }
        }
    }
}
