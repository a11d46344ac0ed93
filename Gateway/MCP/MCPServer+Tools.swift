// `tools/list` and `tools/call` (MCP 2025-06-18 §Server Features/Tools). A governance denial is
// a tool result with `isError: true` (the model sees the reason); an unknown tool or malformed
// params are JSON-RPC -32602 errors, as the spec's error-handling section prescribes.

extension MCPServer {
    mutating func listTools(params: JSONValue?, client: MCPClientInfo) -> Result<JSONValue, JSONRPCError> {
        if let params {
            guard params.mcpIsObject else { return .failure(.invalidParams("tools/list params must be an object")) }
            // One page holds every tool, so no cursor was ever issued: any cursor is invalid.
            if params["cursor"] != nil {
                return .failure(.invalidParams("tools/list: unknown cursor (this server returns a single page)"))
            }
        }
        var tools: [JSONValue] = []
        for tool in provider.tools() {
            var members: [(key: String, value: JSONValue)] = [(key: "name", value: .string(tool.name))]
            if client.protocolVersion.hasToolTitles, let title = tool.title {
                members.append((key: "title", value: .string(title)))
            }
            members.append((key: "description", value: .string(tool.description)))
            members.append((key: "inputSchema", value: tool.inputSchema))
            tools.append(.object(members))
        }
        return .success(.object([(key: "tools", value: .array(tools))]))
    }

    mutating func callTool(params: JSONValue?, client: MCPClientInfo) -> Result<JSONValue, JSONRPCError> {
        guard let params, params.mcpIsObject else {
            return .failure(.invalidParams("tools/call needs a params object"))
        }
        guard case .string(let name)? = params["name"] else {
            return .failure(.invalidParams("tools/call: \"name\" must be a string"))
        }
        guard !name.isEmpty, name.utf8.count <= MCPLimits.maxToolNameBytes else {
            return .failure(.invalidParams("tools/call: tool name must be 1…\(MCPLimits.maxToolNameBytes) bytes"))
        }
        let arguments = params["arguments"] ?? .object([])
        guard arguments.mcpIsObject else {
            return .failure(.invalidParams("tools/call: \"arguments\" must be an object"))
        }
        stats.toolCalls += 1
        switch provider.call(tool: name, arguments: arguments, client: client) {
        case .success(let text):
            return .success(Self.toolResult(text: text, isError: false))
        case .toolFailed(let text):
            return .success(Self.toolResult(text: text, isError: true))
        case .denied(let layer, let reason):
            stats.toolCallsDenied += 1
            return .success(Self.toolResult(text: Self.denialText(layer: layer, reason: reason), isError: true))
        case .unknownTool:
            return .failure(.invalidParams("Unknown tool: " + name))
        case .internalError(let message):
            return .failure(.internalError(message))
        }
    }

    /// The text of a denied call's result: `denied by layer N (name): reason`.
    public static func denialText(layer: LayerID, reason: String) -> String {
        "denied by layer \(layer.rawValue) (\(layer.name)): " + reason
    }

    static func toolResult(text: String, isError: Bool) -> JSONValue {
        .object([
            (key: "content", value: .array([
                .object([(key: "type", value: .string("text")), (key: "text", value: .string(text))]),
            ])),
            (key: "isError", value: .bool(isError)),
        ])
    }
}
