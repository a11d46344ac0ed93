// MCP protocol revisions this server speaks and the `initialize` version negotiation
// (MCP 2025-06-18 §Lifecycle, "Version Negotiation").

public enum MCPProtocolVersion: String, CaseIterable, Equatable, Sendable {
    case v2024_11_05 = "2024-11-05"
    case v2025_03_26 = "2025-03-26"
    case v2025_06_18 = "2025-06-18"

    /// The newest revision supported: the answer to a client asking for one we do not know.
    public static let latest = MCPProtocolVersion.v2025_06_18

    /// The server's answer to a client requesting `requested`: the same revision if supported,
    /// else the latest (the client then decides whether it can continue).
    public static func negotiate(_ requested: String) -> MCPProtocolVersion {
        MCPProtocolVersion(rawValue: requested) ?? latest
    }

    /// JSON-RPC batches: allowed by JSON-RPC 2.0 and 2025-03-26, removed in 2025-06-18.
    public var allowsBatches: Bool { self != .v2025_06_18 }

    /// Tool `title` fields appeared in 2025-06-18.
    public var hasToolTitles: Bool { self == .v2025_06_18 }
}
