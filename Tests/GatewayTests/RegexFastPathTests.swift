// The ASCII byte search of Regex must answer exactly as the general scalar search: checked on
// every regex of the default constitution and a set of edge-case patterns, over dataset strings
// and pseudo-random ASCII texts drawn from the patterns' own characters.
import Foundation
import Testing
@testable import Gateway

@Suite struct RegexFastPathTests {
    static let edgePatterns = [
        "^abc$", "abc$", "^a|b$", "a*b", "x+", "(?i)HeLLo", "^(ab|cd)+$", "[^a-z]", ".", "a.c", "^$|q",
        "(^|/)x(/|$)", "\\s+z", "[A-Z]{2,3}[0-9]", "(?i)[a-f]+-", "a{0,2}b", "\\x1b\\[", "(?:^|[_./-])pay([_./-]|$)",
    ]

    /// The regex sources of every `regex "…"` condition in the default constitution.
    static func constitutionPatterns() throws -> [String] {
        guard let text = try? String(contentsOfFile: DatasetFiles.constitution, encoding: .utf8) else { return [] }
        var out: [String] = []
        for rule in try Policy.parse(text).rules {
            for c in rule.conditions { if case let .regex(re) = c.matcher { out.append(re.pattern) } }
        }
        return out
    }

    static func texts(for pattern: String, count: Int) -> [String] {
        var alphabet = Array(pattern.utf8.filter { $0 < 0x80 && $0 >= 0x20 })
        alphabet += Array("aZ09 /.-_\n\t".utf8)
        var rng: UInt64 = 0x2545_F491_4F6C_DD1D
        var out = ["", " ", "\n"]
        for _ in 0..<count {
            rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17
            let length = Int(rng % 40)
            var bytes: [UInt8] = []
            for _ in 0..<length {
                rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17
                bytes.append(alphabet[Int(rng % UInt64(alphabet.count))])
            }
            out.append(String(decoding: bytes, as: UTF8.self))
        }
        return out
    }

    @Test func asciiSearchAgreesWithScalarSearch() throws {
        let patterns = try Self.constitutionPatterns() + Self.edgePatterns
        #expect(patterns.count > Self.edgePatterns.count, "constitution regexes were not found")
        var datasetStrings: [String] = []
        for path in [DatasetFiles.bench, DatasetFiles.injecAgent] {
            guard let rows = try DatasetFiles.load(path) else { continue }
            for row in rows {
                datasetStrings.append(row.call.tool)
                PolicyLayerStrings.collect(row.call.arguments, into: &datasetStrings)
            }
        }
        var matched = 0
        var checked = 0
        for pattern in patterns {
            let re = try Regex(pattern)
            for text in Self.texts(for: pattern, count: 400) + datasetStrings {
                let fast = re.matches(text)
                #expect(fast == re.matchesByScalars(text), "pattern \(pattern) on \(text.debugDescription)")
                if fast { matched += 1 }
                checked += 1
            }
        }
        #expect(matched > 0 && matched < checked)
    }

    @Test func nonASCIITailFallsBackToScalars() throws {
        let re = try Regex("^ab.$")
        #expect(re.matches("abé"))
        #expect(!re.matches("abéé"))
        #expect(try Regex("a$").matches("éa"))
        #expect(!(try Regex("a$").matches("aé")))
    }
}

/// Every string value of a JSON value (keys excluded).
enum PolicyLayerStrings {
    static func collect(_ v: JSONValue, into out: inout [String]) {
        switch v {
        case let .string(s): out.append(s)
        case let .array(items): for i in items { collect(i, into: &out) }
        case let .object(members): for m in members { collect(m.value, into: &out) }
        default: break
        }
    }
}
