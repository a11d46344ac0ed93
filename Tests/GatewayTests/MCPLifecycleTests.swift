// MCP lifecycle: initialize, version negotiation, notifications/initialized, ping, re-initialize,
// batches per negotiated version, and the byte-stream connection.
import Testing
@testable import Gateway

@Test func initializeEchoesEverySupportedVersion() {
    for version in ["2024-11-05", "2025-03-26", "2025-06-18"] {
        var server = FakeServer(provider: FakeProvider())
        let r = send(&server, initializeLine(id: 1, version: version))
        #expect(r?["result"]?["protocolVersion"] == .string(version))
        #expect(server.protocolVersion?.rawValue == version)
    }
}

@Test func initializeAnswersUnknownVersionsWithTheLatest() {
    for version in ["2025-11-25", "2026-07-28", "1999-01-01", ""] {
        var server = FakeServer(provider: FakeProvider())
        let r = send(&server, initializeLine(id: 1, version: version))
        #expect(r?["result"]?["protocolVersion"] == .string("2025-06-18"), "\(version)")
    }
}

@Test func initializeResultAnnouncesToolsAndServerInfo() {
    var server = FakeServer(provider: FakeProvider(), info: MCPServerInfo(name: "warden", version: "9.9", instructions: "hi"))
    let r = send(&server, initializeLine(id: "7".isEmpty ? 0 : 7, version: "2025-06-18"))
    #expect(r?["id"] == .number(text: "7", value: 7))
    let result = r?["result"]
    #expect(result?["capabilities"] == .object([(key: "tools", value: .object([(key: "listChanged", value: .bool(false))]))]))
    #expect(result?["serverInfo"]?["name"] == .string("warden"))
    #expect(result?["serverInfo"]?["version"] == .string("9.9"))
    #expect(result?["instructions"] == .string("hi"))
}

@Test func lifecycleRecordsClientAndInitializedNotification() {
    var server = FakeServer(provider: FakeProvider())
    #expect(server.state == .awaitingInitialize)
    _ = send(&server, initializeLine(id: 1, version: "2025-03-26", client: "claude"))
    let client = MCPClientInfo(name: "claude", version: "1.2", protocolVersion: .v2025_03_26)
    #expect(server.state == .ready(client: client, initializedNotified: false))
    #expect(send(&server, #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#) == nil)
    #expect(server.state == .ready(client: client, initializedNotified: true))
    // A second initialize on the same connection is refused and changes nothing.
    let again = send(&server, initializeLine(id: 2, version: "2025-06-18", client: "other"))
    #expect(errorCode(again) == -32600)
    #expect(server.state == .ready(client: client, initializedNotified: true))
}

@Test func serialPortServerAcceptsANewInitializeAsANewSession() {
    var server = FakeServer(provider: FakeProvider(), allowsReinitialize: true)
    _ = send(&server, initializeLine(id: 1, version: "2025-06-18", client: "first"))
    _ = send(&server, #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)
    let r = send(&server, initializeLine(id: 2, version: "2024-11-05", client: "second"))
    #expect(r?["result"]?["protocolVersion"] == .string("2024-11-05"))
    #expect(server.state == .ready(client: MCPClientInfo(name: "second", version: "1.2", protocolVersion: .v2024_11_05),
                                   initializedNotified: false))
    // A failed re-initialize leaves the previous session in place.
    #expect(errorCode(send(&server, #"{"jsonrpc":"2.0","id":3,"method":"initialize","params":{}}"#)) == -32602)
    #expect(server.protocolVersion == .v2024_11_05)
}

@Test func notificationsAndClientResponsesGetNoAnswer() {
    var server = initializedServer()
    #expect(send(&server, #"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1}}"#) == nil)
    #expect(send(&server, #"{"jsonrpc":"2.0","method":"no/such/notification"}"#) == nil)
    #expect(send(&server, #"{"jsonrpc":"2.0","method":"tools/call","params":{"name":"echo"}}"#) == nil)
    #expect(send(&server, #"{"jsonrpc":"2.0","id":5,"result":{}}"#) == nil)
    #expect(send(&server, #"{"jsonrpc":"2.0","id":6,"error":{"code":1,"message":"x"}}"#) == nil)
    #expect(send(&server, "   ") == nil)
    #expect(server.stats.ignoredResponses == 2)
    #expect(server.provider.calls.isEmpty, "a tools/call notification must not run the tool")
}

@Test func batchesAreRejectedAt2025_06_18AndBeforeInitialize() {
    var fresh = FakeServer(provider: FakeProvider())
    let pre = send(&fresh, "[" + initializeLine(id: 1, version: "2025-03-26") + "]")
    #expect(errorCode(pre) == -32600)
    #expect(fresh.state == .awaitingInitialize)
    var server = initializedServer(version: "2025-06-18")
    let r = send(&server, #"[{"jsonrpc":"2.0","id":1,"method":"ping"}]"#)
    #expect(errorCode(r) == -32600)
    #expect(r?["id"] == .null)
    #expect(r?["error"]?["message"]?.stringValue
            == "Invalid Request: JSON-RPC batches are not supported in MCP 2025-06-18; send one message per line")
}

@Test func batchesWorkAt2025_03_26() {
    var server = initializedServer(version: "2025-03-26")
    let r = send(&server, #"[{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","method":"n"},"#
                 + #"{"jsonrpc":"2.0","id":2,"method":"nope"},7,"#
                 + #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hi"}}}]"#)
    guard case .array(let items)? = r else { Issue.record("expected a batch response"); return }
    #expect(items.count == 4)
    #expect(items[0]["id"] == .number(text: "1", value: 1) && items[0]["result"] == .object([]))
    #expect(errorCode(items[1]) == -32601)
    #expect(errorCode(items[2]) == -32600 && items[2]["id"] == .null)
    #expect(toolResult(items[3])?.text == "hi")
    // Only notifications: no response at all. Empty or oversized batches: one error.
    #expect(send(&server, #"[{"jsonrpc":"2.0","method":"a"},{"jsonrpc":"2.0","method":"b"}]"#) == nil)
    #expect(errorCode(send(&server, "[]")) == -32600)
    let many = "[" + Array(repeating: #"{"jsonrpc":"2.0","id":1,"method":"ping"}"#, count: 65).joined(separator: ",") + "]"
    #expect(errorCode(send(&server, many)) == -32600)
    // initialize must not be batched.
    guard case .array(let inner)? = send(&server, "[" + initializeLine(id: 9, version: "2025-03-26") + "]") else {
        Issue.record("expected a batch response"); return
    }
    #expect(errorCode(inner[0]) == -32600)
}

@Test func connectionFramesBytesIntoResponseLines() {
    var connection = MCPConnection(server: FakeServer(provider: FakeProvider()), maxLineBytes: 512)
    var sent: [String] = []
    let input = initializeLine(id: 1, version: "2025-06-18") + "\r\n"
        + #"{"jsonrpc":"2.0","method":"notifications/initialized"}"# + "\n"
        + #"{"jsonrpc":"2.0","id":2,"method":"ping"}"# + "\n"
        + String(repeating: "x", count: 600) + "\n"
        + #"{"jsonrpc":"2.0","id":3,"method":"ping"}"#
    connection.receive(Array(input.utf8)) { sent.append(String(decoding: $0, as: UTF8.self)) }
    #expect(sent.count == 3)
    #expect(sent.allSatisfy { $0.hasSuffix("\n") && $0.dropLast().contains("\n") == false })
    #expect(sent[1] == #"{"jsonrpc":"2.0","id":2,"result":{}}"# + "\n")
    #expect(sent[2].contains("\"code\":-32600"))
    // The last request completes with its newline, byte by byte.
    connection.receive(byte: UInt8(ascii: "\n")) { sent.append(String(decoding: $0, as: UTF8.self)) }
    #expect(sent.last == #"{"jsonrpc":"2.0","id":3,"result":{}}"# + "\n")
}
