// The policy language: parsing, every matcher, rule order semantics, directives, and errors with
// their line and column.
import Testing
@testable import Gateway

private func pcall(_ tool: String, _ json: String, tier: TrustTier = .aiNative, agent: String = "agent-a",
                   intent: String = "") throws -> ToolCall {
    ToolCall(tool: tool, arguments: try JSONParser.parse(json), agent: AgentIdentity(name: agent, tier: tier),
             context: CallContext(userIntent: intent))
}

private func layer(_ text: String) throws -> PolicyLayer { PolicyLayer(policy: try Policy.parse(text)) }

private func parseError(_ text: String) -> PolicyParseError? {
    do {
        _ = try Policy.parse(text)
        return nil
    } catch {
        return error
    }
}

@Suite struct PolicyTests {
    // MARK: Evaluation order

    @Test func firstDecisiveRuleWins() throws {
        let l = try layer("""
            default deny
            rule "tmp-ok" allow when tool == fs_delete and args.path under "/tmp" because "scratch space"
            rule "no-delete" deny when tool == fs_delete because "deleting is not allowed"
            rule "reads" allow when tool in [fs_read, fs_list] because "reading is fine"
            """)
        #expect(l.evaluate(try pcall("fs_delete", #"{"path":"/tmp/x"}"#)) == .pass)
        #expect(l.evaluate(try pcall("fs_delete", #"{"path":"/home/x"}"#))
                == .deny(reason: "rule \"no-delete\": deleting is not allowed"))
        #expect(l.evaluate(try pcall("fs_read", #"{"path":"/a"}"#)) == .pass)
        #expect(l.evaluate(try pcall("kv_get", #"{"key":"a"}"#))
                == .deny(reason: "no policy rule allows this call (default deny)"))
        #expect(l.decidingRule(try pcall("fs_delete", #"{"path":"/tmp/../etc/x"}"#)) == "no-delete")
    }

    @Test func defaultIsDenyWhenAbsent() throws {
        let l = try layer(#"rule "r" allow when tool == clock_now because "harmless""#)
        #expect(l.evaluate(try pcall("clock_now", "{}")) == .pass)
        #expect(l.evaluate(try pcall("fs_read", #"{"path":"/a"}"#)) != .pass)
    }

    @Test func requireTierDeniesLowerTiersAndOtherwiseContinues() throws {
        let l = try layer("""
            default allow
            rule "exec" require-tier system when tool == proc_exec because "programs need system"
            rule "no-rm" deny when tool == proc_exec and args.command == rm because "no rm"
            """)
        #expect(l.evaluate(try pcall("proc_exec", #"{"command":"ls"}"#, tier: .aiNative))
                == .deny(reason: "rule \"exec\" requires tier system, agent has ai-native: programs need system"))
        #expect(l.evaluate(try pcall("proc_exec", #"{"command":"ls"}"#, tier: .system)) == .pass)
        #expect(l.evaluate(try pcall("proc_exec", #"{"command":"rm"}"#, tier: .system))
                == .deny(reason: "rule \"no-rm\": no rm"))
    }

    // MARK: Matchers

    @Test func globPrefixSuffixContains() throws {
        let l = try layer("""
            default allow
            rule "g" deny when args.path glob "/etc/*.conf" because "g"
            rule "gg" deny when args.path glob "/srv/**/secret?" because "gg"
            rule "p" deny when args.path prefix "/boot/" because "p"
            rule "s" deny when args.path suffix ".pem" because "s"
            rule "c" deny when args.path contains "id_rsa" because "c"
            """)
        func d(_ path: String) throws -> String? { l.decidingRule(try pcall("fs_read", #"{"path":"\#(path)"}"#)) }
        #expect(try d("/etc/nginx.conf") == "g")
        #expect(try d("/etc/nginx/nginx.conf") == nil)  // '*' stops at '/'
        #expect(try d("/srv/a/b/secret1") == "gg")
        #expect(try d("/srv/secret12") == nil)
        #expect(try d("/boot/vmlinuz") == "p")
        #expect(try d("/home/a/key.pem") == "s")
        #expect(try d("/home/a/.ssh/id_rsa.pub") == "c")
        #expect(try d("/home/a/readme") == nil)
    }

    @Test func regexAndNegation() throws {
        let l = try layer("""
            default allow
            rule "secret-env" deny when tool == env_get and args.name regex "(?i)(key|token|secret)" and not args.name == PUBLIC_KEY_ID because "secrets"
            """)
        #expect(l.decidingRule(try pcall("env_get", #"{"name":"GITHUB_TOKEN"}"#)) == "secret-env")
        #expect(l.decidingRule(try pcall("env_get", #"{"name":"api_key"}"#)) == "secret-env")
        #expect(l.decidingRule(try pcall("env_get", #"{"name":"PUBLIC_KEY_ID"}"#)) == nil)
        #expect(l.decidingRule(try pcall("env_get", #"{"name":"HOME"}"#)) == nil)
    }

    @Test func cidrOnURLsAndBareAddresses() throws {
        let l = try layer("""
            default allow
            rule "v4" deny when args.* cidr "10.0.0.0/8" because "v4"
            rule "v6" deny when args.* cidr "fc00::/7" because "v6"
            """)
        func d(_ json: String) throws -> String? { l.decidingRule(try pcall("http_fetch", json)) }
        #expect(try d(#"{"url":"http://10.2.3.4:8080/x"}"#) == "v4")
        #expect(try d(#"{"url":"http://user@0x0a000001/"}"#) == "v4")  // inet_aton form in a URL
        #expect(try d(#"{"host":"10.9.9.9"}"#) == "v4")
        #expect(try d(#"{"host":"10.9.9.9:22"}"#) == "v4")
        #expect(try d(#"{"url":"http://[fd00::1]:80/"}"#) == "v6")
        #expect(try d(#"{"url":"http://11.0.0.1/"}"#) == nil)
        #expect(try d(#"{"port":167772161}"#) == nil)  // numbers are never addresses
        #expect(try d(#"{"note":"167772161"}"#) == nil)  // nor bare integers outside URLs
    }

    @Test func hostGlobIsCaseInsensitive() throws {
        let l = try layer(#"default allow rule "h" deny when args.url host "{*.evil.example,evil.example}" because "h""#)
        #expect(l.decidingRule(try pcall("http_fetch", #"{"url":"https://A.EVIL.example/x"}"#)) == "h")
        #expect(l.decidingRule(try pcall("http_fetch", #"{"url":"https://evil.example:443"}"#)) == "h")
        #expect(l.decidingRule(try pcall("http_fetch", #"{"url":"https://notevil.example/"}"#)) == nil)
    }

    @Test func underNormalizesPaths() throws {
        let l = try layer(#"default allow rule "u" deny when args.path under "/etc" because "u""#)
        func d(_ p: String) throws -> String? { l.decidingRule(try pcall("fs_read", #"{"path":"\#(p)"}"#)) }
        #expect(try d("/etc") == "u")
        #expect(try d("//etc/./shadow") == "u")
        #expect(try d("/tmp/../etc/shadow") == "u")
        #expect(try d("/../../etc/passwd") == "u")  // '..' is clamped at '/'
        #expect(try d("/etcetera/x") == nil)
        #expect(try d("etc/shadow") == nil)  // relative paths are not under an absolute directory
    }

    @Test func numbersEqualityListsExistsAndArrays() throws {
        let l = try layer("""
            default allow
            rule "big" deny when tool == random_bytes and args.count > 1024 because "big"
            rule "port" deny when args.port in [22, 25] because "port"
            rule "flag" deny when args.recursive == true and args.path != "/tmp" because "flag"
            rule "has-body" deny when args.body exists and args.method == GET because "body"
            rule "any-attachment" deny when args.attachments suffix ".exe" because "att"
            rule "idx" deny when args.to.1 == "x@evil.example" because "idx"
            """)
        #expect(l.decidingRule(try pcall("random_bytes", #"{"count":4096}"#)) == "big")
        #expect(l.decidingRule(try pcall("random_bytes", #"{"count":1024}"#)) == nil)
        #expect(l.decidingRule(try pcall("net_send", #"{"port":22}"#)) == "port")
        #expect(l.decidingRule(try pcall("net_send", #"{"port":"22"}"#)) == nil)  // a string is not the number 22
        #expect(l.decidingRule(try pcall("fs_delete", #"{"path":"/home","recursive":true}"#)) == "flag")
        #expect(l.decidingRule(try pcall("fs_delete", #"{"path":"/home","recursive":false}"#)) == nil)
        #expect(l.decidingRule(try pcall("http_fetch", #"{"method":"GET","body":"x"}"#)) == "has-body")
        #expect(l.decidingRule(try pcall("http_fetch", #"{"method":"GET"}"#)) == nil)
        #expect(l.decidingRule(try pcall("mail", #"{"attachments":["a.pdf","b.exe"]}"#)) == "any-attachment")
        #expect(l.decidingRule(try pcall("mail", #"{"to":["a@b.c","x@evil.example"]}"#)) == "idx")
    }

    @Test func subjectsToolAgentTierIntent() throws {
        let l = try layer("""
            default allow
            rule "t" deny when tier < ai-native and tool glob "fs_*" because "t"
            rule "a" deny when agent == "intruder" because "a"
            rule "i" deny when context.user_intent contains "wipe" because "i"
            """)
        #expect(l.decidingRule(try pcall("fs_read", "{}", tier: .classic)) == "t")
        #expect(l.decidingRule(try pcall("fs_read", "{}", tier: .aiNative)) == nil)
        #expect(l.decidingRule(try pcall("kv_get", "{}", agent: "intruder")) == "a")
        #expect(l.decidingRule(try pcall("kv_get", "{}", intent: "wipe the disk")) == "i")
    }

    @Test func missingFieldsNeverMatchButNegationDoes() throws {
        let l = try layer(#"default allow rule "n" deny when tool == fs_read and not args.path prefix "/home/" because "outside home""#)
        #expect(l.decidingRule(try pcall("fs_read", #"{"path":"/home/a"}"#)) == nil)
        #expect(l.decidingRule(try pcall("fs_read", #"{"path":"/etc/a"}"#)) == "n")
        #expect(l.decidingRule(try pcall("fs_read", "{}")) == "n")
    }

    // MARK: Directives

    @Test func configurationDirectives() throws {
        let p = try Policy.parse("""
            agent "mcp-client" tier ai-enhanced
            agent "*" tier classic
            probelogits tools [fs_write, "proc_exec"]
            probelogits threshold 0.7
            probelogits design likelihood
            rate-limit agent "*" 100 per minute burst 20
            rate-limit tool "proc_exec" 5 per second
            rate-limit agent "bot" tool "proc_exec" 1 per hour burst 2
            """)
        #expect(p.tier(forAgent: "mcp-client") == .aiEnhanced)
        #expect(p.tier(forAgent: "other") == .classic)
        #expect(p.probeLogitsApplies(to: "proc_exec") == true)
        #expect(p.probeLogitsApplies(to: "fs_read") == false)
        #expect(p.probeLogitsThreshold == 0.7)
        #expect(p.probeLogitsDesign == .likelihood)
        #expect(Policy().probeLogitsDesign == nil)
        #expect(p.rateLimit(agent: "x", tool: "proc_exec") == RateLimitRule(agent: nil, tool: "proc_exec", count: 5, periodSeconds: 1, burst: 5))
        #expect(p.rateLimit(agent: "bot", tool: "proc_exec")?.periodSeconds == 3600)
        #expect(p.rateLimit(agent: "x", tool: "fs_read") == nil)
        #expect(p.agentRateLimit(agent: "x") == RateLimitRule(agent: nil, tool: nil, count: 100, periodSeconds: 60, burst: 20))
        #expect(p.defaultAllows == false)
        #expect(Policy().probeLogitsApplies(to: "x") == nil)
    }

    // MARK: Parse errors (line, column, message)

    @Test(arguments: [
        ("rule \"a\" allow because", 1, 23, "expected the reason (a quoted string), found end of policy"),
        ("default allow\nrule \"a\" permit because \"x\"", 2, 10, "expected an effect (allow, deny, require-tier <tier>) after the rule name, found 'permit'"),
        ("rule \"a\" deny when tool == x", 1, 29, "expected 'because' (every rule ends with: because \"reason\"), found end of policy"),
        ("\n\n  bogus", 3, 3, "unknown statement 'bogus' (expected rule, default, agent, rate-limit, probelogits)"),
        ("rule \"a\" deny when args.path glob \"/x\nbecause \"y\"", 1, 35, "unterminated string"),
        ("rule \"a\" deny when args.x regex \"(ab\" because \"r\"", 1, 33, "bad regex \"(ab\": unclosed '(' at pattern offset 0"),
        ("rule \"a\" deny when args.ip cidr \"10.1.0.0/8\" because \"r\"", 1, 33, "bad CIDR block \"10.1.0.0/8\" (address/prefix with no host bits set)"),
        ("rule \"a\" deny when tier >= admin because \"r\"", 1, 28, "expected a tier (classic, ai-enhanced, ai-native, system), found 'admin'"),
        ("rule \"a\" deny when args..x == 1 because \"r\"", 1, 20, "bad argument path 'args..x': empty segment or '*' inside a path (only 'args.*' alone)"),
        ("rule \"a\" deny when path == 1 because \"r\"", 1, 20, "unknown subject 'path' (expected tool, agent, tier, args.<path>, args.*, context.user_intent, agent.purpose)"),
        ("rule \"a\" deny when tool matches x because \"r\"", 1, 25, "expected a matcher (==, !=, <, <=, >, >=, in, exists, glob, host, prefix, suffix, contains, regex, under, cidr), found 'matches'"),
        ("rule \"a\" deny when tool in [] because \"r\"", 1, 29, "empty list"),
        ("rule \"a\" deny when tool in [a b] because \"r\"", 1, 31, "expected ',' or ']' in list, found 'b'"),
        ("rule \"a\" deny because \"x\"\nrule \"a\" allow because \"y\"", 2, 6, "duplicate rule name \"a\""),
        ("default allow\ndefault deny", 2, 1, "second 'default' statement"),
        ("probelogits threshold 1.5", 1, 23, "expected a threshold strictly between 0 and 1, found number 1.5"),
        ("probelogits threshold 0.5\nprobelogits threshold 0.9", 2, 1, "second 'probelogits threshold' statement"),
        ("probelogits design logits", 1, 20, "expected a probe design (verbalizer, likelihood), found 'logits'"),
        ("probelogits design verbalizer\nprobelogits design likelihood", 2, 1, "second 'probelogits design' statement"),
        ("probelogits model x", 1, 13, "expected 'tools', 'threshold' or 'design' after 'probelogits', found 'model'"),
        ("rate-limit tool \"x\" 0 per minute", 1, 21, "expected a call count (an integer ≥ 1), found number 0"),
        ("rate-limit tool \"x\" 5 per fortnight", 1, 27, "expected 'second', 'minute' or 'hour', found 'fortnight'"),
        ("agent \"a\" tier root", 1, 16, "expected a tier (classic, ai-enhanced, ai-native, system), found 'root'"),
        ("rule \"a\" deny when tool = x because \"r\"", 1, 25, "unexpected character '='"),
        ("rule \"a\" deny when args.n > 12abc because \"r\"", 1, 31, "unexpected 'a' after number 12"),
        ("rule \"a\" deny when args.p under \"tmp\" because \"r\"", 1, 33, "'under' needs an absolute directory"),
    ])
    func parseErrors(text: String, line: Int, column: Int, message: String) {
        let e = parseError(text)
        #expect(e == PolicyParseError(line: line, column: column, message: message), "\(text)")
    }

    @Test func errorDescriptionHasPosition() {
        #expect(parseError("\n  nope")?.description.hasPrefix("policy:2:3: ") == true)
    }

    @Test func commentsAndQuotesInStrings() throws {
        let l = try layer("""
            # a comment line
            default allow   # trailing comment
            rule "q" deny when args.s == "say \\"hi\\" # not a comment" because "quotes"
            rule "bs" deny when args.s regex "^a\\.b$" because "backslash kept for the regex"
            """)
        #expect(l.decidingRule(try pcall("x", #"{"s":"say \"hi\" # not a comment"}"#)) == "q")
        #expect(l.decidingRule(try pcall("x", #"{"s":"a.b"}"#)) == "bs")
        #expect(l.decidingRule(try pcall("x", #"{"s":"axb"}"#)) == nil)
    }

    @Test func limitsAreEnforced() {
        let huge = String(repeating: "#", count: PolicyLimits.maxPolicyBytes + 1)
        #expect(parseError(huge)?.message.contains("larger than") == true)
    }
}

/// String matchers compare UTF-8 bytes, not Unicode canonical equivalence: U+212A KELVIN SIGN is
/// canonically "K" and U+00E9 is canonically "e" + U+0301, but they are other bytes (another tool,
/// another file), so `==`, `in`, `prefix`, `suffix` and `under` must not treat them as equal.
@Test func stringMatchersCompareBytes() throws {
    let policy = try Policy.parse("""
        default allow
        rule "no-kubectl" deny
          when tool == KubectlApply
          because "no"
        rule "listed" deny
          when tool in [KubectlDelete]
          because "no"
        rule "cafe-prefix" deny
          when tool == fs_read and args.path prefix "/srv/caf\u{E9}"
          because "no"
        rule "cafe-suffix" deny
          when tool == fs_stat and args.path suffix "caf\u{E9}"
          because "no"
        """)
    let layer = PolicyLayer(policy: policy)
    func rule(_ tool: String, _ args: JSONValue = .object([])) -> String? {
        layer.decidingRule(ToolCall(tool: tool, arguments: args, agent: AgentIdentity(name: "a", tier: .aiNative)))
    }
    #expect("\u{212A}ubectlApply" == "KubectlApply")
    #expect(rule("KubectlApply") == "no-kubectl")
    #expect(rule("\u{212A}ubectlApply") == nil)
    #expect(rule("KubectlDelete") == "listed")
    #expect(rule("\u{212A}ubectlDelete") == nil)
    #expect(rule("fs_read", .object([("path", .string("/srv/caf\u{E9}/menu"))])) == "cafe-prefix")
    #expect(rule("fs_read", .object([("path", .string("/srv/cafe\u{301}/menu"))])) == nil)
    #expect(rule("fs_stat", .object([("path", .string("/srv/caf\u{E9}"))])) == "cafe-suffix")
    #expect(rule("fs_stat", .object([("path", .string("/srv/cafe\u{301}"))])) == nil)
    #expect(rule("fs_stat", .object([("path", .string("af\u{E9}"))])) == nil)
}

@Test func inListsMatchStringsByBytesAndNumbersByValue() throws {
    let policy = try Policy.parse("""
        default allow
        rule "listed" deny
          when args.v in [sh, "caf\u{E9}", 22, true, "", "/bin/sh"]
          because "no"
        rule "not-listed" deny
          when tool == log_write and not args.level in [info, warn]
          because "no"
        """)
    let layer = PolicyLayer(policy: policy)
    func rule(_ v: JSONValue, tool: String = "proc_exec") -> String? {
        layer.decidingRule(ToolCall(tool: tool, arguments: .object([("v", v), ("level", v)]),
                                    agent: AgentIdentity(name: "a", tier: .aiNative)))
    }
    for listed: JSONValue in [.string("sh"), .string("caf\u{E9}"), .string(""), .string("/bin/sh"),
                              .number(text: "22", value: 22), .number(text: "22.0", value: 22), .bool(true)] {
        #expect(rule(listed) == "listed", "\(listed)")
    }
    for other: JSONValue in [.string("cafe\u{301}"), .string("SH"), .string("sh "), .string("22"),
                             .number(text: "23", value: 23), .bool(false), .string("/bin/s")] {
        #expect(rule(other) == nil, "\(other)")
    }
    #expect(rule(.string("debug"), tool: "log_write") == "not-listed")
    #expect(rule(.string("warn"), tool: "log_write") == nil)
}

@Test func byteMatchersHandleEdges() {
    #expect(UTF8Bytes.equal("", ""))
    #expect(!UTF8Bytes.equal("a", ""))
    #expect(UTF8Bytes.hasPrefix("abc", "") && UTF8Bytes.hasPrefix("abc", "abc") && !UTF8Bytes.hasPrefix("ab", "abc"))
    #expect(UTF8Bytes.hasSuffix("abc", "") && UTF8Bytes.hasSuffix("abc", "bc") && !UTF8Bytes.hasSuffix("bc", "abc"))
    #expect(UTF8Bytes.contains("abc", "") && UTF8Bytes.contains("aab", "ab") && !UTF8Bytes.contains("ab", "abc"))
    #expect(UTF8Bytes.contains("x-----BEGIN", "-----BEGIN") && !UTF8Bytes.contains("----BEGI", "-----BEGIN"))
    #expect(UTF8Bytes.hasPrefix("/srv/a", "/srv", then: 47) && !UTF8Bytes.hasPrefix("/srv", "/srv", then: 47))
    #expect(!UTF8Bytes.hasPrefix("/srvx/a", "/srv", then: 47))
    // A long (heap) string against a short (inline) one, and non-ASCII bytes.
    let long = String(repeating: "\u{E9}", count: 40)
    #expect(UTF8Bytes.hasPrefix(long + "z", long) && UTF8Bytes.hasSuffix("z" + long, long) && UTF8Bytes.equal(long, long + ""))
    #expect(!UTF8Bytes.equal(long, String(repeating: "e\u{301}", count: 40)))
}
