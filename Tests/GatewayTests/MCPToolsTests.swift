// tools/list and tools/call through the provider hook: descriptors, results, denials with their
// deciding layer and reason, tool failures, and the client identity the provider sees.
import Testing
@testable import Gateway

@Test func toolsListAnnouncesProviderTools() {
    var server = initializedServer(version: "2025-06-18")
    let r = send(&server, #"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#)
    guard case .array(let tools)? = r?["result"]?["tools"] else { Issue.record("no tools array"); return }
    #expect(tools.count == 2)
    #expect(tools[0]["name"] == .string("echo"))
    #expect(tools[0]["title"] == .string("Echo"))
    #expect(tools[0]["description"] == .string("Echoes its text argument."))
    #expect(tools[0]["inputSchema"]?["required"] == .array([.string("text")]))
    #expect(tools[1]["title"] == nil)
    #expect(r?["result"]?["nextCursor"] == nil)
    // Titles are a 2025-06-18 field: older sessions do not see them.
    var old = initializedServer(version: "2024-11-05")
    let o = send(&old, #"{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}"#)
    guard case .array(let oldTools)? = o?["result"]?["tools"] else { Issue.record("no tools array"); return }
    #expect(oldTools[0]["title"] == nil)
    #expect(oldTools[0]["name"] == .string("echo"))
}

@Test func permittedCallReturnsTextResult() {
    var server = initializedServer()
    let r = send(&server, #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"text":"line1\nline2"}}}"#)
    #expect(toolResult(r)?.text == "line1\nline2")
    #expect(toolResult(r)?.isError == false)
    #expect(server.provider.calls.count == 1)
    #expect(server.provider.calls[0].client == MCPClientInfo(name: "test-client", version: "1.2", protocolVersion: .v2025_06_18))
    #expect(server.provider.calls[0].arguments["text"] == .string("line1\nline2"))
}

@Test func deniedCallIsAToolErrorNamingTheLayerAndReason() {
    var server = initializedServer()
    let r = send(&server, #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"fs_delete","arguments":{"path":"/etc"}}}"#)
    #expect(r?["error"] == nil)
    #expect(toolResult(r)?.isError == true)
    #expect(toolResult(r)?.text == "denied by layer 6 (policy): deleting outside /tmp is not allowed")
    #expect(server.stats.toolCalls == 1 && server.stats.toolCallsDenied == 1)
}

@Test func failedToolIsAToolError() {
    var server = initializedServer()
    let r = send(&server, #"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"broken","arguments":{}}}"#)
    #expect(toolResult(r)?.isError == true)
    #expect(toolResult(r)?.text == "no such file: /nope")
    #expect(server.stats.toolCallsDenied == 0)
}

@Test func missingArgumentsBecomeAnEmptyObject() {
    var server = initializedServer()
    _ = send(&server, #"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"echo"}}"#)
    #expect(server.provider.calls.first?.arguments == .object([]))
}

@Test func denialTextFormatCoversEveryLayer() {
    for layer in LayerID.allCases {
        let text = FakeServer.denialText(layer: layer, reason: "r")
        #expect(text == "denied by layer \(layer.rawValue) (\(layer.name)): r")
    }
}
