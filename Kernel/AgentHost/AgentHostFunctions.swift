// The WasmRuntime host hook for agents: every host-function index is a `HostFunctionTable` entry;
// guest ranges are bounds-checked and copied out before anything else (so overlapping in/out
// buffers are harmless), the call goes to `AgentSystem.handle`, and the outcome is written back.
// It holds no reference to the agent's store: a host function cannot re-enter the agent.

import WasmRuntime
import Gateway

public struct AgentHostFunctions<Gate: ToolGate, Services: HostServices>: HostFunctions {
    public let system: AgentSystem<Gate, Services>
    public let manifest: AgentManifest

    public init(system: AgentSystem<Gate, Services>, manifest: AgentManifest) {
        self.system = system
        self.manifest = manifest
    }

    public mutating func call(function: Int, args: HostArguments, results: inout HostResults, memory: Memory?) throws(Trap) {
        guard let tool = HostFunctionTable.tool(at: function) else {
            throw .host(code: -1, message: "host function \(function) is not in the table")
        }
        results.set(0, i32: UInt32(bitPattern: invoke(tool, args.i32(0), args.i32(1), args.i32(2), args.i32(3), memory)))
    }

    /// The ABI of one tool call; returns the value the guest sees.
    func invoke(_ tool: BuiltinTool, _ argsPtr: UInt32, _ argsLen: UInt32, _ outPtr: UInt32, _ outCapRaw: UInt32,
                _ memory: Memory?) -> Int32 {
        guard let memory else {
            system.countFault()
            return HostResultCode.fault.rawValue
        }
        // Both ranges are checked before the gateway sees the call: a bad pointer has no effect.
        let arguments: [UInt8]
        do {
            _ = try memory.checkedRange(outPtr, outCapRaw)
            arguments = Array(try memory.checkedRange(argsPtr, argsLen))
        } catch {
            system.countFault()
            return HostResultCode.fault.rawValue
        }
        let outCap = Int(min(outCapRaw, UInt32(AgentHostLimits.maxResultBytes)))
        guard arguments.count <= AgentHostLimits.maxArgumentBytes else {
            return fail(.badJSON, "arguments larger than \(AgentHostLimits.maxArgumentBytes) bytes", memory, outPtr, outCap)
        }
        switch system.handle(tool: tool, arguments: arguments, agent: manifest) {
        case .result(let bytes):
            guard bytes.count <= outCap else {
                if outCap >= 4, let out = try? memory.checkedRange(outPtr, 4) {
                    let n = UInt32(bytes.count)
                    for k in 0..<4 { out[k] = UInt8(truncatingIfNeeded: n >> (8 * UInt32(k))) }
                }
                return HostResultCode.outTooSmall.rawValue
            }
            guard let out = try? memory.checkedRange(outPtr, UInt32(bytes.count)) else { return HostResultCode.fault.rawValue }
            for k in 0..<bytes.count { out[k] = bytes[k] }
            return Int32(bytes.count)
        case .error(let code, let text):
            return fail(code, text, memory, outPtr, outCap)
        }
    }

    /// Writes `text` NUL-terminated (truncated to fit) into out and returns `code`.
    func fail(_ code: HostResultCode, _ text: String, _ memory: Memory, _ outPtr: UInt32, _ outCap: Int) -> Int32 {
        guard outCap > 0, let out = try? memory.checkedRange(outPtr, UInt32(outCap)) else { return code.rawValue }
        var k = 0
        for b in text.utf8 where k < outCap - 1 {
            out[k] = b
            k += 1
        }
        out[k] = 0
        return code.rawValue
    }
}
