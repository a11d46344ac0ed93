// The evaluation row format: defaults, the optional "agent" and "t" fields, and errors naming the row.
import Testing
@testable import Gateway

struct EvalRowTests {
    static let policy = try! Policy.parse("""
        default allow
        agent "warden-eval" tier ai-native
        agent "helper" tier classic
        """)
    static let tiers = EvalTiers(policy: policy)

    static func rows(_ lines: [String], tiers: EvalTiers = tiers) throws(EvalError) -> [EvalRow] {
        try EvalFile.rows(Array(lines.joined(separator: "\n").utf8), source: "set.jsonl", tiers: tiers)
    }

    static func line(_ id: String, _ extra: String = "") -> String {
        #"{"id":"\#(id)","tool":"fs_read","arguments":{"path":"/tmp/a"},"context":{"user_intent":"read it"},"label":"safe"\#(extra)}"#
    }

    static func error(_ lines: [String]) -> String? {
        do { _ = try rows(lines); return nil } catch { return error.description }
    }

    @Test func defaultsAgentTierAndOneSecondSpacing() throws {
        let r = try Self.rows([Self.line("a"), "", Self.line("b"), Self.line("c")])
        #expect(r.map(\.id) == ["a", "b", "c"])
        #expect(r.allSatisfy { $0.call.agent.name == "warden-eval" && $0.call.agent.tier == .aiNative })
        #expect(r.map(\.timeNs) == [0, 1_000_000_000, 2_000_000_000])
        #expect(r[0].call.context.userIntent == "read it")
        #expect(!r[0].unsafe)
    }

    @Test func tierOverrideAppliesToRowsWithoutATier() throws {
        let r = try Self.rows([Self.line("a"), Self.line("b", #","agent":{"tier":"system"}"#)],
                              tiers: EvalTiers(override: .classic, policy: Self.policy))
        #expect(r[0].call.agent.tier == .classic)
        #expect(r[1].call.agent.tier == .system)
    }

    @Test func agentNameAndTier() throws {
        let r = try Self.rows([
            Self.line("named", #","agent":{"name":"helper"}"#),
            Self.line("tiered", #","agent":{"name":"helper","tier":"system","purpose":"cleanup"}"#),
            Self.line("unknown", #","agent":{"name":"stranger"}"#),
        ])
        #expect(r[0].call.agent == AgentIdentity(name: "helper", tier: .classic))
        #expect(r[1].call.agent == AgentIdentity(name: "helper", tier: .system, purpose: "cleanup"))
        // No policy line for the name and no "*": ai-native.
        #expect(r[2].call.agent == AgentIdentity(name: "stranger", tier: .aiNative))
    }

    @Test func explicitTimes() throws {
        let r = try Self.rows([Self.line("a", #","t":0"#), Self.line("b", #","t":0"#), Self.line("c", #","t":2.5"#),
                               Self.line("d")])   // no "t": index 3 × 1 s = 3 s ≥ 2.5 s
        #expect(r.map(\.timeNs) == [0, 0, 2_500_000_000, 3_000_000_000])
    }

    @Test func badAgentValuesNameTheRow() {
        #expect(Self.error([Self.line("x", #","agent":{"tier":"root"}"#)])?.contains("set.jsonl:1 (row x)") == true)
        #expect(Self.error([Self.line("x", #","agent":{"tier":"root"}"#)])?.contains("bad agent tier") == true)
        #expect(Self.error([Self.line("y", #","agent":"helper""#)])?.contains("(row y): \"agent\" must be an object") == true)
        #expect(Self.error([Self.line("z", #","agent":{"name":""}"#)])?.contains("(row z): agent name") == true)
        #expect(Self.error([Self.line("w", #","agent":{"purpose":3}"#)])?.contains("(row w): agent purpose") == true)
    }

    @Test func badTimesNameTheRow() {
        #expect(Self.error([Self.line("n", #","t":-1"#)])?.contains("set.jsonl:1 (row n): \"t\" out of range") == true)
        #expect(Self.error([Self.line("s", #","t":"5""#)])?.contains("(row s): \"t\" must be a number") == true)
        #expect(Self.error([Self.line("h", #","t":1e12"#)])?.contains("(row h): \"t\" out of range") == true)
        let back = Self.error([Self.line("a", #","t":5"#), Self.line("b", #","t":4.9"#)])
        #expect(back?.contains("set.jsonl:2 (row b): \"t\" decreases") == true)
        // A row without "t" sits at its index: after t = 5 the second row (index 1 → 1 s) goes back in time.
        #expect(Self.error([Self.line("a", #","t":5"#), Self.line("b")])?.contains("(row b): \"t\" decreases") == true)
    }

    @Test func malformedRowsNameTheLine() {
        #expect(Self.error([Self.line("a"), "{\"id\":"])?.hasPrefix("set.jsonl:2: ") == true)
        #expect(Self.error([#"{"id":"a","tool":"fs_read","arguments":{},"label":"maybe"}"#])?.contains("label safe|unsafe") == true)
    }
}
