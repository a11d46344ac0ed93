// The per-tool rule index must never drop a rule that could match: rules naming the tool, rules
// naming no tool, negated tool conditions and tool regexes all stay candidates, in file order.
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
        #expect(names("fs_read") == ["a", "any", "not-read", "list", "re"])
        #expect(names("fs_write") == ["any", "not-read", "list", "re"])
        #expect(names("ext_pay") == ["any", "not-read", "re"])
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
    }
}
