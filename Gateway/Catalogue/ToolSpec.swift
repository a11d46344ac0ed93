// One catalogue entry: an MCP tool definition (name, description, inputSchema) plus the
// gateway's metadata for it (minimum trust tier, side-effect class, rate-limit defaults).

/// What a tool can do to the world; the ProbeLogits gate applies to a configurable set of classes.
public enum SideEffect: Int, Sendable, CaseIterable {
    case none = 0          // clock, random
    case log = 1           // append-only local log
    case read = 2          // reads files, keys, environment
    case write = 3         // creates or changes local state
    case destructive = 4   // deletes local state
    case network = 5       // talks to other hosts
    case exec = 6          // runs a process
    case external = 7      // forwards to an external MCP tool (effects unknown)

    public var name: String {
        switch self {
        case .none: return "none"
        case .log: return "log"
        case .read: return "read"
        case .write: return "write"
        case .destructive: return "destructive"
        case .network: return "network"
        case .exec: return "exec"
        case .external: return "external"
        }
    }

    public var bit: UInt16 { 1 << UInt16(rawValue) }
}

/// Token-bucket parameters: `burst` tokens at most, refilled at `count` tokens per `periodSeconds`.
public struct RateLimit: Equatable, Sendable {
    public var burst: Int
    public var count: Int
    public var periodSeconds: Int

    public init(burst: Int, perSecond: Int) {
        self.init(burst: burst, count: perSecond, periodSeconds: 1)
    }

    public init(burst: Int, count: Int, periodSeconds: Int) {
        self.burst = burst
        self.count = count
        self.periodSeconds = max(1, periodSeconds)
    }

    /// A human-readable rate for reasons, e.g. "30/60s".
    public var text: String { periodSeconds == 1 ? "\(count)/s" : "\(count)/\(periodSeconds)s" }
}

public struct ToolSpec: Sendable {
    /// The immutable definition, shared: copying a spec (once per gateway call) is one retain.
    final class Definition: Sendable {
        let name: String
        let description: String
        let inputSchemaJSON: String
        let schema: JSONSchema
        let isExternal: Bool
        /// Layer 2's deny reasons, written once per tool instead of per denied call (interpolating one
        /// cost ~2 400 instructions): index `agent tier × 4 + minimum tier`, empty where the agent passes.
        let tierDenials: [String]

        init(name: String, description: String, inputSchemaJSON: String, schema: JSONSchema, isExternal: Bool) {
            self.name = name
            self.description = description
            self.inputSchemaJSON = inputSchemaJSON
            self.schema = schema
            self.isExternal = isExternal
            let n = TrustTier.allCases.count
            var denials = [String](repeating: "", count: n * n)
            for agent in TrustTier.allCases {
                for minimum in TrustTier.allCases where agent < minimum {
                    denials[agent.rawValue * n + minimum.rawValue] = "tier \(agent.name) below \(name) minimum \(minimum.name)"
                }
            }
            tierDenials = denials
        }
    }

    let definition: Definition
    public var name: String { definition.name }
    public var description: String { definition.description }
    /// The MCP `inputSchema` as JSON text (what `tools/list` returns) and its compiled form.
    public var inputSchemaJSON: String { definition.inputSchemaJSON }
    public var schema: JSONSchema { definition.schema }
    /// True for tools registered at run time (external MCP tools, unknown tools in an eval file).
    public var isExternal: Bool { definition.isExternal }
    public var minimumTier: TrustTier
    public var sideEffect: SideEffect
    public var rateLimit: RateLimit

    /// Why layer 2 denies an agent of tier `agent` (below `minimumTier`) this tool.
    public func tierDenial(agent: TrustTier) -> String {
        definition.tierDenials[agent.rawValue &* TrustTier.allCases.count &+ minimumTier.rawValue]
    }

    public init(name: String, description: String, inputSchemaJSON: String, minimumTier: TrustTier,
                sideEffect: SideEffect, rateLimit: RateLimit, isExternal: Bool = false) throws(SchemaError) {
        definition = Definition(name: name, description: description, inputSchemaJSON: inputSchemaJSON,
                                schema: try JSONSchema(parsing: inputSchemaJSON), isExternal: isExternal)
        self.minimumTier = minimumTier
        self.sideEffect = sideEffect
        self.rateLimit = rateLimit
    }
}
