// What warden-mcp on the host does with an allowed call. Clock, random, log, environment and the
// key-value store are served here; network and exec tools go to the egress peer if one is attached;
// file-system tools are served by the kernel's RAM file system only (none on the host).
import Gateway

struct HostToolExecutor: MCPToolExecutor {
    /// The environment visible to `env_get` (from `--env NAME=VALUE`; never the process environment).
    var environment: [(name: String, value: String)] = []
    var store: [String: String] = [:]
    var egress: EgressClient<SocketEgressPort>?

    mutating func perform(tool: String, arguments: JSONValue, agent: AgentIdentity) -> MCPToolExecution {
        switch tool {
        case "clock_now":
            let wall = arguments["clock"] != .string("monotonic")
            let ns = wall ? HostSystem.wallNs() : Int64(HostSystem.monotonicNs())
            return .output(#"{"clock":"\#(wall ? "wall" : "monotonic")","ns":\#(ns)}"#)
        case "random_bytes":
            let count = Int(arguments["count"]?.doubleValue ?? 0)
            guard let bytes = HostSystem.randomBytes(count) else { return .failed("getrandom failed") }
            let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f"]
            var hex = ""
            for b in bytes { hex.append(digits[Int(b >> 4)]); hex.append(digits[Int(b & 15)]) }
            return .output(#"{"hex":"\#(hex)"}"#)
        case "log_write":
            let level = arguments["level"]?.stringValue ?? "info"
            HostSystem.log("[\(agent.name)] \(level): \(arguments["message"]?.stringValue ?? "")")
            return .output(#"{"logged":true}"#)
        case "env_get":
            let name = arguments["name"]?.stringValue ?? ""
            for entry in environment where entry.name == name { return .output(json(["name": name, "value": entry.value])) }
            return .failed("environment variable \(name) is not set")
        case "kv_get":
            let key = agent.name + "/" + (arguments["key"]?.stringValue ?? "")
            guard let value = store[key] else { return .failed("no such key") }
            return .output(json(["value": value]))
        case "kv_put":
            store[agent.name + "/" + (arguments["key"]?.stringValue ?? "")] = arguments["value"]?.stringValue ?? ""
            return .output(#"{"stored":true}"#)
        case "http_fetch", "net_send", "proc_exec":
            guard egress != nil else { return .failed(EgressError.noPeer.message) }
            return egress!.execute(tool: tool, arguments: arguments)
        case "fs_read", "fs_write", "fs_list", "fs_delete", "fs_stat":
            return .failed("allowed, but warden-mcp on the host has no file system: fs tools are served by the kernel's RAM file system")
        default:
            return .failed("allowed, but no provider for \(tool) is attached to warden-mcp (no external MCP servers are registered)")
        }
    }

    private func json(_ members: KeyValuePairs<String, String>) -> String {
        JSONWriter.compactString(.object(members.map { (key: $0.key, value: JSONValue.string($0.value)) }))
    }
}
