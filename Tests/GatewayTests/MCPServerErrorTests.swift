// Every JSON-RPC error path of the MCP server: -32700, -32600, -32601, -32602, -32603, -32002,
// with the request id echoed whenever it could be read (JSON-RPC 2.0 §5).
import Testing
@testable import Gateway

@Test func malformedJSONIsAParseErrorWithNullID() {
    var server = initializedServer()
    for bad in [#"{"jsonrpc":"2.0","id":1,"method":"ping""#, "{", "nul", #"{"a":1,"a":2}"#, "[1,]"] {
        let r = send(&server, bad)
        #expect(errorCode(r) == -32700, "\(bad)")
        #expect(r?["id"] == .null)
    }
    // Invalid UTF-8 inside a string is a parse error too.
    let bytes: [UInt8] = Array(#"{"jsonrpc":"2.0","id":1,"method":""#.utf8) + [0xFF] + Array(#""}"#.utf8)
    let out = server.handle(line: bytes)!
    #expect(errorCode(try? JSONParser.parse(bytes: out)) == -32700)
}

@Test func structurallyInvalidMessagesAreInvalidRequests() {
    var server = initializedServer()
    let cases: [(String, JSONValue)] = [
        ("1", .null),
        (#""ping""#, .null),
        (#"{"id":3,"method":"ping"}"#, .number(text: "3", value: 3)),
        (#"{"jsonrpc":"1.0","id":4,"method":"ping"}"#, .number(text: "4", value: 4)),
        (#"{"jsonrpc":2.0,"id":"s","method":"ping"}"#, .string("s")),
        (#"{"jsonrpc":"2.0","id":5}"#, .number(text: "5", value: 5)),
        (#"{"jsonrpc":"2.0","id":6,"method":42}"#, .number(text: "6", value: 6)),
        (#"{"jsonrpc":"2.0","id":7,"method":"ping","params":"x"}"#, .number(text: "7", value: 7)),
        (#"{"jsonrpc":"2.0","id":null,"method":"ping"}"#, .null),
        (#"{"jsonrpc":"2.0","id":1.5,"method":"ping"}"#, .null),
        (#"{"jsonrpc":"2.0","id":true,"method":"ping"}"#, .null),
        (#"{"jsonrpc":"2.0","id":{"x":1},"method":"ping"}"#, .null),
    ]
    for (line, id) in cases {
        let r = send(&server, line)
        #expect(errorCode(r) == -32600, "\(line)")
        #expect(r?["id"] == id, "\(line)")
    }
}

@Test func unknownMethodIsMethodNotFoundBeforeAndAfterInitialize() {
    var fresh = FakeServer(provider: FakeProvider())
    #expect(errorCode(send(&fresh, #"{"jsonrpc":"2.0","id":1,"method":"server/discover"}"#)) == -32601)
    var server = initializedServer()
    let r = send(&server, #"{"jsonrpc":"2.0","id":"q","method":"resources/list"}"#)
    #expect(errorCode(r) == -32601)
    #expect(r?["id"] == .string("q"))
    #expect(r?["error"]?["message"]?.stringValue == "Method not found: resources/list")
}

@Test func badParamsAreInvalidParams() {
    var server = initializedServer()
    let lines = [
        #"{"jsonrpc":"2.0","id":1,"method":"tools/call"}"#,
        #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"arguments":{}}}"#,
        #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":7}}"#,
        #"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"echo","arguments":[1]}}"#,
        #"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"echo","arguments":"{}"}}"#,
        #"{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":""}}"#,
        #"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":[1,2]}"#,
        #"{"jsonrpc":"2.0","id":8,"method":"tools/list","params":{"cursor":"abc"}}"#,
        #"{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"\#(String(repeating: "n", count: 129))"}}"#,
    ]
    for line in lines {
        #expect(errorCode(send(&server, line)) == -32602, "\(line)")
    }
    #expect(server.provider.calls.isEmpty, "no malformed call may reach the provider")
}

@Test func unknownToolIsInvalidParamsPerMCP() {
    var server = initializedServer()
    let r = send(&server, #"{"jsonrpc":"2.0","id":11,"method":"tools/call","params":{"name":"nope","arguments":{}}}"#)
    #expect(errorCode(r) == -32602)
    #expect(r?["error"]?["message"]?.stringValue == "Invalid params: Unknown tool: nope")
    #expect(r?["id"] == .number(text: "11", value: 11))
}

@Test func ungovernableCallIsInternalError() {
    var server = initializedServer()
    let r = send(&server, #"{"jsonrpc":"2.0","id":12,"method":"tools/call","params":{"name":"audit_full"}}"#)
    #expect(errorCode(r) == -32603)
    #expect(r?["error"]?["message"]?.stringValue == "Internal error: audit log full")
}

@Test func initializeWithBadParamsIsInvalidParams() {
    var server = FakeServer(provider: FakeProvider())
    let lines = [
        #"{"jsonrpc":"2.0","id":1,"method":"initialize"}"#,
        #"{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"capabilities":{},"clientInfo":{"name":"c"}}}"#,
        #"{"jsonrpc":"2.0","id":3,"method":"initialize","params":{"protocolVersion":20250618,"clientInfo":{"name":"c"}}}"#,
        #"{"jsonrpc":"2.0","id":4,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{}}}"#,
        #"{"jsonrpc":"2.0","id":5,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":[],"clientInfo":{"name":"c"}}}"#,
    ]
    for line in lines {
        #expect(errorCode(send(&server, line)) == -32602, "\(line)")
    }
    #expect(server.state == .awaitingInitialize, "a failed initialize must not start the session")
}

@Test func requestsBeforeInitializeAreRejected() {
    var server = FakeServer(provider: FakeProvider())
    for method in ["tools/list", "tools/call"] {
        let r = send(&server, #"{"jsonrpc":"2.0","id":1,"method":"\#(method)","params":{"name":"echo"}}"#)
        #expect(errorCode(r) == -32002, "\(method)")
        #expect(r?["error"]?["message"]?.stringValue == "Server not initialized: send initialize before \(method)")
    }
    #expect(server.provider.calls.isEmpty)
    // ping is allowed at any time.
    #expect(send(&server, #"{"jsonrpc":"2.0","id":2,"method":"ping"}"#)?["result"] == .object([]))
}

@Test func overlongLineIsInvalidRequestWithNullID() {
    var server = initializedServer()
    let out = server.handleOverlong(byteCount: 300_000)
    let r = try? JSONParser.parse(bytes: out)
    #expect(errorCode(r) == -32600)
    #expect(r?["id"] == .null)
    #expect(r?["error"]?["message"]?.stringValue
            == "Invalid Request: message of 300000 bytes exceeds the 262144-byte line limit")
}

@Test func idsAreEchoedExactly() {
    var server = initializedServer()
    let big = send(&server, #"{"jsonrpc":"2.0","id":12345678901234567890,"method":"ping"}"#)
    #expect(big?["id"] == .number(text: "12345678901234567890", value: 1.2345678901234567e19))
    let out = server.handle(line: Array(#"{"jsonrpc":"2.0","id":12345678901234567890,"method":"ping"}"#.utf8))!
    #expect(String(decoding: out, as: UTF8.self) == #"{"jsonrpc":"2.0","id":12345678901234567890,"result":{}}"#)
    let quoted = send(&server, #"{"jsonrpc":"2.0","id":"a\"b\n","method":"ping"}"#)
    #expect(quoted?["id"] == .string("a\"b\n"))
    #expect(errorCode(send(&server, #"{"jsonrpc":"2.0","id":"\#(String(repeating: "i", count: 257))","method":"ping"}"#)) == -32600)
}

@Test func errorsAreCounted() {
    var server = initializedServer()
    _ = send(&server, "{")
    _ = send(&server, #"{"jsonrpc":"2.0","id":1,"method":"x"}"#)
    #expect(server.stats.errorResponses == 2)
}
