// The outside-world hooks of the agent system in the kernel: TSC clocks, RDSEED/RDRAND entropy,
// and the egress / external-MCP hooks (no egress peer is wired yet: those tools fail clearly).
import Gateway
import AgentHost

struct KernelServices: HostServices {
    /// No RTC driver yet: the wall clock is the time since kmain (documented in docs/kernel.md).
    mutating func wallNanoseconds() -> Int64 { Int64(truncatingIfNeeded: Clock.now()) }
    mutating func monotonicNanoseconds() -> UInt64 { Clock.now() }
    mutating func randomBytes(into buffer: inout [UInt8]) {
        buffer.withUnsafeMutableBytes { arc4random_buf($0.baseAddress, $0.count) }
    }
    mutating func egress(tool: String, arguments: JSONValue) throws(ToolFailure) -> JSONValue {
        throw .egress("no egress peer attached (COM3 egress link not wired in this kernel build)")
    }
    mutating func mcpCall(server: String, tool: String, arguments: JSONValue) throws(ToolFailure) -> JSONValue {
        throw .failed(code: "unknown_tool", message: "no external MCP tool '" + tool + "' is registered on server '" + server + "'")
    }
}
