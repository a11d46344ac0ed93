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
    let specials: [String] = ["\"", "\\", "\n", "\u{01}", "\u{1F}", "\t", "é", "\u{7F}", " ", "~"]
    for length in [0, 1, 7, 8, 9, 15, 16, 17, 31] {
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
