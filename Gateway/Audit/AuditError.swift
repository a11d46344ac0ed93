// Typed errors of the audit log and its JSON Lines import.

public enum AuditError: Error, Equatable, Sendable {
    /// The active segment is full and `AuditLimits.retainedSealedSegments` sealed segments still await draining.
    case storageFull(sealedWaiting: Int)
    /// An agent, tool or reason string is longer than `AuditLimits.maxStringBytes`.
    case fieldTooLong(field: String, bytes: Int)
    /// The deciding layer is not 0...6, or disagrees with the verdict (allow ⇔ layer 0).
    case invalidDecision(String)
    /// A JSON Lines record could not be decoded (line number, 1-based).
    case malformedLine(line: Int, reason: String)

    public var message: String {
        switch self {
        case let .storageFull(n): return "audit storage full: \(n) sealed segments await draining"
        case let .fieldTooLong(field, bytes):
            return "audit field \(field) is \(bytes) bytes (limit \(AuditLimits.maxStringBytes))"
        case let .invalidDecision(why): return "invalid audit decision: \(why)"
        case let .malformedLine(line, reason): return "line \(line): \(reason)"
        }
    }
}
