// The hooks AgentHost needs from its embedder: the single gateway entry point (`ToolGate`) and
// the outside world (`HostServices`: clocks, entropy, egress peer, external MCP tools). The
// kernel implements them over the TSC, RDRAND/RDSEED, the egress serial port and the MCP port.

import Gateway

/// The one gateway entry point every host call goes through before any side effect.
public protocol ToolGate {
    /// Decides one call and records the decision (audit); only `.allow` may be carried out.
    mutating func decide(_ call: ToolCall) -> Decision
}

/// The real gateway is a `ToolGate`.
extension GatewayPipeline: ToolGate {}

/// Why an allowed tool did not produce a result.
public enum ToolFailure: Error, Equatable, Sendable {
    /// The tool ran and failed (not found, quota, bad state): WARDEN_E_TOOL.
    case failed(code: String, message: String)
    /// The egress peer is absent or did not carry out the call: WARDEN_E_EGRESS.
    case egress(String)

    public var message: String {
        switch self {
        case .failed(let code, let message): return code + ": " + message
        case .egress(let message): return "egress: " + message
        }
    }
}

/// Everything outside the kernel's own state that tools reach.
public protocol HostServices {
    /// Wall-clock time, nanoseconds since the Unix epoch.
    mutating func wallNanoseconds() -> Int64
    /// Monotonic time, nanoseconds since boot.
    mutating func monotonicNanoseconds() -> UInt64
    /// Fills `buffer` with cryptographically random bytes.
    mutating func randomBytes(into buffer: inout [UInt8])
    /// Carries out an allowed network or exec tool (`http_fetch`, `net_send`, `proc_exec`) through
    /// the egress peer; `.egress` when no peer is attached (the kernel: `EgressClient` on COM3).
    mutating func egress(tool: String, arguments: JSONValue) throws(ToolFailure) -> JSONValue
    /// Forwards an allowed `mcp_call` to a registered external tool.
    mutating func mcpCall(server: String, tool: String, arguments: JSONValue) throws(ToolFailure) -> JSONValue
}

/// The egress hook over the real egress client: any `EgressPort` (the kernel's serial port).
extension EgressClient {
    /// Maps egress failures to the ABI: no peer / timeout → `.egress`, peer errors → `.failed`.
    public mutating func perform(tool: String, arguments: JSONValue) throws(ToolFailure) -> JSONValue {
        do {
            return try call(tool: tool, arguments: arguments)
        } catch {
            switch error {
            case .noPeer, .timeout, .protocolViolation: throw .egress(error.message)
            case .peer(let code, let message): throw .failed(code: code, message: message)
            case .invalidRequest(let m): throw .failed(code: "bad_arguments", message: m)
            }
        }
    }
}
