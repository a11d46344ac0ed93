// The kernel's composition, host-tested: serial bytes → MCPConnection → GatewayToolProvider →
// pipeline → an executor that forwards egress tools to EgressClient over a (fake) egress port.
import Testing
@testable import Gateway

/// What the kernel's executor does for egress tools; everything else is out of scope here.
struct EgressExecutor: MCPToolExecutor {
    var egress: EgressClient<FakeEgressPort>
    mutating func perform(tool: String, arguments: JSONValue, agent: AgentIdentity) -> MCPToolExecution {
        EgressProtocol.isEgressTool(tool) ? egress.execute(tool: tool, arguments: arguments) : .failed("not wired")
    }
}

@Test func serialBytesReachTheEgressPeerOnlyWhenAllowed() {
    let pipeline = GatewayPipeline(config: .noProbeLogits, clock: StepClock(), model: AbsentModel(),
                                   adversarial: AdversarialLayer(), policy: PassLayer(), sink: RecordingSink())
    let provider = GatewayToolProvider(pipeline: pipeline,
                                       executor: EgressExecutor(egress: EgressClient(port: FakeEgressPort(mode: .answer))),
                                       tiers: MCPClientTiers(defaultTier: .aiEnhanced, byName: [(name: "ops", tier: .system)]))
    var connection = MCPConnection(server: MCPServer(provider: provider, allowsReinitialize: true))
    var replies: [JSONValue] = []
    func feed(_ text: String) {
        for b in (text + "\r\n").utf8 {
            connection.receive(byte: b) { line in
                if let v = try? JSONParser.parse(bytes: Array(line.dropLast())) { replies.append(v) }
            }
        }
    }
    let exec = #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"proc_exec","arguments":{"command":"echo","args":["hi"]}}}"#
    feed(initializeLine(id: 1, version: "2025-06-18", client: "guest"))
    feed(exec)
    #expect(toolResult(replies.last)?.text.hasPrefix("denied by layer 2 (trust-tier)") == true)
    #expect(connection.server.provider.executor.egress.port.requests.isEmpty, "a denied call never reaches the egress port")
    // A new client on the same serial port (reconnect through the chardev) with the system tier.
    feed(initializeLine(id: 3, version: "2025-06-18", client: "ops"))
    feed(exec)
    #expect(toolResult(replies.last)?.isError == false)
    #expect(toolResult(replies.last)?.text == #"{"echo":{"command":"echo","args":["hi"]}}"#)
    let sent = connection.server.provider.executor.egress.port.requests
    #expect(sent.count == 2 && sent[0]["op"] == .string("ping") && sent[1]["tool"] == .string("proc_exec"))
    #expect(connection.server.provider.pipeline.sink.decisions.map(\.verdict) == [.deny, .allow])
}
