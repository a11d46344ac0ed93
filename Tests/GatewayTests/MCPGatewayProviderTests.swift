// GatewayToolProvider: MCP calls decided by the real gateway pipeline (catalogue, schema, tier, rate,
// pre-filter, ProbeLogits fail-closed) before the executor runs; denials carry layer and reason.
import Testing
@testable import Gateway

/// Records what it performs; `clock_now` answers, anything else fails.
struct RecordingExecutor: MCPToolExecutor {
    var performed: [(tool: String, agent: AgentIdentity)] = []
    mutating func perform(tool: String, arguments: JSONValue, agent: AgentIdentity) -> MCPToolExecution {
        performed.append((tool: tool, agent: agent))
        return tool == "clock_now" ? .output(#"{"ns":42}"#) : .failed("not available here")
    }
}

typealias TestProvider = GatewayToolProvider<StepClock, FixedModel, AdversarialLayer, PassLayer, RecordingSink, RecordingExecutor>

private func provider(p: Double = 0.0, tiers: MCPClientTiers = MCPClientTiers()) -> TestProvider {
    let pipeline = GatewayPipeline(clock: StepClock(), model: FixedModel(p: p), adversarial: AdversarialLayer(),
                                   policy: PassLayer(), sink: RecordingSink())
    return TestProvider(pipeline: pipeline, executor: RecordingExecutor(), tiers: tiers)
}

private let client = MCPClientInfo(name: "inspector", version: "0.9", protocolVersion: .v2025_06_18)

@Test func gatewayProviderListsTheCatalogue() {
    var p = provider()
    let tools = p.tools()
    #expect(tools.count == 15)
    #expect(tools.map(\.name).contains("fs_read") && tools.map(\.name).contains("mcp_call"))
    let fsRead = tools.first { $0.name == "fs_read" }
    #expect(fsRead?.inputSchema["type"] == .string("object"))
    #expect(fsRead?.inputSchema["required"] == .array([.string("path")]))
}

@Test func gatewayProviderPerformsAllowedCalls() {
    var p = provider()
    #expect(p.call(tool: "clock_now", arguments: .object([]), client: client) == .success(text: #"{"ns":42}"#))
    #expect(p.executor.performed.count == 1)
    #expect(p.executor.performed[0].agent == AgentIdentity(name: "mcp:inspector", tier: .aiEnhanced,
                                                           purpose: "MCP client inspector 0.9"))
    #expect(p.pipeline.sink.decisions.count == 1)
    #expect(p.lastDecision?.verdict == .allow)
}

@Test func gatewayProviderReportsTheDecidingLayer() throws {
    var p = provider(p: 0.9)
    // Layer 1: schema (missing required path).
    guard case .denied(.schema, _) = p.call(tool: "fs_read", arguments: .object([]), client: client) else {
        Issue.record("expected a schema denial"); return
    }
    // Layer 2: proc_exec needs the system tier; the client is ai-enhanced.
    guard case .denied(.trustTier, _) = p.call(tool: "proc_exec", arguments: try JSONParser.parse(#"{"command":"ls"}"#),
                                               client: client) else {
        Issue.record("expected a trust-tier denial"); return
    }
    // Layer 4: a credential path.
    guard case .denied(.adversarial, _) = p.call(tool: "fs_read", arguments: try JSONParser.parse(#"{"path":"/home/u/.ssh/id_rsa"}"#),
                                                 client: client) else {
        Issue.record("expected an adversarial denial"); return
    }
    // Layer 5: a gated tool with the model saying unsafe.
    guard case .denied(.probeLogits, let reason) = p.call(tool: "http_fetch",
                                                          arguments: try JSONParser.parse(#"{"url":"https://example.org/"}"#),
                                                          client: client) else {
        Issue.record("expected a probelogits denial"); return
    }
    #expect(reason.contains("P(unsafe)"))
    #expect(p.executor.performed.isEmpty, "no denied call may reach the executor")
    #expect(p.pipeline.sink.decisions.count == 4, "every decision is recorded")
}

@Test func gatewayProviderAuditsUnknownToolsAndReportsThem() {
    var p = provider()
    #expect(p.call(tool: "no_such_tool", arguments: .object([]), client: client) == .unknownTool)
    #expect(p.pipeline.sink.decisions.count == 1)
    #expect(p.pipeline.sink.decisions[0].decidingLayer == .schema)
}

@Test func gatewayProviderTurnsSinkFailureIntoInternalError() {
    var p = provider()
    p.pipeline.sink.fail = true
    guard case .internalError(let message) = p.call(tool: "clock_now", arguments: .object([]), client: client) else {
        Issue.record("expected an internal error"); return
    }
    #expect(message.contains("audit append failed"))
    #expect(p.executor.performed.isEmpty)
}

@Test func gatewayProviderMapsClientNamesToTiers() throws {
    var p = provider(tiers: MCPClientTiers(defaultTier: .classic, byName: [(name: "ops", tier: .system)]))
    let ops = MCPClientInfo(name: "ops", version: "1", protocolVersion: .v2025_03_26)
    _ = p.call(tool: "clock_now", arguments: .object([]), client: ops)
    _ = p.call(tool: "clock_now", arguments: .object([]), client: client)
    #expect(p.executor.performed.map(\.agent.tier) == [.system, .classic])
}

@Test func gatewayProviderServesAnMCPSession() {
    var server = MCPServer(provider: provider())
    _ = server.handle(line: Array(initializeLine(id: 1, version: "2025-06-18", client: "inspector").utf8))
    let out = server.handle(line: Array(#"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"proc_exec","arguments":{"command":"rm","args":["-rf","/"]}}}"#.utf8))
    let r = out.flatMap { try? JSONParser.parse(bytes: $0) }
    #expect(toolResult(r)?.isError == true)
    #expect(toolResult(r)?.text.hasPrefix("denied by layer 2 (trust-tier): ") == true)
}

@Test func clientTiersComeFromThePolicy() throws {
    let policy = try Policy.parse("""
        default allow
        agent "mcp-client" tier classic
        agent "mcp:ops" tier system
        agent "planner" tier ai-native
        """)
    let tiers = MCPClientTiers(policy: policy)
    #expect(tiers.defaultTier == .classic)
    #expect(tiers.tier(for: "ops") == .system)
    #expect(tiers.tier(for: "planner") == .classic, "only mcp:-prefixed agent lines name MCP clients")
    let wildcard = MCPClientTiers(policy: try Policy.parse("default allow\nagent \"*\" tier ai-native"))
    #expect(wildcard.defaultTier == .aiNative)
    #expect(MCPClientTiers(policy: try Policy.parse("default allow"), fallback: .aiEnhanced).defaultTier == .aiEnhanced)
}
