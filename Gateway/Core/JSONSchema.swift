// A compiled JSON Schema subset (draft 2020-12 keywords: type, required, properties,
// additionalProperties, enum, pattern, minimum, maximum, minLength, maxLength, items, maxItems)
// as a flat node table, and the validator layer 1 runs on every call.

public struct SchemaError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { "schema error: \(message)" }
}

public struct JSONSchema: Sendable {
    /// Bit set of JSON types (`integer` is a number with no fraction).
    public struct Types: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let null = Types(rawValue: 1)
        public static let boolean = Types(rawValue: 2)
        public static let integer = Types(rawValue: 4)
        public static let number = Types(rawValue: 8)
        public static let string = Types(rawValue: 16)
        public static let array = Types(rawValue: 32)
        public static let object = Types(rawValue: 64)
        public static let all = Types(rawValue: 127)
    }

    enum Additional: Sendable {
        case allowed
        case forbidden
        case schema(Int)
    }

    struct Node: Sendable {
        var types: Types = .all
        var required: [String] = []
        var properties: [(name: String, node: Int)] = []
        var additional: Additional = .allowed
        var enumValues: [JSONValue]? = nil
        var pattern: Regex? = nil
        var minimum: Double? = nil
        var maximum: Double? = nil
        var minLength: Int? = nil
        var maxLength: Int? = nil
        var items: Int? = nil
        var maxItems: Int? = nil
    }

    var nodes: [Node] = []

    /// A schema that accepts any object (external tools without a declared schema).
    public static var anyObject: JSONSchema {
        var s = JSONSchema()
        s.nodes = [Node(types: .object)]
        return s
    }

    /// Compiles a schema document; unknown keywords are errors (never silently ignored), except
    /// the annotations `description`, `title`, `default`, `examples`, `$schema`.
    public init(_ document: JSONValue) throws(SchemaError) {
        _ = try compile(document, path: "#")
    }

    public init(parsing text: String) throws(SchemaError) {
        let doc: JSONValue
        do { doc = try JSONParser.parse(text) } catch { throw SchemaError(message: error.description) }
        try self.init(doc)
    }

    init() {}

    mutating func compile(_ doc: JSONValue, path: String) throws(SchemaError) -> Int {
        guard case let .object(members) = doc else { throw SchemaError(message: "\(path): schema must be an object") }
        let index = nodes.count
        nodes.append(Node())
        var node = Node()
        for (key, value) in members {
            switch key {
            case "description", "title", "default", "examples", "$schema": continue
            case "type":
                node.types = []
                if case .array(let names) = value {
                    for n in names { node.types.insert(try Self.typeBit(n, path)) }
                } else {
                    node.types = try Self.typeBit(value, path)
                }
            case "required":
                guard case .array(let names) = value else { throw SchemaError(message: "\(path).required must be an array") }
                for n in names {
                    guard let s = n.stringValue else { throw SchemaError(message: "\(path).required holds a non-string") }
                    node.required.append(s)
                }
            case "properties":
                guard case .object(let props) = value else { throw SchemaError(message: "\(path).properties must be an object") }
                for (name, sub) in props {
                    node.properties.append((name: name, node: try compile(sub, path: path + "/" + name)))
                }
            case "additionalProperties":
                if case .bool(let b) = value { node.additional = b ? .allowed : .forbidden }
                else { node.additional = .schema(try compile(value, path: path + "/additionalProperties")) }
            case "enum":
                guard case .array(let values) = value else { throw SchemaError(message: "\(path).enum must be an array") }
                node.enumValues = values
            case "pattern":
                guard let p = value.stringValue else { throw SchemaError(message: "\(path).pattern must be a string") }
                do { node.pattern = try Regex(p) } catch { throw SchemaError(message: "\(path).pattern: \(error.description)") }
            case "minimum": node.minimum = try Self.number(value, key, path)
            case "maximum": node.maximum = try Self.number(value, key, path)
            case "minLength": node.minLength = Int(try Self.number(value, key, path))
            case "maxLength": node.maxLength = Int(try Self.number(value, key, path))
            case "maxItems": node.maxItems = Int(try Self.number(value, key, path))
            case "items": node.items = try compile(value, path: path + "/items")
            default: throw SchemaError(message: "\(path): unsupported keyword \"\(key)\"")
            }
        }
        nodes[index] = node
        return index
    }

    static func typeBit(_ v: JSONValue, _ path: String) throws(SchemaError) -> Types {
        switch v.stringValue {
        case "null": return .null
        case "boolean": return .boolean
        case "integer": return .integer
        case "number": return [.number, .integer]
        case "string": return .string
        case "array": return .array
        case "object": return .object
        default: throw SchemaError(message: "\(path).type: unknown type")
        }
    }

    static func number(_ v: JSONValue, _ key: String, _ path: String) throws(SchemaError) -> Double {
        guard let d = v.doubleValue else { throw SchemaError(message: "\(path).\(key) must be a number") }
        return d
    }

    // MARK: Validation

    /// Returns nil when `value` conforms, else a short reason naming the failing location.
    /// Besides the schema, every string must be free of U+0000.
    /// Allocates only on the failing path (to build the reason).
    public func violation(of value: JSONValue) -> String? {
        // Nodes are read in place through a pointer: copying a Node would retain all its arrays.
        nodes.withUnsafeBufferPointer { violation(value, node: $0.baseAddress!, index: 0) }
    }

    /// Word-at-a-time zero-byte scan (the classic "has zero byte" bit trick), 8 bytes per step.
    static func containsNUL(_ s: String) -> Bool {
        let found: Bool? = s.utf8.withContiguousStorageIfAvailable { buf -> Bool in
            guard let p = buf.baseAddress else { return false }
            let raw = UnsafeRawPointer(p)
            var i = 0
            while i + 8 <= buf.count {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080 != 0 { return true }
                i += 8
            }
            while i < buf.count { if buf[i] == 0 { return true }; i += 1 }
            return false
        }
        if let found { return found }
        for b in s.utf8 where b == 0 { return true }
        return false
    }

    static func scalarCount(_ s: String) -> Int {
        var count = 0
        for _ in s.unicodeScalars { count += 1 }
        return count
    }

    func violation(_ value: JSONValue, node base: UnsafePointer<Node>, index: Int) -> String? {
        let node = UnsafePointer(base + index)
        // One switch: each case checks the type, then `enum`, then its own keywords (the order the
        // reasons are documented in). Binding a payload once keeps the retains of the value to one.
        switch value {
        case .null:
            if let why = typeAndEnum(value, .null, node) { return why }
        case .bool:
            if let why = typeAndEnum(value, .boolean, node) { return why }
        case .number(_, let v):
            let type: Types = v.magnitude < 9_007_199_254_740_992 && Double(Int64(v)) == v ? .integer : .number
            if let why = typeAndEnum(value, type, node) { return why }
            if let lo = node.pointee.minimum, v < lo { return "below minimum" }
            if let hi = node.pointee.maximum, v > hi { return "above maximum" }
        case .string(let s):
            if let why = typeAndEnum(value, .string, node) { return why }
            // Lengths count Unicode scalars; the UTF-8 byte count bounds them (bytes/4 ≤ scalars ≤ bytes),
            // so the O(n) count runs only when the byte count cannot decide.
            // Beyond JSON Schema: no U+0000 in any string (host functions and paths are C-string-like).
            if Self.containsNUL(s) { return "contains a NUL character" }
            let bytes = s.utf8.count
            if let hi = node.pointee.maxLength, bytes > hi, Self.scalarCount(s) > hi { return "longer than \(hi) characters" }
            if let lo = node.pointee.minLength, bytes < lo * 4, Self.scalarCount(s) < lo { return "shorter than \(lo) characters" }
            if let p = node.pointee.pattern, !p.matches(s) { return "does not match pattern \(p.pattern)" }
        case .array(let elements):
            if let why = typeAndEnum(value, .array, node) { return why }
            if let hi = node.pointee.maxItems, elements.count > hi { return "more than \(hi) items" }
            if let item = node.pointee.items {
                for (i, e) in elements.enumerated() {
                    if let why = violation(e, node: base, index: item) { return "[\(i)] \(why)" }
                }
            }
        case .object(let members):
            if let why = typeAndEnum(value, .object, node) { return why }
            return members.withUnsafeBufferPointer { objectViolation($0, node: node, base: base) }
        }
        return nil
    }

    /// The `type` keyword (an integer also satisfies "number"), then `enum`.
    @inline(__always)
    private func typeAndEnum(_ value: JSONValue, _ type: Types, _ node: UnsafePointer<Node>) -> String? {
        if node.pointee.types.intersection(type).isEmpty && !(type == .integer && node.pointee.types.contains(.number)) {
            return "wrong type"
        }
        if let values = node.pointee.enumValues, !values.contains(value) { return "not one of the allowed values" }
        return nil
    }

    /// `required`, then each member against its property schema (or `additionalProperties`), in member order.
    /// Members are read in place: iterating the array would copy (and retain) every key and value.
    private func objectViolation(_ members: UnsafeBufferPointer<(key: String, value: JSONValue)>,
                                 node: UnsafePointer<Node>, base: UnsafePointer<Node>) -> String? {
        for name in node.pointee.required {
            var found = false
            for i in members.indices where members[i].key == name { found = true; break }
            if !found { return "missing required \"\(name)\"" }
        }
        for i in members.indices {
            var sub: Int? = nil
            for p in node.pointee.properties where p.name == members[i].key { sub = p.node; break }
            if sub == nil {
                switch node.pointee.additional {
                case .allowed: continue
                case .forbidden: return "unexpected property \"\(members[i].key)\""
                case .schema(let s): sub = s
                }
            }
            if let s = sub, let why = violation(members[i].value, node: base, index: s) {
                return "\"\(members[i].key)\": \(why)"
            }
        }
        return nil
    }
}
