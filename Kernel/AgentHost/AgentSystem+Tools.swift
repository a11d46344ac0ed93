// The tool providers behind the 15 host functions (docs/host-abi.md §Results). Only reached from
// `AgentSystem.handle` after the gateway allowed the call; arguments already passed the schema.

import Gateway

extension AgentSystem {
    /// Carries out an allowed call and returns its result object.
    func execute(_ tool: BuiltinTool, _ a: JSONValue, agent: AgentManifest) throws(ToolFailure) -> JSONValue {
        let now = services.monotonicNanoseconds()
        switch tool {
        case .fsRead:
            let bytes = try fs { () throws(FileSystemError) in try fileSystem.read(string(a, "path")) }
            let start = min(int(a, "offset") ?? 0, bytes.count)
            let end = min(bytes.count, start + (int(a, "length") ?? bytes.count))
            return .object([("content", .string(String(decoding: bytes[start..<end], as: UTF8.self))),
                            ("size", number(bytes.count))])
        case .fsWrite:
            let content = Array(string(a, "content").utf8)
            let append = a["append"] == .bool(true)
            try fs { () throws(FileSystemError) in try fileSystem.write(string(a, "path"), content, append: append, now: now) }
            return .object([("written", number(content.count))])
        case .fsList:
            let max = min(int(a, "max_entries") ?? AgentHostLimits.fsMaxListEntries, AgentHostLimits.fsMaxListEntries)
            let list = try fs { () throws(FileSystemError) in
                try fileSystem.list(string(a, "path"), recursive: a["recursive"] == .bool(true), maxEntries: max)
            }
            return .object([("entries", .array(list.map { e in
                .object([("path", .string(e.path)), ("type", .string(e.node.isDirectory ? "dir" : "file")),
                         ("size", number(e.node.bytes.count))])
            }))])
        case .fsDelete:
            let n = try fs { () throws(FileSystemError) in
                try fileSystem.delete(string(a, "path"), recursive: a["recursive"] == .bool(true))
            }
            return .object([("deleted", number(n))])
        case .fsStat:
            let n = try fs { () throws(FileSystemError) in try fileSystem.node(string(a, "path")) }
            return .object([("type", .string(n.isDirectory ? "dir" : "file")), ("size", number(n.bytes.count)),
                            ("mtime_ns", number(Int(truncatingIfNeeded: n.mtimeNs)))])
        case .httpFetch, .netSend, .procExec:
            return try services.egress(tool: tool.name, arguments: a)
        case .kvGet:
            guard let v = keyValues.get(agent: agent.name, key: string(a, "key"), now: now) else {
                throw .failed(code: "not_found", message: "no key \"\(string(a, "key"))\"")
            }
            return .object([("value", .string(v))])
        case .kvPut:
            let ttl = int(a, "ttl_s").map { UInt64($0) }
            try keyValues.put(agent: agent.name, key: string(a, "key"), value: string(a, "value"), ttlSeconds: ttl, now: now)
            return .object([("ok", .bool(true))])
        case .clockNow:
            if a["clock"] == .string("monotonic") {
                return .object([("clock", .string("monotonic")), ("ns", number(Int(truncatingIfNeeded: now)))])
            }
            return .object([("clock", .string("wall")), ("ns", number(Int(services.wallNanoseconds())))])
        case .randomBytes:
            var bytes = [UInt8](repeating: 0, count: int(a, "count") ?? 0)
            services.randomBytes(into: &bytes)
            return .object([("hex", .string(hex(bytes)))])
        case .logWrite:
            var message = string(a, "message")
            if message.utf8.count > AgentHostLimits.logMaxMessageBytes {
                message = String(decoding: message.utf8.prefix(AgentHostLimits.logMaxMessageBytes), as: UTF8.self)
            }
            log.append(LogEntry(monotonicNs: now, agent: agent.name, level: a["level"]?.stringValue ?? "info", message: message))
            return .object([("ok", .bool(true))])
        case .envGet:
            guard let v = environment[string(a, "name")] else {
                throw .failed(code: "not_found", message: "no variable \"\(string(a, "name"))\"")
            }
            return .object([("value", .string(v))])
        case .mcpCall:
            return try services.mcpCall(server: a["server"]?.stringValue ?? "", tool: string(a, "tool"),
                                        arguments: a["arguments"] ?? .object([]))
        }
    }

    /// Runs a file-system operation, mapping its error to the ABI's tool failure.
    func fs<T>(_ body: () throws(FileSystemError) -> T) throws(ToolFailure) -> T {
        do { return try body() } catch { throw .failed(code: error.code, message: error.message) }
    }
}

/// A required string member (the schema layer already checked presence and type).
func string(_ a: JSONValue, _ key: String) -> String { a[key]?.stringValue ?? "" }

/// An optional integer member, clamped at 0.
func int(_ a: JSONValue, _ key: String) -> Int? {
    guard let d = a[key]?.doubleValue, d >= 0 else { return nil }
    return d >= Double(Int32.max) ? Int(Int32.max) : Int(d)
}

func number(_ n: Int) -> JSONValue { .number(text: String(n), value: Double(n)) }

func hex(_ bytes: [UInt8]) -> String {
    let digits: [UInt8] = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    for b in bytes {
        out.append(digits[Int(b >> 4)])
        out.append(digits[Int(b & 15)])
    }
    return String(decoding: out, as: UTF8.self)
}
