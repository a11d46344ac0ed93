// One tool call as it reaches the gateway: an MCP `tools/call` plus who is calling and why.

/// The calling agent's identity as the gateway sees it.
public struct AgentIdentity: Equatable, Sendable {
    public var name: String
    public var tier: TrustTier
    /// The agent's declared purpose (from its manifest or MCP client info); may be empty.
    public var purpose: String

    public init(name: String, tier: TrustTier, purpose: String = "") {
        self.name = name
        self.tier = tier
        self.purpose = purpose
    }
}

/// Optional context the gateway may use (layer 4 scans it, layer 5 puts it in the prompt).
public struct CallContext: Equatable, Sendable {
    /// What the user asked the agent to do, if known.
    public var userIntent: String

    public init(userIntent: String = "") {
        self.userIntent = userIntent
    }
}

/// A `tools/call` request: tool name and JSON arguments (always an object).
public struct ToolCall: Equatable, Sendable {
    public var tool: String
    public var arguments: JSONValue
    public var agent: AgentIdentity
    public var context: CallContext

    public init(tool: String, arguments: JSONValue, agent: AgentIdentity, context: CallContext = CallContext()) {
        self.tool = tool
        self.arguments = arguments
        self.agent = agent
        self.context = context
    }
}
