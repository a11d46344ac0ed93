// The governed MCP server on COM2 (0x2F8): Gateway/MCP's connection state machine over a polled UART,
// with a provider that hands every `tools/call` to the agents' AgentSystem (same gateway, same audit
// log, same providers). The client is agent `mcp:<clientInfo.name>` at the tier the policy gives it.
import Gateway
import AgentHost

struct KernelMCPProvider: MCPToolProvider {
    var tiers: MCPClientTiers

    mutating func tools() -> [MCPToolDescriptor] {
        guard let system = Warden.system else { return [] }
        var out: [MCPToolDescriptor] = []
        let catalogue = system.gate.catalogue
        for i in 0..<catalogue.count {
            let spec = catalogue[i]
            let schema = (try? JSONParser.parse(spec.inputSchemaJSON)) ?? .object([(key: "type", value: .string("object"))])
            out.append(MCPToolDescriptor(name: spec.name, description: spec.description, inputSchema: schema))
        }
        return out
    }

    mutating func call(tool: String, arguments: JSONValue, client: MCPClientInfo) -> MCPCallOutcome {
        guard let system = Warden.system else { return .internalError(message: "gateway not started") }
        guard let builtin = BuiltinTool.allCases.first(where: { $0.name == tool }) else { return .unknownTool }
        let manifest = AgentManifest(name: "mcp:" + client.name, tier: tiers.tier(for: client.name),
                                     purpose: "MCP client " + client.name + " " + client.version)
        var bytes: [UInt8] = []
        JSONWriter.canonical(arguments, into: &bytes)
        switch system.handle(tool: builtin, arguments: bytes, agent: manifest) {
        case .result(let out): return .success(text: String(decoding: out, as: UTF8.self))
        case .error(let code, let message):
            let raw = -Int(code.rawValue) - 10
            if raw >= 1, raw <= 6, let layer = LayerID(rawValue: raw) {
                return .denied(layer: layer, reason: lastReason(system) ?? message)
            }
            if code == .auditUnavailable { return .internalError(message: message) }
            return .toolFailed(text: message)
        }
    }

    func lastReason(_ system: KernelSystem) -> String? {
        guard let r = system.gate.sink.log.records(from: system.gate.sink.log.count &- 1).first,
              case .decision(let d) = r.payload else { return nil }
        return d.reason
    }
}

enum KernelMCP {
    nonisolated(unsafe) static var uart = SerialPort(base: 0x2F8)
    nonisolated(unsafe) static var connection: MCPConnection<KernelMCPProvider>? = nil

    /// Starts the server if a UART answers at COM2; prints how to reach it.
    static func start() {
        guard uart.present else { print("warden: mcp: no UART at COM2: MCP server off"); return }
        let provider = KernelMCPProvider(tiers: MCPClientTiers(policy: Warden.policy))
        connection = MCPConnection(server: MCPServer(provider: provider, allowsReinitialize: true))
        print("warden: mcp: governed MCP server on COM2 (newline-delimited JSON-RPC)")
    }

    /// Feeds every waiting COM2 byte to the server; called by the console loop on each wake-up. Once a byte
    /// has arrived, the rest of the burst is read as it comes (`readBurst`), not one FIFO per wake-up.
    static func poll() {
        guard connection != nil, var next = uart.read() else { return }
        while true {
            connection!.receive(byte: next) { out in for x in out { uart.write(x) } }
            guard let b = uart.readBurst() else { return }
            next = b
        }
    }
}
