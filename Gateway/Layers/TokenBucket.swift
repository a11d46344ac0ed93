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
        guard rate.perSecond > 0 else { return }
        // perSecond tokens/s = perSecond/1000 micro-tokens per ns; cap elapsed to avoid overflow.
        let fullAfterNs = UInt64(cap / Int64(rate.perSecond)) * 1000 + 1000
        if elapsed >= fullAfterNs { microTokens = cap; return }
        microTokens = min(cap, microTokens + Int64(elapsed) * Int64(rate.perSecond) / 1000)
    }

    public var hasToken: Bool { microTokens >= Self.micro }

    public mutating func take() { microTokens -= Self.micro }
}
