// Test doubles: a stepping clock, scripted safety models, a recording sink, a keyword content layer.
@testable import Gateway

struct StepClock: MonotonicClock {
    var now: UInt64 = 1_000_000_000
    var step: UInt64 = 10
    mutating func nanoseconds() -> UInt64 { now += step; return now }
}

/// Returns `p` for every prompt and counts calls.
struct FixedModel: SafetyModel {
    var p: Double
    var calls = 0
    var lastQuery = ""
    var lastScored: ScoredCall? = nil
    var lastDesign: ProbeDesign? = nil
    var identity: String { "fixed" }
    mutating func unsafeProbability(_ prompt: SafetyPrompt) throws(ModelError) -> Double {
        calls += 1
        lastQuery = prompt.query
        lastScored = prompt.scored
        lastDesign = prompt.design
        return p
    }
}

struct FailingModel: SafetyModel {
    var identity: String { "failing" }
    mutating func unsafeProbability(_ prompt: SafetyPrompt) throws(ModelError) -> Double {
        throw .failed("context overflow")
    }
}

struct RecordingSink: DecisionSink {
    var decisions: [Decision] = []
    var hashes: [String] = []
    var fail = false
    mutating func record(_ call: ToolCall, _ decision: Decision, canonicalArguments: [UInt8]) -> SinkResult {
        if fail { return .failed("storage full") }
        decisions.append(decision)
        hashes.append(String(decoding: canonicalArguments, as: UTF8.self))
        return .recorded
    }
}

/// Denies any call whose canonical arguments contain `word`.
struct KeywordLayer: ContentLayer {
    var word: String
    func evaluate(_ call: ToolCall) -> LayerOutcome {
        JSONWriter.canonicalString(call.arguments).contains(word) ? .deny(reason: "keyword \(word)") : .pass
    }
}

func call(_ tool: String, _ args: String, tier: TrustTier = .system, agent: String = "agent-1",
          intent: String = "") throws -> ToolCall {
    ToolCall(tool: tool, arguments: try JSONParser.parse(args), agent: AgentIdentity(name: agent, tier: tier),
             context: CallContext(userIntent: intent))
}
