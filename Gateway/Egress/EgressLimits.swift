// Every limit of the egress-peer protocol (docs/egress.md) in one place.

public enum EgressLimits {
    /// Longest egress response line accepted from the peer, in bytes (a result plus JSON framing).
    public static let maxResponseLineBytes = 1024 * 1024
    /// Default cap on the body / output bytes the peer returns for one call.
    public static let defaultMaxResultBytes = 64 * 1024
    /// Largest result cap a caller may ask for (the response must still fit one line).
    public static let maxResultBytes = 512 * 1024
    /// Default per-call timeout the peer enforces, in milliseconds.
    public static let defaultTimeoutMs: UInt32 = 10_000
    /// Longest per-call timeout a caller may ask for, in milliseconds.
    public static let maxTimeoutMs: UInt32 = 120_000
    /// Extra time the kernel waits beyond the peer-side timeout, so the peer's own timeout
    /// error (more precise) arrives before the kernel gives up, in milliseconds.
    public static let graceMs: UInt64 = 1_000
    /// Timeout of the liveness ping sent when no peer has answered yet, in milliseconds.
    public static let pingTimeoutMs: UInt64 = 500
}
