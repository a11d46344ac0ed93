// Serialization of JSON-RPC 2.0 responses (§5) as single compact lines (no embedded newlines:
// the writer escapes every control character inside strings).

enum JSONRPCResponse {
    /// Appends `{"jsonrpc":"2.0","id":ID,"result":RESULT}`.
    static func result(id: JSONRPCID, _ result: JSONValue, into out: inout [UInt8]) {
        mcpAppend("{\"jsonrpc\":\"2.0\",\"id\":", to: &out)
        writeID(id, into: &out)
        mcpAppend(",\"result\":", to: &out)
        JSONWriter.compact(result, into: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// Appends `{"jsonrpc":"2.0","id":ID|null,"error":{"code":C,"message":M[,"data":D]}}`.
    static func error(id: JSONRPCID?, _ error: JSONRPCError, into out: inout [UInt8]) {
        mcpAppend("{\"jsonrpc\":\"2.0\",\"id\":", to: &out)
        if let id { writeID(id, into: &out) } else { mcpAppend("null", to: &out) }
        mcpAppend(",\"error\":{\"code\":", to: &out)
        for b in String(error.code).utf8 { out.append(b) }
        mcpAppend(",\"message\":", to: &out)
        JSONWriter.compact(.string(error.message), into: &out)
        if let data = error.data {
            mcpAppend(",\"data\":", to: &out)
            JSONWriter.compact(data, into: &out)
        }
        mcpAppend("}}", to: &out)
    }

    /// Ids are echoed exactly: integer ids keep their literal text (no rounding above 2^53).
    static func writeID(_ id: JSONRPCID, into out: inout [UInt8]) {
        switch id {
        case .number(let text): for b in text.utf8 { out.append(b) }
        case .string(let s): JSONWriter.compact(.string(s), into: &out)
        }
    }
}

/// Appends the bytes of a static ASCII string.
func mcpAppend(_ s: StaticString, to out: inout [UInt8]) {
    let p = s.utf8Start
    for i in 0..<s.utf8CodeUnitCount { out.append(p[i]) }
}

extension JSONValue {
    /// An integer JSON number (text and value agree).
    static func mcpInteger(_ n: Int) -> JSONValue { .number(text: String(n), value: Double(n)) }
}
