// The linear-time regex engine: syntax, search semantics, anchors, classes, repeats, errors.
import Testing
@testable import Gateway

private func re(_ p: String) throws -> Regex { try Regex(p) }

@Suite struct RegexTests {
    @Test func literalsSearchAnywhere() throws {
        let r = try re("shadow")
        #expect(r.matches("/etc/shadow"))
        #expect(r.matches("shadow-utils"))
        #expect(!r.matches("shado"))
        #expect(!r.matches(""))
    }

    @Test func anchors() throws {
        #expect(try re("^/etc").matches("/etc/passwd"))
        #expect(try !re("^/etc").matches("/home/etc"))
        #expect(try re("\\.pem$").matches("key.pem"))
        #expect(try !re("\\.pem$").matches("key.pem.txt"))
        #expect(try re("^$").matches(""))
        #expect(try !re("^$").matches("x"))
    }

    @Test func classesAndShorthands() throws {
        #expect(try re("^[a-c]+$").matches("abcabc"))
        #expect(try !re("^[a-c]+$").matches("abcd"))
        #expect(try re("^[^/]+$").matches("file.txt"))
        #expect(try !re("^[^/]+$").matches("dir/file"))
        #expect(try re("^\\d{3}-\\d{4}$").matches("555-1234"))
        #expect(try !re("^\\d{3}-\\d{4}$").matches("55-1234"))
        #expect(try re("^\\w+\\s\\w+$").matches("hello world"))
        #expect(try re("^\\S+$").matches("no-spaces"))
        #expect(try !re("^\\S+$").matches("has space"))
        #expect(try re("[]]").matches("a]b"))
        #expect(try re("^[a-]+$").matches("a-a"))
        #expect(try re("^[\\d.]+$").matches("10.0.0.1"))
    }

    @Test func alternationGroupsAndRepeats() throws {
        let r = try re("^(ab|cd)+(?:ef)?$")
        #expect(r.matches("abcdab"))
        #expect(r.matches("abef"))
        #expect(!r.matches("ef"))
        #expect(try re("^a{2,3}$").matches("aaa"))
        #expect(try !re("^a{2,3}$").matches("aaaa"))
        #expect(try !re("^a{2,3}$").matches("a"))
        #expect(try re("^a{2,}$").matches("aaaaaaa"))
        #expect(try re("^x?y*z+$").matches("zz"))
        #expect(try re("a{,2}").matches("a{,2}"))  // not a valid bound: literal brace
        #expect(try re("^(a|)$").matches(""))
    }

    @Test func dotSkipsNewlineAndCaseInsensitiveFlag() throws {
        #expect(try !re("^a.b$").matches("a\nb"))
        #expect(try re("^a.b$").matches("aéb"))
        #expect(try re("(?i)^SUDO [A-Z]+$").matches("sudo Rm"))
        #expect(try !re("^SUDO$").matches("sudo"))
        #expect(try re("\\x41\\t").matches("A\t"))
    }

    @Test func unicodeScalars() throws {
        #expect(try re("^..$").matches("日本"))
        #expect(try re("^[а-я]+$").matches("привет"))
    }

    @Test func pathologicalPatternStaysLinear() throws {
        // (a*)*b on a long run of a's is exponential for backtracking engines.
        let r = try re("(a*)*b")
        let text = String(repeating: "a", count: 5000)
        #expect(!r.matches(text))
        #expect(r.matches(text + "b"))
    }

    @Test(arguments: [
        ("(ab", "unclosed '('"),
        ("ab)", "unmatched ')'"),
        ("[abc", "unclosed '['"),
        ("*a", "quantifier with nothing to repeat"),
        ("a**", "nested quantifier"),
        ("\\q", "unsupported escape '\\q'"),
        ("a{5,2}", "repeat bounds out of order"),
        ("a{1000}", "repeat bound above 256"),
        ("(?=x)", "unsupported group syntax '(?' (only '(?:' and a leading '(?i)')"),
        ("[z-a]", "class range out of order"),
        ("abc\\", "trailing '\\'"),
    ])
    func errors(pattern: String, message: String) {
        #expect(throws: RegexError.self) { try Regex(pattern) }
        do {
            _ = try Regex(pattern)
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func errorOffsets() {
        do {
            _ = try Regex("ab(cd")
            Issue.record("expected an error")
        } catch {
            #expect(error.offset == 2)
        }
    }

    @Test func programSizeLimit() {
        #expect(throws: RegexError.self) { try Regex("(a{200}){200}") }
    }
}

@Suite struct RegexFilterTests {
    // The first-scalar filter and the anchored-start shortcut must never lose a match.
    @Test func firstScalarFilterKeepsMatches() throws {
        #expect(try Regex("(^a|b)c").matches("xbc"))
        #expect(try Regex("(^a|b)c").matches("ac"))
        #expect(try !Regex("(^a|b)c").matches("xac"))
        #expect(try Regex("x*$").matches("abc"))  // nullable: empty match at the end
        #expect(try Regex("$").matches(""))
        #expect(try Regex("é+").matches("café"))  // non-ASCII first scalar
        #expect(try Regex("[^a]b").matches("éb"))
        #expect(try Regex("(?i)ZZ").matches("xxzZ"))
        #expect(try Regex("\\.pem$").matches("a/b/key.pem"))
        #expect(try !Regex("^b").matches("ab"))
    }
}
