// Every limit of the MCP server in one place (the egress protocol has Egress/EgressLimits.swift).

public enum MCPLimits {
    // MARK: MCP stdio framing (MCPLineFramer.swift)

    /// Longest accepted message line in bytes, excluding the terminating `\n` (and `\r`).
    /// Longer lines are discarded up to the next newline and answered with one -32600 error.
    public static let maxLineBytes = 256 * 1024

    // MARK: MCP batches (MCPServer+Batch.swift; only for sessions at 2024-11-05 / 2025-03-26)

    /// Most messages in one JSON-RPC batch; larger batches are rejected whole with -32600.
    public static let maxBatchMessages = 64

    // MARK: Tool calls (MCPServer.swift)

    /// Longest tool name accepted in `tools/call`: the catalogue's limit.
    public static let maxToolNameBytes = GatewayLimits.maxToolNameBytes
    /// Longest request id string echoed back; longer string ids are rejected with -32600.
    public static let maxIDBytes = 256
}
