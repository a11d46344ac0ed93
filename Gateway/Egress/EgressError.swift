// Typed failures of an egress call, each with a message fit for an agent or an MCP tool result.

public enum EgressError: Error, Equatable, Sendable {
    /// No peer answered the liveness ping: nothing is attached to the egress port.
    case noPeer
    /// The peer did not answer within the caller's timeout plus grace (milliseconds waited).
    case timeout(milliseconds: UInt64)
    /// The peer performed (or refused) the call and reported an error, e.g. `timeout`,
    /// `not_allowed`, `bad_arguments`, `io`, `unsupported_tool`.
    case peer(code: String, message: String)
    /// The peer sent something that is not a valid egress response for the pending request.
    case protocolViolation(String)
    /// The caller asked for something the protocol does not allow (limits, tool name).
    case invalidRequest(String)

    public var message: String {
        switch self {
        case .noPeer:
            return "egress peer not attached: network and exec tools are unavailable (start Kernel/Host/egress_peer.py)"
        case .timeout(let ms):
            return "egress peer did not answer within \(ms) ms"
        case .peer(let code, let message):
            return "egress peer error (\(code)): " + message
        case .protocolViolation(let detail):
            return "egress protocol violation: " + detail
        case .invalidRequest(let detail):
            return "invalid egress request: " + detail
        }
    }
}
