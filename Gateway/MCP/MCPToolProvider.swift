// The hook between the MCP server and whatever governs and performs tool calls: the kernel and
// the host CLI wire it to the Gateway pipeline; tests wire fakes. Generic, never an existential.

/// One tool as `tools/list` announces it (MCP 2025-06-18 §Tools: name, title, description, inputSchema).
public struct MCPToolDescriptor: Equatable, Sendable {
    public var name: String
    /// Optional human-readable display name (announced only from protocol 2025-06-18 on).
    public var title: String?
    public var description: String
    /// A JSON Schema object (`"type": "object"` at the top, as MCP requires).
    public var inputSchema: JSONValue

    public init(name: String, title: String? = nil, description: String, inputSchema: JSONValue) {
        self.name = name
        self.title = title
        self.description = description
        self.inputSchema = inputSchema
    }
}

/// Who is calling: what the client said about itself in `initialize` and the negotiated version.
/// The provider maps it to an agent identity and trust tier (from policy).
public struct MCPClientInfo: Equatable, Sendable {
    public var name: String
    public var version: String
    public var protocolVersion: MCPProtocolVersion

    public init(name: String, version: String, protocolVersion: MCPProtocolVersion) {
        self.name = name
        self.version = version
        self.protocolVersion = protocolVersion
    }
}

/// What became of one `tools/call`.
public enum MCPCallOutcome: Equatable, Sendable {
    /// The gateway allowed the call and the tool ran; `text` is its output.
    case success(text: String)
    /// The gateway allowed the call but the tool itself failed (e.g. file not found, egress
    /// peer absent). Reported as a tool result with `isError: true`.
    case toolFailed(text: String)
    /// The gateway denied the call at `layer`; reported as a tool result with `isError: true`
    /// and the text `denied by layer N (name): reason` so the model sees why.
    case denied(layer: LayerID, reason: String)
    /// No such tool: a JSON-RPC -32602 error (MCP: unknown tools are protocol errors).
    case unknownTool
    /// The server could not govern the call at all (e.g. the audit log cannot record the
    /// decision): a JSON-RPC -32603 error; nothing was performed.
    case internalError(message: String)
}

/// The server's view of the tool world.
public protocol MCPToolProvider {
    /// The tools `tools/list` announces, in order.
    mutating func tools() -> [MCPToolDescriptor]
    /// Governs and, if allowed, performs one call. `arguments` is always a JSON object.
    mutating func call(tool: String, arguments: JSONValue, client: MCPClientInfo) -> MCPCallOutcome
}
