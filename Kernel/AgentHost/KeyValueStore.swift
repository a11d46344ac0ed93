// The agents' key-value store: one namespace per agent name, with per-agent quotas on key count
// and total bytes (keys + values). Values may expire (ttl, monotonic clock).

public struct KeyValueStore: Sendable {
    struct Entry: Sendable {
        var value: String
        /// Monotonic ns after which the entry is gone; nil = never.
        var expiresNs: UInt64?
    }

    struct Namespace: Sendable {
        var entries: [String: Entry] = [:]
        var bytes = 0
    }

    var spaces: [String: Namespace] = [:]
    public let maxKeys: Int
    public let maxBytes: Int

    public init(maxKeysPerAgent: Int = AgentHostLimits.kvMaxKeysPerAgent, maxBytesPerAgent: Int = AgentHostLimits.kvMaxBytesPerAgent) {
        maxKeys = maxKeysPerAgent
        maxBytes = maxBytesPerAgent
    }

    /// The value of `key` in `agent`'s namespace, nil if absent or expired.
    public mutating func get(agent: String, key: String, now: UInt64) -> String? {
        guard let e = spaces[agent]?.entries[key] else { return nil }
        if let t = e.expiresNs, now >= t {
            remove(agent: agent, key: key)
            return nil
        }
        return e.value
    }

    /// Stores `value`; throws a quota message when the namespace would exceed its limits.
    public mutating func put(agent: String, key: String, value: String, ttlSeconds: UInt64?, now: UInt64) throws(ToolFailure) {
        var ns = spaces[agent] ?? Namespace()
        let old = ns.entries[key]
        let oldBytes = old.map { key.utf8.count + $0.value.utf8.count } ?? 0
        let newBytes = key.utf8.count + value.utf8.count
        guard old != nil || ns.entries.count < maxKeys else {
            throw .failed(code: "quota", message: "key-value store holds \(maxKeys) keys per agent")
        }
        guard ns.bytes - oldBytes + newBytes <= maxBytes else {
            throw .failed(code: "quota", message: "key-value store holds \(maxBytes) bytes per agent")
        }
        let expires = ttlSeconds.map { now &+ $0 &* 1_000_000_000 }
        ns.entries[key] = Entry(value: value, expiresNs: expires)
        ns.bytes += newBytes - oldBytes
        spaces[agent] = ns
    }

    mutating func remove(agent: String, key: String) {
        guard let e = spaces[agent]?.entries[key] else { return }
        spaces[agent]!.bytes -= key.utf8.count + e.value.utf8.count
        spaces[agent]!.entries[key] = nil
    }

    /// Keys held for `agent` (expired ones included until read).
    public func keyCount(agent: String) -> Int { spaces[agent]?.entries.count ?? 0 }
}
