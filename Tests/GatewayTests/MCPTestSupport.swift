// Shared fakes for the MCP tests: a scripted tool provider and helpers that drive a server by lines.
import Testing
@testable import Gateway

/// A provider with four tools: `echo` succeeds, `fs_delete` is denied by policy, `broken` fails
/// as a tool, `audit_full` cannot be governed; anything else is unknown. It records every call.
struct FakeProvider: MCPToolProvider {
    var calls: [(tool: String, arguments: JSONValue, client: MCPClientInfo)] = []

    func tools() -> [MCPToolDescriptor] {
        [
            MCPToolDescriptor(name: "echo", title: "Echo", description: "Echoes its text argument.",
                              inputSchema: try! JSONParser.parse(
                                #"{"type":"object","properties":{"text":{"type":"string"}},"required":["text"]}"#)),
            MCPToolDescriptor(name: "fs_delete", description: "Deletes a file.",
                              inputSchema: try! JSONParser.parse(#"{"type":"object"}"#)),
        ]
    }

    mutating func call(tool: String, arguments: JSONValue, client: MCPClientInfo) -> MCPCallOutcome {
        calls.append((tool: tool, arguments: arguments, client: client))
        switch tool {
        case "echo": return .success(text: arguments["text"]?.stringValue ?? "<no text>")
        case "fs_delete": return .denied(layer: .policy, reason: "deleting outside /tmp is not allowed")
        case "broken": return .toolFailed(text: "no such file: /nope")
        case "audit_full": return .internalError(message: "audit log full")
        default: return .unknownTool
        }
    }
}

typealias FakeServer = MCPServer<FakeProvider>

/// Sends one line; returns the parsed response, or nil when the server sent nothing.
func send(_ server: inout FakeServer, _ line: String) -> JSONValue? {
    guard let out = server.handle(line: Array(line.utf8)) else { return nil }
    #expect(!out.contains(UInt8(ascii: "\n")), "a response line must not contain a newline")
    do { return try JSONParser.parse(bytes: out) } catch {
        Issue.record("response is not valid JSON: \(error)")
        return nil
    }
}

/// A server that has completed `initialize` at `version` (and sent `notifications/initialized`).
func initializedServer(version: String = "2025-06-18") -> FakeServer {
    var server = FakeServer(provider: FakeProvider())
    let response = send(&server, initializeLine(id: 0, version: version))
    #expect(response?["result"] != nil)
    #expect(send(&server, #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#) == nil)
    return server
}

func initializeLine(id: Int, version: String, client: String = "test-client") -> String {
    #"{"jsonrpc":"2.0","id":\#(id),"method":"initialize","params":{"protocolVersion":"\#(version)","#
        + #""capabilities":{},"clientInfo":{"name":"\#(client)","version":"1.2"}}}"#
}

/// The error code of a response (nil if it is not an error response).
func errorCode(_ response: JSONValue?) -> Int? {
    guard let code = response?["error"]?["code"]?.doubleValue else { return nil }
    return Int(code)
}

/// The text and isError flag of a tools/call result.
func toolResult(_ response: JSONValue?) -> (text: String, isError: Bool)? {
    guard let result = response?["result"],
          case .array(let content)? = result["content"], content.count == 1,
          content[0]["type"] == .string("text"),
          let text = content[0]["text"]?.stringValue,
          case .bool(let isError)? = result["isError"] else { return nil }
    return (text, isError)
}
