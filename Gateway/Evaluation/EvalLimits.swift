// Limits of the evaluation runner (Gateway/Evaluation): row times on the rate-limit clock.

public enum EvalLimits {
    /// Spacing of rows without a `"t"` field on the rate-limit clock: row index × this (1 s).
    public static let defaultRowSpacingNs: UInt64 = 1_000_000_000
    /// Largest `"t"` accepted, in seconds (about 31.7 years: keeps t × 1e9 far inside UInt64).
    public static let maxRowTimeSeconds: Double = 1_000_000_000
    /// The rate clock reads this plus the row's time, so row 0 is not at time zero (as warden-eval always did).
    public static let clockEpochNs: UInt64 = 1_000_000_000
}
