// Network and exec tools go only through the egress hook: over the real EgressClient with nothing
// attached to the port, an allowed http_fetch/net_send/proc_exec returns WARDEN_E_EGRESS (-5).

import Testing
@testable import Gateway
@testable import AgentHost

/// A serial port with no peer: swallows writes, never answers; time advances 1 ms per reading.
struct SilentPort: EgressPort {
    var written = 0
    var ms: UInt64 = 0
    mutating func write(_ bytes: [UInt8]) { written += bytes.count }
    mutating func read() -> UInt8? { nil }
    mutating func milliseconds() -> UInt64 { ms += 1; return ms }
    mutating func idle() {}
}

/// Host services whose egress hook is the real client on a silent port.
struct PortServices: HostServices {
    var egressClient = EgressClient(port: SilentPort())
    mutating func wallNanoseconds() -> Int64 { 0 }
    mutating func monotonicNanoseconds() -> UInt64 { 0 }
    mutating func randomBytes(into buffer: inout [UInt8]) {}
    mutating func egress(tool: String, arguments: JSONValue) throws(ToolFailure) -> JSONValue {
        try egressClient.perform(tool: tool, arguments: arguments)
    }
    mutating func mcpCall(server: String, tool: String, arguments: JSONValue) throws(ToolFailure) -> JSONValue {
        throw .failed(code: "unknown_tool", message: tool)
    }
}

struct EgressServiceTests {
    @Test func withNoPeerNetworkAndExecToolsFailWithTheEgressCode() {
        let system = AgentSystem(gate: SpyGate(verdict: .allow), services: PortServices())
        let agent = AgentManifest(name: "net", tier: .system)
        for (tool, args) in [(BuiltinTool.httpFetch, #"{"url":"https://example.com/"}"#),
                             (.netSend, #"{"host":"example.com","port":80,"data":"x"}"#),
                             (.procExec, #"{"command":"ls"}"#)] {
            guard case .error(let code, let text) = system.handle(tool: tool, arguments: Array(args.utf8), agent: agent) else {
                Issue.record("\(tool.name) must fail without a peer")
                continue
            }
            #expect(code == .egressUnavailable)
            #expect(text.contains("egress peer not attached"), "\(text)")
        }
        #expect(system.services.egressClient.port.written > 0, "the client did try the port (ping)")
        #expect(!system.services.egressClient.peerAttached)
    }
}
