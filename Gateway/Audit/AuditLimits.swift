// Capacity limits of the audit log (one place, per the house style); see docs/audit-format.md §Storage.

public enum AuditLimits {
    /// Records per segment, including the segment's closing seal record. When the active segment
    /// has one free slot left, the next append first writes the seal into it and starts a new segment.
    public static let segmentCapacity = 4096
    /// Sealed segments kept in memory until a consumer drains them (`AuditLog.drainSealedSegment`).
    /// When this many are waiting and the active segment fills, `append` throws `.storageFull`
    /// (the log blocks; the gateway then denies the call): records are never dropped.
    public static let retainedSealedSegments = 4
    /// Longest agent name, tool name or reason stored in a record, in UTF-8 bytes (longer → error).
    public static let maxStringBytes = 4096
    /// Longest JSON Lines line accepted by the importer, in bytes.
    public static let maxLineBytes = 64 * 1024
}
