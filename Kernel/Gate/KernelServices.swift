// The outside-world hooks of the agent system in the kernel: TSC clocks, RDSEED/RDRAND entropy,
// the egress peer on COM3 (network/exec tools; no peer → WARDEN_E_EGRESS after the ping timeout) and
// external MCP tools (none registered: unknown_tool).
import Gateway
import AgentHost

struct KernelServices: HostServices {
    /// The egress link (created on first use: the UART probe runs after boot).
    nonisolated(unsafe) static var egressClient = EgressClient(port: SerialEgressPort())

    /// Unix time in ns: the CMOS RTC read at boot plus the TSC clock since kmain (Drivers/RTC.swift).
    mutating func wallNanoseconds() -> Int64 { RTC.wallNanoseconds() }
    mutating func monotonicNanoseconds() -> UInt64 { Clock.now() }
    mutating func randomBytes(into buffer: inout [UInt8]) {
        buffer.withUnsafeMutableBytes { arc4random_buf($0.baseAddress, $0.count) }
    }
    mutating func egress(tool: String, arguments: JSONValue) throws(ToolFailure) -> JSONValue {
        guard KernelServices.egressClient.port.uart.present else {
            throw .egress("no egress peer: no UART at COM3 (0x3E8); `make run` attaches Kernel/Host/egress_peer.py there")
        }
        return try KernelServices.egressClient.perform(tool: tool, arguments: arguments)
    }
    mutating func mcpCall(server: String, tool: String, arguments: JSONValue) throws(ToolFailure) -> JSONValue {
        throw .failed(code: "unknown_tool", message: "no external MCP tool '" + tool + "' is registered on server '" + server + "'")
    }
}
