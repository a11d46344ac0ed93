// Tests of layer 1 and the JSON Schema subset it enforces.
import Testing
@testable import Gateway

private func check(_ tool: String, _ args: String) throws -> LayerOutcome {
    let c = ToolCatalogue()
    let call = try call(tool, args)
    return SchemaLayer().evaluate(call, tool: c.lookup(tool).map { c[$0] })
}

@Test func schemaAllowsConformingCalls() throws {
    #expect(try check("fs_read", #"{"path":"/home/u/notes.txt","length":100}"#) == .pass)
    #expect(try check("http_fetch", #"{"url":"https://example.org/a?b=1","method":"GET","headers":{"Accept":"text/html"}}"#) == .pass)
    #expect(try check("proc_exec", #"{"command":"ls","args":["-l","/tmp"]}"#) == .pass)
    #expect(try check("clock_now", "{}") == .pass)
    #expect(try check("net_send", #"{"host":"10.0.0.1","port":65535,"data":""}"#) == .pass)
}

@Test func schemaDeniesEachViolationKind() throws {
    let cases: [(String, String, String)] = [
        ("nope", "{}", "unknown tool"),
        ("fs_read", "[]", "must be a JSON object"),
        ("fs_read", "{}", "missing required \"path\""),
        ("fs_read", #"{"path":"/a","mode":"x"}"#, "unexpected property \"mode\""),
        ("fs_read", #"{"path":7}"#, "wrong type"),
        ("fs_read", #"{"path":"/a","offset":-1}"#, "below minimum"),
        ("fs_read", #"{"path":"/a","offset":1.5}"#, "wrong type"),
        ("net_send", #"{"host":"h","port":70000,"data":""}"#, "above maximum"),
        ("http_fetch", #"{"url":"file:///etc/passwd"}"#, "does not match pattern"),
        ("http_fetch", #"{"url":"https://x","method":"TRACE"}"#, "not one of the allowed values"),
        ("http_fetch", #"{"url":"https://x","headers":{"A":1}}"#, "\"A\": wrong type"),
        ("proc_exec", #"{"command":"ls","args":["a",2]}"#, "[1] wrong type"),
        ("env_get", #"{"name":"A B"}"#, "does not match pattern"),
        ("log_write", "{\"message\":\"" + String(repeating: "x", count: 4097) + "\"}", "longer than 4096"),
        ("fs_read", #"{"path":""}"#, "shorter than 1"),
    ]
    for (tool, args, expected) in cases {
        guard case .deny(let reason) = try check(tool, args) else {
            Issue.record("\(tool) \(args) should be denied"); continue
        }
        #expect(reason.contains(expected), "\(reason) lacks \(expected)")
    }
}

@Test func schemaCompilerRejectsUnsupportedKeywords() {
    #expect(throws: SchemaError.self) { try JSONSchema(parsing: #"{"type":"object","oneOf":[]}"#) }
    #expect(throws: SchemaError.self) { try JSONSchema(parsing: #"{"pattern":"("}"#) }
    #expect(throws: SchemaError.self) { try JSONSchema(parsing: "[1]") }
    #expect(throws: SchemaError.self) { try JSONSchema(parsing: #"{"type":"object","#) }
}

@Test func schemaTypeUnionsAndIntegers() throws {
    let s = try JSONSchema(parsing: #"{"type":["integer","null"]}"#)
    #expect(s.violation(of: .null) == nil)
    #expect(s.violation(of: try JSONParser.parse("3")) == nil)
    #expect(s.violation(of: try JSONParser.parse("3.0")) == nil)  // integral number is an integer
    #expect(s.violation(of: try JSONParser.parse("3.5")) != nil)
    #expect(s.violation(of: .string("3")) != nil)
}

@Test func schemaRejectsNULInAnyString() throws {
    guard case .deny(let why) = try check("fs_read", #"{"path":"/etc/passwd\u0000.txt"}"#) else {
        Issue.record("NUL in path must be denied"); return
    }
    #expect(why.contains("\"path\": contains a NUL character"))
    #expect(try check("kv_put", #"{"key":"k","value":"a\u0000b"}"#) != .pass)
}
