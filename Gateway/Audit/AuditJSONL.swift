// JSON Lines export and strict import of audit records (docs/audit-format.md §JSON Lines).

import Blake3

public enum AuditJSONL {
    // MARK: Export

    /// One record as one line of JSON (no trailing newline), keys in the documented order.
    public static func line(_ r: AuditRecord) -> String {
        var m: [(key: String, value: JSONValue)] = [
            ("seq", uint(r.seq)), ("segment", uint(UInt64(r.segment))), ("kind", .string(r.kind.name)),
            ("mono_ns", uint(r.monotonicNs)), ("wall_ns", .number(text: String(r.wallNs), value: Double(r.wallNs))),
        ]
        switch r.payload {
        case let .genesis(b):
            m += [("kernel_build", .string(b.kernelBuild.hex)), ("policy", .string(b.policy.hex)),
                  ("model", .string(b.model.hex))]
        case let .decision(d):
            var lat: [JSONValue] = []
            for i in 0..<6 { lat.append(uint(d.latencies[index: i])) }
            m += [("agent", .string(d.agent)), ("tool", .string(d.tool)), ("args", .string(d.argumentsHash.hex)),
                  ("layer", uint(UInt64(d.decidingLayer))), ("verdict", .string(d.verdict.rawValue)),
                  ("reason", .string(d.reason)), ("latency_ns", .array(lat))]
        case let .seal(s):
            m += [("first_seq", uint(s.firstSeq)), ("record_count", uint(s.recordCount))]
        }
        m += [("prev", .string(r.prevHash.hex)), ("hash", .string(r.hash.hex))]
        return JSONWriter.compactString(.object(m))
    }

    /// Every record, one per line, each line ending in "\n".
    public static func export(_ records: [AuditRecord]) -> String {
        var out = ""
        for r in records {
            out += line(r)
            out += "\n"
        }
        return out
    }

    private static func uint(_ v: UInt64) -> JSONValue { .number(text: String(v), value: Double(v)) }

    // MARK: Import

    /// Decodes one line. Every documented key must be present with the right type, and no other key.
    public static func decode(line text: String, lineNumber: Int) throws(AuditError) -> AuditRecord {
        if text.utf8.count > AuditLimits.maxLineBytes {
            throw .malformedLine(line: lineNumber, reason: "line longer than \(AuditLimits.maxLineBytes) bytes")
        }
        let value: JSONValue
        do throws(JSONError) {
            value = try JSONParser.parse(text)
        } catch {
            throw .malformedLine(line: lineNumber, reason: error.description)
        }
        guard case let .object(members) = value else { throw .malformedLine(line: lineNumber, reason: "not a JSON object") }
        var f = Fields(members: members, line: lineNumber)
        let seq = try f.uint("seq")
        let segment = try f.uint("segment", max: UInt64(UInt32.max))
        let kindName = try f.string("kind")
        guard let kind = AuditRecordKind(name: kindName) else {
            throw .malformedLine(line: lineNumber, reason: "unknown kind \"\(kindName)\"")
        }
        let mono = try f.uint("mono_ns")
        let wall = try f.int("wall_ns")
        let payload: AuditPayload
        switch kind {
        case .genesis:
            payload = .genesis(AuditBinding(kernelBuild: try f.digest("kernel_build"), policy: try f.digest("policy"),
                                            model: try f.digest("model")))
        case .decision:
            let agent = try f.string("agent")
            let tool = try f.string("tool")
            let args = try f.digest("args")
            let layer = try f.uint("layer", max: 255)
            let verdictName = try f.string("verdict")
            guard let verdict = Verdict(rawValue: verdictName) else {
                throw .malformedLine(line: lineNumber, reason: "verdict \"\(verdictName)\" is not allow or deny")
            }
            let reason = try f.string("reason")
            let lat = try f.latencies("latency_ns")
            payload = .decision(AuditDecision(agent: agent, tool: tool, argumentsHash: args, decidingLayer: UInt8(layer),
                                              verdict: verdict, reason: reason, latencies: lat))
        case .seal:
            payload = .seal(AuditSeal(firstSeq: try f.uint("first_seq"), recordCount: try f.uint("record_count")))
        }
        let prev = try f.digest("prev")
        let hash = try f.digest("hash")
        try f.requireAllUsed()
        let record = AuditRecord(seq: seq, segment: UInt32(segment), monotonicNs: mono, wallNs: wall, payload: payload,
                                 prevHash: prev, hash: hash)
        // Only the canonical spelling is accepted, so that any changed byte of a line is detected.
        guard line(record) == text else {
            throw .malformedLine(line: lineNumber, reason: "not in canonical form (key order, spacing, escapes or hex case)")
        }
        return record
    }

    /// Decodes lines until the first malformed one (empty lines are malformed, except one final newline).
    public static func decodeAll(_ text: String) -> (records: [AuditRecord], error: AuditError?) {
        var records: [AuditRecord] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        for (i, line) in lines.enumerated() {
            do throws(AuditError) {
                records.append(try decode(line: String(line), lineNumber: i + 1))
            } catch {
                return (records, error)
            }
        }
        return (records, nil)
    }

    /// Decodes and verifies an export: the first bad record wins, whether it fails to decode or to verify.
    public static func verify(_ text: String, _ options: AuditVerifyOptions = AuditVerifyOptions()) -> AuditVerification {
        let (records, error) = decodeAll(text)
        if let error {
            let result = AuditVerifier.verify(records, AuditVerifyOptions(anchor: options.anchor,
                                                                          expectedBinding: options.expectedBinding))
            if case .bad = result, !records.isEmpty { return result }
            let seq = records.last.map { $0.seq &+ 1 } ?? options.anchor?.seq ?? 0
            return .bad(seq: seq, reason: error.message)
        }
        return AuditVerifier.verify(records, options)
    }
}

extension AuditVerifyOptions {
    init(anchor: AuditAnchor?, expectedBinding: AuditBinding?) {
        self.init()
        self.anchor = anchor
        self.expectedBinding = expectedBinding
    }
}

/// Typed access to one line's members, remembering which keys were read.
private struct Fields {
    let members: [(key: String, value: JSONValue)]
    let line: Int
    var used = 0

    init(members: [(key: String, value: JSONValue)], line: Int) {
        self.members = members
        self.line = line
    }

    mutating func value(_ key: String) throws(AuditError) -> JSONValue {
        guard let v = JSONValue.object(members)[key] else { throw .malformedLine(line: line, reason: "missing \"\(key)\"") }
        used += 1
        return v
    }

    mutating func string(_ key: String) throws(AuditError) -> String {
        guard let s = try value(key).stringValue else { throw .malformedLine(line: line, reason: "\"\(key)\" is not a string") }
        if s.utf8.count > AuditLimits.maxStringBytes {
            throw .malformedLine(line: line, reason: "\"\(key)\" longer than \(AuditLimits.maxStringBytes) bytes")
        }
        return s
    }

    mutating func digest(_ key: String) throws(AuditError) -> Blake3Digest {
        let s = try string(key)
        guard s.utf8.count == 64, let d = Blake3Digest(hex: s) else {
            throw .malformedLine(line: line, reason: "\"\(key)\" is not 64 hex digits")
        }
        return d
    }

    mutating func uint(_ key: String, max: UInt64 = .max) throws(AuditError) -> UInt64 {
        try Fields.parseUInt(try value(key), max: max, key: key, line: line)
    }

    mutating func int(_ key: String) throws(AuditError) -> Int64 {
        let v = try value(key)
        guard case let .number(text, _) = v else { throw .malformedLine(line: line, reason: "\"\(key)\" is not a number") }
        if text.hasPrefix("-") {
            let magnitude = try Fields.parseUInt(.number(text: String(text.dropFirst()), value: 0),
                                                 max: UInt64(Int64.max) + 1, key: key, line: line)
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        return Int64(try Fields.parseUInt(v, max: UInt64(Int64.max), key: key, line: line))
    }

    mutating func latencies(_ key: String) throws(AuditError) -> AuditLatencies {
        guard case let .array(items) = try value(key), items.count == 6 else {
            throw .malformedLine(line: line, reason: "\"\(key)\" is not an array of 6 integers")
        }
        var lat = AuditLatencies()
        for (i, item) in items.enumerated() { lat[index: i] = try Fields.parseUInt(item, max: .max, key: key, line: line) }
        return lat
    }

    func requireAllUsed() throws(AuditError) {
        if used != members.count { throw .malformedLine(line: line, reason: "unexpected keys for this record kind") }
    }

    /// Exact decimal integer (digits only, no sign, fraction or exponent; no leading zeros).
    static func parseUInt(_ v: JSONValue, max: UInt64, key: String, line: Int) throws(AuditError) -> UInt64 {
        guard case let .number(text, _) = v, !text.isEmpty else {
            throw .malformedLine(line: line, reason: "\"\(key)\" is not an integer")
        }
        if text.utf8.count > 1 && text.utf8.first == UInt8(ascii: "0") {
            throw .malformedLine(line: line, reason: "\"\(key)\" has a leading zero")
        }
        var n: UInt64 = 0
        for c in text.utf8 {
            guard c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") else {
                throw .malformedLine(line: line, reason: "\"\(key)\" is not a non-negative integer")
            }
            let (m, o1) = n.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(UInt64(c - UInt8(ascii: "0")))
            guard !o1 && !o2 && s <= max else { throw .malformedLine(line: line, reason: "\"\(key)\" out of range") }
            n = s
        }
        return n
    }
}
