// One MCP connection over a byte stream: the line framer feeding the server state machine.
// The kernel pushes serial-port bytes in, the host CLI pushes stdin chunks; responses come out
// through the caller's `send` closure as complete lines including the terminating `\n`.

public struct MCPConnection<Provider: MCPToolProvider> {
    public var server: MCPServer<Provider>
    public private(set) var framer: MCPLineFramer

    public init(server: MCPServer<Provider>, maxLineBytes: Int = MCPLimits.maxLineBytes) {
        self.server = server
        self.framer = MCPLineFramer(maxLineBytes: maxLineBytes)
    }

    /// Feeds received bytes; `send` is called once per response line (with its `\n`).
    public mutating func receive<C: Collection<UInt8>>(_ bytes: C, send: (inout [UInt8]) -> Void) {
        for b in bytes {
            guard let frame = framer.push(b) else { continue }
            guard var out = server.handle(frame: frame) else { continue }
            out.append(UInt8(ascii: "\n"))
            send(&out)
        }
    }

    /// Feeds one received byte (the serial-port path); `send` as in `receive(_:send:)`.
    public mutating func receive(byte: UInt8, send: (inout [UInt8]) -> Void) {
        guard let frame = framer.push(byte) else { return }
        guard var out = server.handle(frame: frame) else { return }
        out.append(UInt8(ascii: "\n"))
        send(&out)
    }
}
