// The production MCP tool provider: every `tools/call` is decided by the gateway pipeline (and
// thereby audited) with the MCP client as the agent; only an allowed call reaches the executor.
// Used by the kernel's MCP port and by the host CLI `warden-mcp`; they differ only in the executor.

/// Performs an allowed call (the kernel's in-kernel providers and egress port; host stand-ins).
public protocol MCPToolExecutor {
    mutating func perform(tool: String, arguments: JSONValue, agent: AgentIdentity) -> MCPToolExecution
}

public enum MCPToolExecution: Equatable, Sendable {
    /// The tool's output as text (JSON results are serialized compactly).
    case output(String)
    /// The tool failed; the message is shown to the client as a tool error.
    case failed(String)
}

/// Trust tiers of MCP clients, by the `clientInfo.name` they announce (set from the policy).
public struct MCPClientTiers: Equatable, Sendable {
    /// Tier of a client not named below.
    public var defaultTier: TrustTier
    public var byName: [(name: String, tier: TrustTier)]

    public init(defaultTier: TrustTier = .aiEnhanced, byName: [(name: String, tier: TrustTier)] = []) {
        self.defaultTier = defaultTier
        self.byName = byName
    }

    /// Tiers from a policy's `agent` lines: `agent "mcp:NAME" tier T` sets the tier of the client
    /// announcing NAME, `agent "mcp-client" tier T` (else `agent "*"`) the tier of every other client;
    /// with neither, `fallback`.
    public init(policy: Policy, fallback: TrustTier = .aiEnhanced) {
        defaultTier = policy.tier(forAgent: "mcp-client") ?? fallback
        byName = []
        for entry in policy.agentTiers where entry.agent.hasPrefix("mcp:") {
            byName.append((name: String(entry.agent.dropFirst(4)), tier: entry.tier))
        }
    }

    public func tier(for clientName: String) -> TrustTier {
        for entry in byName where entry.name == clientName { return entry.tier }
        return defaultTier
    }

    public static func == (a: MCPClientTiers, b: MCPClientTiers) -> Bool {
        guard a.defaultTier == b.defaultTier, a.byName.count == b.byName.count else { return false }
        for (x, y) in zip(a.byName, b.byName) where x.name != y.name || x.tier != y.tier { return false }
        return true
    }
}

public struct GatewayToolProvider<Clock: MonotonicClock, Model: SafetyModel, Adversarial: ContentLayer,
                                  Policy: ContentLayer, Sink: DecisionSink, Executor: MCPToolExecutor>: MCPToolProvider {
    public var pipeline: GatewayPipeline<Clock, Model, Adversarial, Policy, Sink>
    public var executor: Executor
    public var tiers: MCPClientTiers
    /// The last decision (the host CLI logs it; the kernel's `stats` reads it).
    public private(set) var lastDecision: Decision?

    public init(pipeline: GatewayPipeline<Clock, Model, Adversarial, Policy, Sink>, executor: Executor,
                tiers: MCPClientTiers = MCPClientTiers()) {
        self.pipeline = pipeline
        self.executor = executor
        self.tiers = tiers
    }

    /// The agent identity an MCP client gets: `mcp:<clientInfo.name>` at its configured tier.
    public func agent(for client: MCPClientInfo) -> AgentIdentity {
        AgentIdentity(name: "mcp:" + client.name, tier: tiers.tier(for: client.name),
                      purpose: "MCP client " + client.name + " " + client.version)
    }

    /// Every catalogue tool (built-ins and registered external tools) with its JSON Schema.
    public mutating func tools() -> [MCPToolDescriptor] {
        var out: [MCPToolDescriptor] = []
        out.reserveCapacity(pipeline.catalogue.count)
        for i in 0..<pipeline.catalogue.count {
            let spec = pipeline.catalogue[i]
            // Catalogue schemas were parsed when the catalogue was built, so this cannot fail;
            // if it ever did, announce an object schema that the schema layer still enforces.
            let schema = (try? JSONParser.parse(spec.inputSchemaJSON)) ?? .object([(key: "type", value: .string("object"))])
            out.append(MCPToolDescriptor(name: spec.name, description: spec.description, inputSchema: schema))
        }
        return out
    }

    public mutating func call(tool: String, arguments: JSONValue, client: MCPClientInfo) -> MCPCallOutcome {
        let agent = agent(for: client)
        // Unknown tools go through the gateway too, so the attempt is audited (denied at layer 1).
        let decision = pipeline.decide(ToolCall(tool: tool, arguments: arguments, agent: agent))
        lastDecision = decision
        guard pipeline.catalogue.lookup(tool) != nil else { return .unknownTool }
        switch decision.verdict {
        case .deny:
            guard let layer = decision.decidingLayer else {
                // No layer decided: the audit sink failed, so the call could not be governed.
                return .internalError(message: decision.reason)
            }
            return .denied(layer: layer, reason: decision.reason)
        case .allow:
            switch executor.perform(tool: tool, arguments: arguments, agent: agent) {
            case .output(let text): return .success(text: text)
            case .failed(let message): return .toolFailed(text: message)
            }
        }
    }
}
