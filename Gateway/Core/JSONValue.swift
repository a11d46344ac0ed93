// The JSON data model shared by the parser, the schema layer, the policy and the canonical form.

/// A parsed JSON value (RFC 8259). Objects keep their members in source order and never hold
/// duplicate keys (the parser rejects them); numbers keep their exact source text so that
/// canonical serialization and policy comparisons never round.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// The number's literal text as written (validated RFC 8259 grammar) and its Double value.
    case number(text: String, value: Double)
    case string(String)
    case array([JSONValue])
    /// Members in source order; keys are unique.
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(_, a), .number(_, b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where x.key != y.key || x.value != y.value { return false }
            return true
        default: return false
        }
    }

    /// Member lookup for objects; nil for other values or a missing key.
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        for member in members where member.key == key { return member.value }
        return nil
    }

    public var stringValue: String? {
        if case let .string(s) = self { return s }
        return nil
    }

    public var doubleValue: Double? {
        if case let .number(_, v) = self { return v }
        return nil
    }
}
