// The 15 agent-facing tools (WASM host functions / MCP tools) with their MCP-style input schemas.
// Their order is the ABI function index (docs/host-abi.md): never reorder, only append.

public enum BuiltinTool: Int, Sendable, CaseIterable {
    case fsRead = 0, fsWrite, fsList, fsDelete, fsStat, httpFetch, netSend, procExec
    case kvGet, kvPut, clockNow, randomBytes, logWrite, envGet, mcpCall

    public var name: String { BuiltinTools.definitions[rawValue].name }
}

/// Static definitions: (name, description, inputSchema, tier, side effect, burst, per second).
enum BuiltinTools {
    struct Definition {
        let name: String
        let description: String
        let schema: String
        let tier: TrustTier
        let effect: SideEffect
        let burst: Int
        let perSecond: Int
    }

    // NUL in paths (C-string truncation) is rejected for every string by the schema layer itself.
    static let path = #"{"type":"string","minLength":1,"maxLength":4096}"#

    static let definitions: [Definition] = [
        Definition(name: "fs_read", description: "Read a file (or a byte range of it) and return its contents.",
                   schema: #"{"type":"object","properties":{"path":\#(path),"offset":{"type":"integer","minimum":0},"length":{"type":"integer","minimum":0,"maximum":1048576}},"required":["path"],"additionalProperties":false}"#,
                   tier: .aiEnhanced, effect: .read, burst: 50, perSecond: 20),
        Definition(name: "fs_write", description: "Write (or append) text to a file, creating it if needed.",
                   schema: #"{"type":"object","properties":{"path":\#(path),"content":{"type":"string","maxLength":1048576},"append":{"type":"boolean"}},"required":["path","content"],"additionalProperties":false}"#,
                   tier: .aiNative, effect: .write, burst: 20, perSecond: 5),
        Definition(name: "fs_list", description: "List the entries of a directory.",
                   schema: #"{"type":"object","properties":{"path":\#(path),"recursive":{"type":"boolean"},"max_entries":{"type":"integer","minimum":1,"maximum":10000}},"required":["path"],"additionalProperties":false}"#,
                   tier: .classic, effect: .read, burst: 50, perSecond: 20),
        Definition(name: "fs_delete", description: "Delete a file, or a directory tree when recursive is true.",
                   schema: #"{"type":"object","properties":{"path":\#(path),"recursive":{"type":"boolean"}},"required":["path"],"additionalProperties":false}"#,
                   tier: .aiNative, effect: .destructive, burst: 10, perSecond: 2),
        Definition(name: "fs_stat", description: "Return size, type and modification time of a path.",
                   schema: #"{"type":"object","properties":{"path":\#(path)},"required":["path"],"additionalProperties":false}"#,
                   tier: .classic, effect: .read, burst: 50, perSecond: 20),
        Definition(name: "http_fetch", description: "Fetch a URL over HTTP(S) and return status, headers and body.",
                   schema: #"{"type":"object","properties":{"url":{"type":"string","maxLength":8192,"pattern":"^[Hh][Tt][Tt][Pp][Ss]?://[^\\s]+$"},"method":{"enum":["GET","HEAD","POST","PUT","PATCH","DELETE"]},"headers":{"type":"object","additionalProperties":{"type":"string","maxLength":8192}},"body":{"type":"string","maxLength":1048576},"timeout_ms":{"type":"integer","minimum":1,"maximum":120000}},"required":["url"],"additionalProperties":false}"#,
                   tier: .aiEnhanced, effect: .network, burst: 20, perSecond: 5),
        Definition(name: "net_send", description: "Send raw bytes to a host and port over TCP or UDP.",
                   schema: #"{"type":"object","properties":{"host":{"type":"string","minLength":1,"maxLength":253},"port":{"type":"integer","minimum":1,"maximum":65535},"protocol":{"enum":["tcp","udp"]},"data":{"type":"string","maxLength":65536}},"required":["host","port","data"],"additionalProperties":false}"#,
                   tier: .aiNative, effect: .network, burst: 10, perSecond: 2),
        Definition(name: "proc_exec", description: "Run a program with arguments and return its exit code and output.",
                   schema: #"{"type":"object","properties":{"command":{"type":"string","minLength":1,"maxLength":4096},"args":{"type":"array","items":{"type":"string","maxLength":4096},"maxItems":256},"cwd":\#(path),"timeout_ms":{"type":"integer","minimum":1,"maximum":600000}},"required":["command"],"additionalProperties":false}"#,
                   tier: .aiNative, effect: .exec, burst: 5, perSecond: 1),
        Definition(name: "kv_get", description: "Read a value from the agent's key-value store.",
                   schema: #"{"type":"object","properties":{"key":{"type":"string","minLength":1,"maxLength":256}},"required":["key"],"additionalProperties":false}"#,
                   tier: .classic, effect: .read, burst: 100, perSecond: 50),
        Definition(name: "kv_put", description: "Store a value in the agent's key-value store.",
                   schema: #"{"type":"object","properties":{"key":{"type":"string","minLength":1,"maxLength":256},"value":{"type":"string","maxLength":65536},"ttl_s":{"type":"integer","minimum":0}},"required":["key","value"],"additionalProperties":false}"#,
                   tier: .aiEnhanced, effect: .write, burst: 50, perSecond: 20),
        Definition(name: "clock_now", description: "Return the current wall-clock or monotonic time.",
                   schema: #"{"type":"object","properties":{"clock":{"enum":["wall","monotonic"]}},"additionalProperties":false}"#,
                   tier: .classic, effect: .none, burst: 200, perSecond: 100),
        Definition(name: "random_bytes", description: "Return cryptographically random bytes (hex).",
                   schema: #"{"type":"object","properties":{"count":{"type":"integer","minimum":1,"maximum":4096}},"required":["count"],"additionalProperties":false}"#,
                   tier: .classic, effect: .none, burst: 100, perSecond: 50),
        Definition(name: "log_write", description: "Append a message to the agent's log.",
                   schema: #"{"type":"object","properties":{"level":{"enum":["debug","info","warn","error"]},"message":{"type":"string","maxLength":4096}},"required":["message"],"additionalProperties":false}"#,
                   tier: .classic, effect: .log, burst: 200, perSecond: 100),
        Definition(name: "env_get", description: "Read an environment or configuration variable.",
                   schema: #"{"type":"object","properties":{"name":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_.]{0,127}$"}},"required":["name"],"additionalProperties":false}"#,
                   tier: .aiEnhanced, effect: .read, burst: 50, perSecond: 20),
        Definition(name: "mcp_call", description: "Call a tool of a registered external MCP server.",
                   schema: #"{"type":"object","properties":{"server":{"type":"string","maxLength":256},"tool":{"type":"string","minLength":1,"maxLength":128},"arguments":{"type":"object"}},"required":["tool","arguments"],"additionalProperties":false}"#,
                   tier: .aiNative, effect: .external, burst: 20, perSecond: 5),
    ]
}
