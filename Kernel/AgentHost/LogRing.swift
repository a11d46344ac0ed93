// The agents' log: a fixed-capacity ring of (time, agent, level, message) the console shows;
// when full the oldest entry is overwritten and counted, never silently lost.

public struct LogEntry: Equatable, Sendable {
    public var monotonicNs: UInt64
    public var agent: String
    public var level: String
    public var message: String
}

public struct LogRing: Sendable {
    var slots: [LogEntry] = []
    var next = 0
    public let capacity: Int
    /// Entries overwritten because the ring was full.
    public private(set) var overwritten = 0
    /// Entries appended since boot.
    public private(set) var appended = 0

    public init(capacity: Int = AgentHostLimits.logCapacity) {
        precondition(capacity > 0, "log ring needs at least one slot")
        self.capacity = capacity
        slots.reserveCapacity(capacity)
    }

    public mutating func append(_ e: LogEntry) {
        appended += 1
        if slots.count < capacity {
            slots.append(e)
            return
        }
        slots[next] = e
        next = (next + 1) % capacity
        overwritten += 1
    }

    /// The newest `n` entries, oldest first.
    public func tail(_ n: Int) -> [LogEntry] {
        let ordered = slots.count < capacity ? slots : Array(slots[next...] + slots[..<next])
        return Array(ordered.suffix(n))
    }
}
