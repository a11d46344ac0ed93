// The MCP server state machine: one incoming line in, at most one response line out.
// Lifecycle, version negotiation and error codes follow MCP 2025-06-18 (Basic Protocol,
// Lifecycle, Tools) over JSON-RPC 2.0; tools are governed and performed by the provider hook.

/// Where the session is in the MCP lifecycle.
public enum MCPSessionState: Equatable, Sendable {
    /// Only `initialize` and `ping` are served.
    case awaitingInitialize
    /// `initialize` succeeded; `initializedNotified` records the client's
    /// `notifications/initialized` (requests are served either way).
    case ready(client: MCPClientInfo, initializedNotified: Bool)
}

/// Counters for the console's `stats` and the host CLI's exit log.
public struct MCPServerStats: Equatable, Sendable {
    public var lines = 0
    public var requests = 0
    public var notifications = 0
    public var errorResponses = 0
    public var toolCalls = 0
    public var toolCallsDenied = 0
    public var ignoredResponses = 0
}

/// Identity the server announces in `initialize`.
public struct MCPServerInfo: Equatable, Sendable {
    public var name: String
    public var version: String
    /// Optional usage hint for the client's model (`instructions` in the initialize result).
    public var instructions: String?

    public init(name: String = "warden", version: String = "0.1.0", instructions: String? = nil) {
        self.name = name
        self.version = version
        self.instructions = instructions
    }
}

public struct MCPServer<Provider: MCPToolProvider> {
    public var provider: Provider
    public let info: MCPServerInfo
    /// Whether a new `initialize` on a ready session starts a new session. Off for transports with
    /// connections (stdio: one process per client); on for a serial port, where the server cannot
    /// see a client disconnect and reconnect (QEMU's socket chardev), so `initialize` is the only
    /// sign of a new client.
    public let allowsReinitialize: Bool
    public internal(set) var state: MCPSessionState = .awaitingInitialize
    public internal(set) var stats = MCPServerStats()

    public init(provider: Provider, info: MCPServerInfo = MCPServerInfo(), allowsReinitialize: Bool = false) {
        self.provider = provider
        self.info = info
        self.allowsReinitialize = allowsReinitialize
    }

    /// The negotiated protocol version, once initialized.
    public var protocolVersion: MCPProtocolVersion? {
        if case .ready(let client, _) = state { return client.protocolVersion }
        return nil
    }

    // MARK: Lines

    /// Handles one complete line (without its terminator). Returns the response line to send
    /// (without terminator) or nil when nothing is to be sent (notifications, responses, blank lines).
    public mutating func handle(line: [UInt8]) -> [UInt8]? {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return nil }
        stats.lines += 1
        let value: JSONValue
        do throws(JSONError) {
            value = try JSONParser.parse(bytes: line)
        } catch {
            return errorLine(id: nil, .parseError(error.description))
        }
        if case .array(let elements) = value {
            return handleBatch(elements)
        }
        var out: [UInt8] = []
        return handleMessage(value, inBatch: false, into: &out) ? out : nil
    }

    /// The answer to a line that exceeded `MCPLimits.maxLineBytes` and was discarded.
    public mutating func handleOverlong(byteCount: Int) -> [UInt8] {
        stats.lines += 1
        return errorLine(id: nil, .invalidRequest(
            "message of \(byteCount) bytes exceeds the \(MCPLimits.maxLineBytes)-byte line limit"))
    }

    /// Handles a framer event: the response line to send, if any.
    public mutating func handle(frame: MCPFrame) -> [UInt8]? {
        switch frame {
        case .line(let bytes): return handle(line: bytes)
        case .overlong(let n): return handleOverlong(byteCount: n)
        }
    }

    // MARK: Messages

    /// Classifies and dispatches one message, appending its response to `out`.
    /// Returns whether a response was written.
    mutating func handleMessage(_ value: JSONValue, inBatch: Bool, into out: inout [UInt8]) -> Bool {
        let message: JSONRPCMessage
        do throws(JSONRPCInvalid) {
            message = try JSONRPCMessage.classify(value)
        } catch {
            writeError(id: error.id, error.error, into: &out)
            return true
        }
        switch message {
        case .response:
            stats.ignoredResponses += 1
            return false
        case .notification(let method, _):
            stats.notifications += 1
            if method == "notifications/initialized", case .ready(let client, _) = state {
                state = .ready(client: client, initializedNotified: true)
            }
            // Other notifications (cancelled, progress, roots/list_changed, unknown) need no action:
            // every request is answered synchronously before the next line is read.
            return false
        case .request(let id, let method, let params):
            stats.requests += 1
            if inBatch && method == "initialize" {
                writeError(id: id, .invalidRequest("initialize must not be part of a JSON-RPC batch"), into: &out)
                return true
            }
            switch dispatch(method: method, params: params) {
            case .success(let result): JSONRPCResponse.result(id: id, result, into: &out)
            case .failure(let error): writeError(id: id, error, into: &out)
            }
            return true
        }
    }

    /// Runs one request method.
    mutating func dispatch(method: String, params: JSONValue?) -> Result<JSONValue, JSONRPCError> {
        switch method {
        case "initialize": return initialize(params: params)
        case "ping": return .success(.object([]))
        case "tools/list", "tools/call":
            guard case .ready(let client, _) = state else { return .failure(.notInitialized(method)) }
            if method == "tools/list" { return listTools(params: params, client: client) }
            return callTool(params: params, client: client)
        default:
            return .failure(.methodNotFound(method))
        }
    }

    // MARK: Lifecycle

    mutating func initialize(params: JSONValue?) -> Result<JSONValue, JSONRPCError> {
        if case .ready = state, !allowsReinitialize {
            return .failure(.invalidRequest("initialize was already called on this connection"))
        }
        guard let params, case .object = params else {
            return .failure(.invalidParams("initialize needs a params object"))
        }
        guard case .string(let requested)? = params["protocolVersion"] else {
            return .failure(.invalidParams("initialize: \"protocolVersion\" must be a string"))
        }
        if let caps = params["capabilities"], !caps.mcpIsObject {
            return .failure(.invalidParams("initialize: \"capabilities\" must be an object"))
        }
        guard let clientInfo = params["clientInfo"], clientInfo.mcpIsObject,
              case .string(let clientName)? = clientInfo["name"] else {
            return .failure(.invalidParams("initialize: \"clientInfo\" must be an object with a string \"name\""))
        }
        let clientVersion = clientInfo["version"]?.stringValue ?? ""
        let version = MCPProtocolVersion.negotiate(requested)
        state = .ready(client: MCPClientInfo(name: clientName, version: clientVersion, protocolVersion: version),
                       initializedNotified: false)

        var serverInfo: [(key: String, value: JSONValue)] = [
            (key: "name", value: .string(info.name)),
            (key: "version", value: .string(info.version)),
        ]
        if version.hasToolTitles { serverInfo.append((key: "title", value: .string("Warden governed tools"))) }
        var result: [(key: String, value: JSONValue)] = [
            (key: "protocolVersion", value: .string(version.rawValue)),
            (key: "capabilities", value: .object([
                (key: "tools", value: .object([(key: "listChanged", value: .bool(false))])),
            ])),
            (key: "serverInfo", value: .object(serverInfo)),
        ]
        if let instructions = info.instructions {
            result.append((key: "instructions", value: .string(instructions)))
        }
        return .success(.object(result))
    }

    // MARK: Errors

    mutating func writeError(id: JSONRPCID?, _ error: JSONRPCError, into out: inout [UInt8]) {
        stats.errorResponses += 1
        JSONRPCResponse.error(id: id, error, into: &out)
    }

    mutating func errorLine(id: JSONRPCID?, _ error: JSONRPCError) -> [UInt8] {
        var out: [UInt8] = []
        writeError(id: id, error, into: &out)
        return out
    }
}

extension JSONValue {
    var mcpIsObject: Bool {
        if case .object = self { return true }
        return false
    }
}
