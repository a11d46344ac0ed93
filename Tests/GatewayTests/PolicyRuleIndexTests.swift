// The per-tool rule index must never drop a rule that could match: for a tool the policy names, the
// rules whose tool conditions (positive, negated, lists, regexes) hold for it; for any other tool,
// every rule without a positive tool equality/list, tested per call. File order is kept.
import Testing
@testable import Gateway

@Suite struct PolicyRuleIndexTests {
    static let text = """
    default allow
    rule "a" deny
      when tool == fs_read and args.path == "/a"
      because "a"
    rule "any" deny
      when args.path == "/any"
      because "any"
    rule "not-read" deny
      when not tool == fs_read and args.path == "/n"
      because "n"
    rule "list" deny
      when tool in [fs_write, fs_read, 7] and args.path == "/l"
      because "l"
    rule "re" deny
      when tool regex "^ext_" and args.path == "/r"
      because "r"
    """

    @Test func candidatesKeepFileOrderAndUnrestrictedRules() throws {
        let policy = try Policy.parse(Self.text)
        let index = PolicyRuleIndex(policy.rules)
        func names(_ tool: String) -> [String] { index.candidates(tool).map { policy.rules[$0].name } }
        #expect(names("fs_read") == ["a", "any", "list"])          // not-read and re cannot hold for it
        #expect(names("fs_write") == ["any", "not-read", "list"])
        #expect(names("ext_pay") == ["any", "not-read", "re"])     // not named: tool conditions per call
        #expect(names("FS_READ") == ["any", "not-read", "re"])
    }

    @Test func verdictsForToolsTheIndexSkips() throws {
        let layer = PolicyLayer(policy: try Policy.parse(Self.text))
        func rule(_ tool: String, _ path: String) throws -> String? {
            layer.decidingRule(ToolCall(tool: tool, arguments: try JSONParser.parse(#"{"path":"\#(path)"}"#),
                                        agent: AgentIdentity(name: "t", tier: .aiNative), context: CallContext(userIntent: "")))
        }
        #expect(try rule("fs_read", "/a") == "a")
        #expect(try rule("fs_write", "/a") == nil)
        #expect(try rule("ext_x", "/any") == "any")
        #expect(try rule("ext_x", "/n") == "not-read")
        #expect(try rule("fs_read", "/n") == nil)
        #expect(try rule("fs_read", "/l") == "list")
        #expect(try rule("ext_x", "/r") == "re")
        #expect(try rule("fs_read", "/r") == nil)
        #expect(try rule("FS_READ", "/n") == "not-read")
        #expect(try rule("FS_READ", "/a") == nil)
    }

    /// The index's decisions equal evaluating every rule's conditions in full, tool by tool.
    @Test func indexedVerdictsEqualUnindexedEvaluation() throws {
        let policy = try Policy.parse(Self.text + """

        rule "not-listed" deny
          when not tool in [fs_read, fs_write] and args.path == "/x"
          because "x"
        rule "regex-and-eq" deny
          when tool regex "_read$" and tool == fs_read and args.path == "/y"
          because "y"
        """)
        let layer = PolicyLayer(policy: policy)
        for tool in ["fs_read", "fs_write", "ext_pay", "ext_read", "\u{212A}s_read", ""] {
            for path in ["/a", "/any", "/n", "/l", "/r", "/x", "/y", "/none"] {
                let call = ToolCall(tool: tool, arguments: .object([("path", .string(path))]),
                                    agent: AgentIdentity(name: "t", tier: .aiNative))
                let naive = policy.rules.first { rule in
                    rule.conditions.allSatisfy { c in
                        let v: JSONValue? = c.subject == .tool ? .string(tool) : PolicyLayer.lookup(call.arguments, ["path"])
                        return (v.map { c.matcher.matches($0) } ?? false) != c.negated
                    }
                }
                #expect(layer.decidingRule(call) == naive?.name, "\(tool) \(path)")
            }
        }
    }
}
