// Tests of the linear-time regex engine used by schema patterns.
import Testing
@testable import Gateway

private func m(_ p: String, _ s: String) throws -> Bool { try LinearRegex(p).matches(s) }

@Test func regexLiteralsAndSearch() throws {
    #expect(try m("abc", "xxabcxx"))
    #expect(try !m("abd", "xxabcxx"))
    #expect(try m("", "anything"))
    #expect(try m("^abc$", "abc"))
    #expect(try !m("^abc$", "abcd"))
    #expect(try !m("^abc", "xabc"))
}

@Test func regexClassesAndQuantifiers() throws {
    #expect(try m("^[a-z0-9_-]{1,8}$", "ab_9-z"))
    #expect(try !m("^[a-z0-9_-]{1,8}$", "abcdefghi"))
    #expect(try !m("^[a-z]+$", "abC"))
    #expect(try m("^[^/]+$", "file.txt"))
    #expect(try !m("^[^/]+$", "a/b"))
    #expect(try m("^\\d{3}-\\d{4}$", "555-1234"))
    #expect(try m("^a(b|cd)*e?$", "abcdbcd"))
    #expect(try !m("^a(b|cd)*e?$", "abce e"))
    #expect(try m("^https?://[^\\s]+$", "https://example.org/x"))
    #expect(try !m("^https?://[^\\s]+$", "ftp://example.org"))
    #expect(try m("^(?:ab){2,}$", "ababab"))
    #expect(try !m("^(?:ab){2,}$", "ab"))
    #expect(try m("^\\.\\*$", ".*"))
    #expect(try m("^.\u{e9}.$", "a\u{e9}\u{1F600}"))
}

@Test func regexIsLinearOnPathologicalInput() throws {
    // (a*)*b against a long run of a's is exponential for backtrackers; here it is one pass.
    let r = try LinearRegex("^(a*)*b$")
    #expect(!r.matches(String(repeating: "a", count: 5000)))
    #expect(try m("^(a|aa)+$", String(repeating: "a", count: 3000)))
}

@Test func regexRejectsBadPatterns() {
    for bad in ["(", "a)", "[abc", "*a", "a{3,1}", "\\q", "[z-a]", "a{1000}", "(?=x)"] {
        #expect(throws: RegexError.self, "\(bad)") { _ = try LinearRegex(bad) }
    }
}
