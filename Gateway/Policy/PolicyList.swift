// The list of an `in` condition: its items as written, and its strings as a byte-exact hash set so a
// value is checked with one lookup, not one comparison per item (tool lists run on every call).
public struct PolicyList: Sendable {
    public let items: [PolicyValue]
    private var strings = NameTable<Bool>()

    public init(_ items: [PolicyValue]) {
        self.items = items
        for case let .string(s) in items { strings[s] = true }
    }

    /// The value equals an item: strings by UTF-8 bytes, numbers by value, booleans as such.
    func contains(_ value: JSONValue) -> Bool {
        if case let .string(s) = value { return contains(string: s) }
        return items.contains { PolicyMatcher.equal(value, $0) }
    }

    /// `contains(.string(s))` without building the JSON value.
    func contains(string s: String) -> Bool { strings[s] != nil }
}
