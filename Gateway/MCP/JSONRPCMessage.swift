// Classification of one parsed JSON value as a JSON-RPC 2.0 request, notification or response
// (JSON-RPC 2.0 §4, §5; MCP basic protocol: ids are strings or integers, never null).

/// A request id: MCP allows strings and integers. Kept as the exact source form so the
/// response echoes it byte for byte.
public enum JSONRPCID: Equatable, Sendable {
    /// An integer id with its literal text (e.g. `7`, `-1`).
    case number(String)
    case string(String)
}

/// One incoming message after classification.
public enum JSONRPCMessage: Equatable, Sendable {
    /// A request (has an id): must be answered exactly once.
    case request(id: JSONRPCID, method: String, params: JSONValue?)
    /// A notification (no id): never answered.
    case notification(method: String, params: JSONValue?)
    /// A response from the client (to a server-initiated request; Warden sends none).
    case response(id: JSONRPCID?)
}

/// Why a JSON value is not a valid message; `id` is the request id if it could be read
/// (JSON-RPC §5: the error response carries it, else null).
public struct JSONRPCInvalid: Error, Equatable, Sendable {
    public var id: JSONRPCID?
    public var error: JSONRPCError
}

extension JSONRPCMessage {
    /// Classifies `value` (one element of the line, never an array).
    public static func classify(_ value: JSONValue) throws(JSONRPCInvalid) -> JSONRPCMessage {
        guard case .object = value else {
            throw JSONRPCInvalid(id: nil, error: .invalidRequest("a message must be a JSON object"))
        }
        // Read the id first so every later error can echo it.
        var id: JSONRPCID? = nil
        if let rawID = value["id"] {
            switch rawID {
            case .string(let s):
                guard s.utf8.count <= MCPLimits.maxIDBytes else {
                    throw JSONRPCInvalid(id: nil, error: .invalidRequest(
                        "id longer than \(MCPLimits.maxIDBytes) bytes"))
                }
                id = .string(s)
            case .number(let text, _):
                guard isIntegerLiteral(text) else {
                    throw JSONRPCInvalid(id: nil, error: .invalidRequest("id must be a string or an integer"))
                }
                id = .number(text)
            case .null:
                throw JSONRPCInvalid(id: nil, error: .invalidRequest("id must not be null in MCP"))
            default:
                throw JSONRPCInvalid(id: nil, error: .invalidRequest("id must be a string or an integer"))
            }
        }
        guard case .string("2.0")? = value["jsonrpc"] else {
            throw JSONRPCInvalid(id: id, error: .invalidRequest("\"jsonrpc\" must be exactly \"2.0\""))
        }
        guard let rawMethod = value["method"] else {
            if value["result"] != nil || value["error"] != nil {
                return .response(id: id)
            }
            throw JSONRPCInvalid(id: id, error: .invalidRequest("missing \"method\""))
        }
        guard case .string(let method) = rawMethod else {
            throw JSONRPCInvalid(id: id, error: .invalidRequest("\"method\" must be a string"))
        }
        let params = value["params"]
        if let p = params {
            switch p {
            case .object, .array: break
            default:
                throw JSONRPCInvalid(id: id, error: .invalidRequest("\"params\" must be an object or an array"))
            }
        }
        if let id { return .request(id: id, method: method, params: params) }
        return .notification(method: method, params: params)
    }

    /// True if `text` (a validated JSON number literal) has no fraction and no exponent.
    static func isIntegerLiteral(_ text: String) -> Bool {
        for b in text.utf8 where b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
            return false
        }
        return text.utf8.count <= 20
    }
}
