// Time-stamp-counter calibration against the PIT and TSC → nanosecond conversion, overflow-free.

public struct TSCCalibration: Equatable {
    /// TSC ticks per second.
    public let hz: UInt64

    public init(hz: UInt64) { self.hz = hz }

    /// Frequency from `tscDelta` TSC ticks measured over `pitTicks` ticks of the PIT's 1.193182 MHz clock.
    /// Returns nil for a degenerate measurement (no PIT ticks, or a TSC that did not move).
    public init?(tscDelta: UInt64, pitTicks: UInt64, pitHz: UInt64 = Limits.pitHz) {
        guard pitTicks > 0, tscDelta > 0 else { return nil }
        let (high, low) = tscDelta.multipliedFullWidth(by: pitHz)
        guard high < pitTicks else { return nil }
        let (q, r) = pitTicks.dividingFullWidth((high: high, low: low))
        hz = q + (r >= pitTicks / 2 ? 1 : 0)
        guard hz > 0 else { return nil }
    }

    /// Converts a TSC tick count to nanoseconds (exact 128-bit intermediate; saturates at UInt64.max).
    public func nanoseconds(_ ticks: UInt64) -> UInt64 {
        let (high, low) = ticks.multipliedFullWidth(by: 1_000_000_000)
        guard high < hz else { return .max }
        return hz.dividingFullWidth((high: high, low: low)).quotient
    }

    /// PIT reload value for a periodic interrupt at `rate` Hz (rounded, clamped to 16 bits).
    public static func pitDivisor(rate: UInt64, pitHz: UInt64 = Limits.pitHz) -> UInt16 {
        guard rate > 0 else { return 0 }
        let d = (pitHz + rate / 2) / rate
        return UInt16(min(max(d, 1), 65535))
    }
}
