// The evaluation's clock: virtual time only — the current row's time on the rate-limit clock — so a
// replay is deterministic and identical on the host and in the kernel (no TSC, no clock_gettime).
// Per-layer latencies therefore read 0 during an evaluation; the benchmarks measure time instead.

public struct EvalClock: MonotonicClock {
    /// The current row's time, nanoseconds (EvalLimits.clockEpochNs + the row's `t`).
    public var nowNs: UInt64

    public init(nowNs: UInt64 = EvalLimits.clockEpochNs) { self.nowNs = nowNs }

    public mutating func nanoseconds() -> UInt64 { nowNs }
}
