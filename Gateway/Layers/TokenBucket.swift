// A token bucket in fixed point (micro-tokens), refilled lazily from monotonic nanoseconds.

public struct TokenBucket: Equatable, Sendable {
    /// Current tokens × 1e6.
    public private(set) var microTokens: Int64
    /// Monotonic time of the last refill (ns).
    public private(set) var lastNs: UInt64

    static let micro: Int64 = 1_000_000

    /// A full bucket at time `now`.
    public init(rate: RateLimit, now: UInt64) {
        microTokens = Int64(rate.burst) * Self.micro
        lastNs = now
    }

    /// Adds what accrued since the last refill, capped at `burst`.
    public mutating func refill(rate: RateLimit, now: UInt64) {
        let cap = Int64(rate.burst) * Self.micro
        guard now > lastNs else { return }
        let elapsed = now - lastNs
        lastNs = now
        guard rate.count > 0 else { return }
        // count tokens per period = count·1e6 / (period·1e9) micro-tokens per ns. Past the time a
        // full refill takes the bucket is simply full; below it the quotient is < cap (no overflow),
        // computed in 128 bits so huge bursts cannot overflow the product.
        let fullAfterNs = Double(cap) * Double(rate.periodSeconds) * 1000 / Double(rate.count)
        if Double(elapsed) >= fullAfterNs { microTokens = cap; return }
        let product = elapsed.multipliedFullWidth(by: UInt64(rate.count))
        let (added, remainder) = UInt64(rate.periodSeconds * 1000).dividingFullWidth(product)
        microTokens = min(cap, microTokens + Int64(added))
        // Keep the time whose tokens were truncated away, so frequent refills lose nothing.
        lastNs = now - remainder / UInt64(rate.count)
    }

    public var hasToken: Bool { microTokens >= Self.micro }

    public mutating func take() { microTokens -= Self.micro }
}
