// JSON-RPC 2.0 error objects (§5.1) and the codes the MCP server uses.

/// The error codes of JSON-RPC 2.0 §5.1 plus the one server-defined code Warden uses.
public enum JSONRPCErrorCode {
    /// Invalid JSON was received (the line did not parse).
    public static let parseError = -32700
    /// The JSON is not a valid request object (or a batch where batches are not allowed).
    public static let invalidRequest = -32600
    /// The method does not exist or is not available.
    public static let methodNotFound = -32601
    /// Invalid method parameters (including an unknown tool in `tools/call`, per MCP).
    public static let invalidParams = -32602
    /// Internal error of the server (a provider failure that is not a tool result).
    public static let internalError = -32603
    /// Server-defined (JSON-RPC reserves -32000…-32099): a request other than `initialize`
    /// or `ping` arrived before a successful `initialize` (the LSP uses the same code).
    public static let serverNotInitialized = -32002
}

/// One JSON-RPC error: code, short message and optional structured data.
public struct JSONRPCError: Error, Equatable, Sendable {
    public var code: Int
    public var message: String
    public var data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    public static func parseError(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: JSONRPCErrorCode.parseError, message: "Parse error: " + detail)
    }

    public static func invalidRequest(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: JSONRPCErrorCode.invalidRequest, message: "Invalid Request: " + detail)
    }

    public static func methodNotFound(_ method: String) -> JSONRPCError {
        JSONRPCError(code: JSONRPCErrorCode.methodNotFound, message: "Method not found: " + method)
    }

    public static func invalidParams(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: JSONRPCErrorCode.invalidParams, message: "Invalid params: " + detail)
    }

    public static func internalError(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: JSONRPCErrorCode.internalError, message: "Internal error: " + detail)
    }

    public static func notInitialized(_ method: String) -> JSONRPCError {
        JSONRPCError(code: JSONRPCErrorCode.serverNotInitialized,
                     message: "Server not initialized: send initialize before " + method)
    }
}
