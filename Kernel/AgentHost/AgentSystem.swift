// The state every agent of one kernel shares: the gateway, the tool providers (RAM file system,
// key-value store, log, environment) and the outside-world hooks. `handle` is the single path
// from a host call to a side effect: parse → ToolCall → gateway decision → provider, if allowed.

import Gateway

/// What a host call produced: result JSON bytes, or an ABI code with a diagnostic text.
public enum HostOutcome: Equatable, Sendable {
    case result([UInt8])
    case error(HostResultCode, String)
}

/// Counters of host calls (the console's `stats`).
public struct AgentHostStats: Equatable, Sendable {
    public var calls = 0
    public var allowed = 0
    public var denied = 0
    public var deniedByLayer = [Int](repeating: 0, count: 7)
    public var executed = 0
    public var toolFailures = 0
    public var faults = 0
    public var badJSON = 0
}

public final class AgentSystem<Gate: ToolGate, Services: HostServices> {
    public var gate: Gate
    public var services: Services
    public var fileSystem: RamFileSystem
    public var keyValues = KeyValueStore()
    public var log = LogRing()
    public var environment: EnvironmentConfig
    public private(set) var stats = AgentHostStats()
    /// True while a host call is being handled (a nested call is refused with `.busy`).
    public private(set) var inCall = false

    public init(gate: Gate, services: Services, fileSystem: RamFileSystem = RamFileSystem(),
                environment: EnvironmentConfig = EnvironmentConfig()) {
        self.gate = gate
        self.services = services
        self.fileSystem = fileSystem
        self.environment = environment
    }

    /// Handles one host call of `agent` to `tool` with raw JSON `arguments` (already copied out of
    /// guest memory). The gateway decides before any provider runs; a denial runs nothing.
    public func handle(tool: BuiltinTool, arguments: [UInt8], agent: AgentManifest) -> HostOutcome {
        guard !inCall else { return .error(.busy, "a host call is already in progress") }
        inCall = true
        defer { inCall = false }
        stats.calls += 1
        let args: JSONValue
        do {
            args = try JSONParser.parse(bytes: arguments)
        } catch {
            stats.badJSON += 1
            return .error(.badJSON, error.description)
        }
        guard case .object = args else {
            stats.badJSON += 1
            return .error(.badJSON, "arguments must be a JSON object")
        }
        let call = ToolCall(tool: tool.name, arguments: args, agent: agent.identity,
                            context: CallContext(userIntent: agent.intent))
        let decision = gate.decide(call)
        guard decision.verdict == .allow else {
            stats.denied += 1
            guard let layer = decision.decidingLayer else { return .error(.auditUnavailable, decision.reason) }
            stats.deniedByLayer[layer.rawValue] += 1
            return .error(.denied(by: layer), "denied by layer \(layer.rawValue) (\(layer.name)): \(decision.reason)")
        }
        stats.allowed += 1
        stats.executed += 1
        do {
            let result = try execute(tool, args, agent: agent)
            var out: [UInt8] = []
            JSONWriter.compact(result, into: &out)
            return .result(out)
        } catch {
            stats.toolFailures += 1
            switch error {
            case .failed: return .error(.toolFailed, error.message)
            case .egress: return .error(.egressUnavailable, error.message)
            }
        }
    }

    /// Counts a host call refused before the gateway because a guest range was out of bounds.
    func countFault() {
        stats.calls += 1
        stats.faults += 1
    }
}
