// Limits of the in-kernel gateway integration (agent slices, console output sizes).
enum GateLimits {
    /// Instructions an agent runs between checks for Ctrl-C on the console.
    static let agentSliceFuel: Int64 = 1_000_000
    /// Records `audit tail` prints when no count is given.
    static let auditTailDefault = 10
    /// Longest reason text printed per record by `audit tail`.
    static let reasonPrintMax = 90
}
