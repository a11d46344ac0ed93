// The required-literal gate of Regex: the needles extracted from a pattern must occur in every
// match (so gating never changes an answer), and must be selective enough to be worth a pass.
import Testing
@testable import Gateway

private func needles(_ pattern: String) throws -> [String]? {
    try Regex(pattern).gate?.needles.map { String(decoding: $0, as: UTF8.self) }.sorted()
}

@Suite struct RegexLiteralsTests {
    static let secretPattern =
        "-----BEGIN [A-Z ]*PRIVATE KEY-----|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36}|xox[baprs]-[A-Za-z0-9-]{10,}|sk-[A-Za-z0-9]{32,}"

    @Test func extractsTheMostSelectiveLiterals() throws {
        #expect(try needles("abc") == ["abc"])
        #expect(try needles("(?i)HeLLo") == ["hello"])
        #expect(try needles("a{3}b") == ["aaab"])
        #expect(try needles("x(ab){2,}") == ["abab"])  // two copies beat the one-byte "x"
        #expect(try needles("(^|/)(id_rsa|id_dsa)(\\.pub)?$") == ["id_dsa", "id_rsa"])
        // Alternatives: one set per branch, classes expanded, optional parts dropped.
        #expect(try needles(Self.secretPattern) == [
            "akia", "gho_", "ghp_", "ghr_", "ghs_", "ghu_", "private key-----", "sk-",
            "xoxa-", "xoxb-", "xoxp-", "xoxr-", "xoxs-",
        ])
        // The longer of two literal runs around an unknown part.
        #expect(try needles("ab.*cdef") == ["cdef"])
        #expect(try needles("ab[^x]+cdef[0-9]{4}") == ["cdef"])
    }

    @Test func noGateWithoutAUsefulNeedle() throws {
        #expect(try needles("a*") == nil)  // matches the empty string
        #expect(try needles("^x$") == nil)  // one byte
        #expect(try needles("foo|ba*r") == nil)  // a branch needs only one byte
        #expect(try needles("(foo)?bar|baz") == ["bar", "baz"])
        #expect(try needles("[a-z]{3}") == nil)  // a class too large to enumerate
        #expect(try needles("[^ab]cd") == ["cd"])
        #expect(try needles("^$|q") == nil)
    }

    /// Texts made of the pattern's own needles (in both cases), its characters and literal runs, filler and a
    /// non-ASCII scalar, so that the gate both passes and rejects, and matches occur.
    static func texts(for re: Regex, count: Int) -> [String] {
        let needles = (re.gate?.needles ?? []).map { String(decoding: $0, as: UTF8.self) }
        var pieces = needles + needles.map { $0.uppercased() }
        pieces += re.pattern.unicodeScalars.filter { $0.value < 0x80 }.map { String($0) }
        // The pattern's literal runs ("bar" of "(foo)?bar"), so optional parts can be left out.
        pieces += re.pattern.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init)
        pieces += ["a", "Z", "0", "7", " ", "/", "-", "_", "é", "\n", "ABCDEFGHIJKLMNOP", "abcdefghijklmnopqrstuvwxyz0123456789"]
        var rng: UInt64 = 0x9E37_79B9_7F4A_7C15
        var out: [String] = []
        for _ in 0..<count {
            rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17
            var text = ""
            for _ in 0..<Int(rng % 8) {
                rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17
                text += pieces[Int(rng % UInt64(pieces.count))]
            }
            out.append(text)
        }
        return out
    }

    @Test func gatedSearchAgreesWithTheUngatedNFA() throws {
        let patterns = try RegexFastPathTests.constitutionPatterns() + RegexFastPathTests.edgePatterns + [
            Self.secretPattern, "a[ab]{11}b", "(?i)drop\\s+table", "ab.*cdef", "x(ab){2,}", "(foo)?bar|baz", "é+x",
        ]
        var gated = 0, rejected = 0, matched = 0
        for pattern in patterns {
            let re = try Regex(pattern)
            if re.gate != nil { gated += 1 }
            for text in Self.texts(for: re, count: 300) {
                let answer = re.matchesByScalars(text)
                #expect(re.matches(text) == answer, "pattern \(pattern) on \(text.debugDescription)")
                if answer { matched += 1 }
                // Soundness of the gate itself (matches() consults it only off the DFA path).
                if let gate = re.gate {
                    var t = text
                    let passes = t.withUTF8 { gate.mayMatch($0) }
                    #expect(passes || !answer, "gate of \(pattern) rejects its match \(text.debugDescription)")
                    if !passes { rejected += 1 }
                }
            }
        }
        #expect(gated >= 10 && rejected > 1000 && matched > 1000, "gated \(gated) rejected \(rejected) matched \(matched)")
    }

    @Test func secretShapesStillMatchThroughTheGate() throws {
        let re = try Regex(Self.secretPattern)
        #expect(re.dfa == nil, "the pattern this gate exists for has no DFA")
        #expect(re.matches("aws_key = AKIAABCDEFGHIJKLMNOP;"))
        #expect(re.matches("token ghp_" + String(repeating: "x9", count: 18)))
        #expect(re.matches("-----BEGIN RSA PRIVATE KEY-----\nMIIE"))
        #expect(re.matches("é sk-" + String(repeating: "a", count: 32)))
        #expect(!re.matches("akiaabcdefghijklmnop"))  // needle present (case-folded), no match
        #expect(!re.matches("nothing secret here, just a path /home/user/notes.txt"))
    }
}
