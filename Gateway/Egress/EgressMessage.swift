// The egress-peer wire format (docs/egress.md), version 1: one compact JSON object per line.
//   kernel → peer  {"v":1,"id":N,"op":"call","tool":T,"arguments":{…},"timeout_ms":MS,"max_bytes":B}
//                  {"v":1,"id":N,"op":"ping"}
//   peer → kernel  {"v":1,"id":N,"ok":true,"result":{…}}
//                  {"v":1,"id":N,"ok":false,"error":{"code":C,"message":M}}

public enum EgressProtocol {
    /// The protocol version written in every message.
    public static let version = 1
    /// The tools the kernel carries out only through the peer.
    public static let tools: [String] = ["http_fetch", "net_send", "proc_exec"]

    public static func isEgressTool(_ name: String) -> Bool {
        for t in tools where t == name { return true }
        return false
    }
}

/// One request to the peer.
public struct EgressRequest: Equatable, Sendable {
    public enum Operation: Equatable, Sendable {
        /// Perform `tool` with `arguments` (a JSON object).
        case call(tool: String, arguments: JSONValue)
        /// Liveness check; the peer answers `{"peer":…,"version":1}`.
        case ping
    }

    public var id: UInt32
    public var operation: Operation
    /// Peer-side time limit for the whole operation, in milliseconds.
    public var timeoutMs: UInt32
    /// Cap on the bytes of body / output the peer returns.
    public var maxBytes: Int

    public init(id: UInt32, operation: Operation, timeoutMs: UInt32 = EgressLimits.defaultTimeoutMs,
                maxBytes: Int = EgressLimits.defaultMaxResultBytes) {
        self.id = id
        self.operation = operation
        self.timeoutMs = timeoutMs
        self.maxBytes = maxBytes
    }

    /// Appends the request line (with its `\n`) to `out`.
    public func encode(into out: inout [UInt8]) {
        var members: [(key: String, value: JSONValue)] = [
            (key: "v", value: .mcpInteger(EgressProtocol.version)),
            (key: "id", value: .mcpInteger(Int(id))),
        ]
        switch operation {
        case .ping:
            members.append((key: "op", value: .string("ping")))
        case .call(let tool, let arguments):
            members.append((key: "op", value: .string("call")))
            members.append((key: "tool", value: .string(tool)))
            members.append((key: "arguments", value: arguments))
            members.append((key: "timeout_ms", value: .mcpInteger(Int(timeoutMs))))
            members.append((key: "max_bytes", value: .mcpInteger(maxBytes)))
        }
        JSONWriter.compact(.object(members), into: &out)
        out.append(UInt8(ascii: "\n"))
    }
}

/// One response from the peer.
public struct EgressResponse: Equatable, Sendable {
    public var id: UInt32
    /// The tool's result object, or the peer's error (code and message).
    public var outcome: Result<JSONValue, EgressError>

    public init(id: UInt32, outcome: Result<JSONValue, EgressError>) {
        self.id = id
        self.outcome = outcome
    }

    /// Decodes one response line (without terminator).
    public static func decode(line: [UInt8]) throws(EgressError) -> EgressResponse {
        let value: JSONValue
        do throws(JSONError) {
            value = try JSONParser.parse(bytes: line)
        } catch {
            throw .protocolViolation("response is not JSON: " + error.description)
        }
        guard value.mcpIsObject else { throw .protocolViolation("response is not a JSON object") }
        guard case .number(_, let v)? = value["v"], v == Double(EgressProtocol.version) else {
            throw .protocolViolation("missing or unsupported protocol version \"v\"")
        }
        guard case .number(let idText, let idValue)? = value["id"], JSONRPCMessage.isIntegerLiteral(idText),
              idValue >= 0, idValue <= Double(UInt32.max) else {
            throw .protocolViolation("\"id\" must be an unsigned 32-bit integer")
        }
        let id = UInt32(idValue)
        guard case .bool(let ok)? = value["ok"] else { throw .protocolViolation("\"ok\" must be a boolean") }
        if ok {
            guard let result = value["result"] else { throw .protocolViolation("ok response without \"result\"") }
            return EgressResponse(id: id, outcome: .success(result))
        }
        guard let error = value["error"], case .string(let code)? = error["code"],
              case .string(let message)? = error["message"] else {
            throw .protocolViolation("error response needs \"error\":{\"code\":string,\"message\":string}")
        }
        return EgressResponse(id: id, outcome: .failure(.peer(code: code, message: message)))
    }
}
