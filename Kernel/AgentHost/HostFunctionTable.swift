// The import resolver's table: the ONLY functions an agent can import. Each entry is a catalogue
// tool (the entry type cannot express anything else), every entry has the ABI signature, and
// every call is routed by `AgentHostFunctions` to `AgentSystem.handle`, the gateway entry point.

import WasmRuntime
import Gateway

public enum HostFunctionTable {
    public struct Entry: Sendable {
        public let module: String
        public let name: String
        public let type: FuncType
        /// The gateway-mediated tool this import performs (its catalogue index = raw value).
        public let tool: BuiltinTool
    }

    /// One entry per built-in tool, index = host-function index = `BuiltinTool.rawValue`.
    public static let entries: [Entry] = BuiltinTool.allCases.map {
        Entry(module: HostABI.moduleName, name: $0.name, type: HostABI.signature, tool: $0)
    }

    /// Declares every entry as an importable host function of `store` (nothing else is defined,
    /// so any other import fails to link with "unknown import").
    public static func defineImports<H: HostFunctions>(into store: Store<H>) {
        for (i, e) in entries.enumerated() {
            store.defineHostFunction(module: e.module, name: e.name, type: e.type, index: i)
        }
    }

    /// The tool behind host-function index `index`, nil for an index the table never defined.
    public static func tool(at index: Int) -> BuiltinTool? {
        index >= 0 && index < entries.count ? entries[index].tool : nil
    }
}
