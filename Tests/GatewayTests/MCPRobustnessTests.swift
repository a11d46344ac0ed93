// Robustness of the MCP server against hostile input: random bytes and mutated valid messages must
// always get either no answer or exactly one valid JSON-RPC response line, and never reach a tool
// unless the message is a well-formed tools/call.
import Testing
@testable import Gateway

/// xorshift64*: deterministic, so a failure reproduces.
private struct Rng {
    var state: UInt64
    mutating func next() -> UInt64 {
        state ^= state >> 12; state ^= state << 25; state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

private let seeds = [
    #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hi"}}}"#,
    #"{"jsonrpc":"2.0","id":"a","method":"tools/list","params":{}}"#,
    #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
    #"[{"jsonrpc":"2.0","id":2,"method":"ping"},{"jsonrpc":"2.0","id":3,"method":"x"}]"#,
]

/// Checks one response: a JSON object (or, for batches, an array of objects) with jsonrpc 2.0 and
/// exactly one of result/error.
private func isValidResponse(_ out: [UInt8]) -> Bool {
    guard !out.contains(UInt8(ascii: "\n")), let v = try? JSONParser.parse(bytes: out) else { return false }
    func one(_ r: JSONValue) -> Bool {
        guard r["jsonrpc"] == .string("2.0"), r["id"] != nil else { return false }
        return (r["result"] == nil) != (r["error"] == nil)
    }
    if case .array(let items) = v { return !items.isEmpty && items.allSatisfy(one) }
    return one(v)
}

@Test func randomAndMutatedLinesAlwaysGetValidAnswers() {
    var rng = Rng(state: 0x9E37_79B9_7F4A_7C15)
    for version in ["2025-06-18", "2025-03-26"] {
        var server = initializedServer(version: version)
        for i in 0..<3000 {
            var line: [UInt8]
            if i % 3 == 0 {
                line = (0..<rng.below(64)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            } else {
                line = Array(seeds[rng.below(seeds.count)].utf8)
                let specials = Array("{}[]\",:0\\".utf8)
                for _ in 0..<(1 + rng.below(4)) where !line.isEmpty {
                    let at = rng.below(line.count)
                    switch rng.below(3) {
                    case 0: line[at] = UInt8(truncatingIfNeeded: rng.next())
                    case 1: line.remove(at: at)
                    default: line.insert(specials[rng.below(specials.count)], at: at)
                    }
                }
            }
            line.removeAll { $0 == UInt8(ascii: "\n") }
            if let out = server.handle(line: line) {
                #expect(isValidResponse(out), "bad response to \(line)")
            }
        }
        // Every call that reached the provider was a well-formed echo call with an object.
        for call in server.provider.calls {
            #expect(call.arguments.mcpIsObject)
        }
        // The session survived: a plain request still works.
        #expect(send(&server, #"{"jsonrpc":"2.0","id":"end","method":"ping"}"#)?["result"] == .object([]))
    }
}
