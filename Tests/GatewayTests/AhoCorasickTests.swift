// Aho–Corasick against naive substring search: every occurrence (pattern, end position) is reported
// exactly once, overlaps and patterns inside other patterns included, with and without case folding.
import Testing
@testable import Gateway

@Suite struct AhoCorasickTests {
    /// (pattern index, end) of every occurrence, in the automaton's report order.
    private func occurrences(_ ac: AhoCorasick, _ text: [UInt8]) -> [[Int]] {
        var found: [[Int]] = []
        ac.scan(text) { index, end in
            found.append([index, end])
            return false
        }
        return found
    }

    /// The same by brute force; duplicate patterns report their first index, as the automaton does.
    private func naive(_ patterns: [[UInt8]], _ text: [UInt8], folding: Bool) -> [[Int]] {
        let fold = { (b: UInt8) -> UInt8 in folding && b >= 65 && b <= 90 ? b + 32 : b }
        var found: [[Int]] = []
        for (i, p) in patterns.enumerated() where patterns.firstIndex(of: p) == i {
            guard p.count <= text.count else { continue }
            for start in 0...(text.count - p.count) where (0..<p.count).allSatisfy({ fold(text[start + $0]) == p[$0] }) {
                found.append([i, start + p.count])
            }
        }
        return found
    }

    @Test(arguments: [false, true])
    func reportsEveryOccurrenceExactlyOnce(folding: Bool) {
        var rng: UInt64 = folding ? 0x5EED_0FCA_5E00 : 0x0AC0_5EED
        func next() -> UInt64 { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng }
        let patternAlphabet = Array("abc".utf8)
        let textAlphabet = Array((folding ? "abcABx" : "abcx").utf8)
        for _ in 0..<300 {
            var patterns: [[UInt8]] = []
            for _ in 0..<(1 + Int(next() % 6)) {
                patterns.append((0..<(1 + Int(next() % 4))).map { _ in patternAlphabet[Int(next() % 3)] })
            }
            let text = (0..<Int(next() % 40)).map { _ in textAlphabet[Int(next() % UInt64(textAlphabet.count))] }
            let ac = AhoCorasick(patterns: patterns, foldingASCIICase: folding)
            let got = occurrences(ac, text).sorted { ($0[1], $0[0]) < ($1[1], $1[0]) }
            let want = naive(patterns, text, folding: folding).sorted { ($0[1], $0[0]) < ($1[1], $1[0]) }
            #expect(got == want, "patterns \(patterns) text \(text)")
        }
    }

    @Test func stopsAtTheFirstAcceptedOccurrence() {
        let ac = AhoCorasick(patterns: [Array("ab".utf8), Array("b".utf8)])
        var seen: [[Int]] = []
        let stopped = ac.scan(Array("xabab".utf8)) { index, end in
            seen.append([index, end])
            return index == 1
        }
        #expect(stopped)
        #expect(seen == [[0, 3], [1, 3]])
    }
}
