// Splits a byte stream (a serial port, a pipe) into newline-delimited messages, the framing of
// the MCP stdio transport and of the egress-peer protocol: one message per line, `\n` or `\r\n`.

/// One event produced by the framer.
public enum MCPFrame: Equatable, Sendable {
    /// A complete line, without its terminator. May be empty or blank (callers skip those).
    case line([UInt8])
    /// A line longer than the limit ended; its `byteCount` bytes were discarded and the framer
    /// is back in sync at the next byte.
    case overlong(byteCount: Int)
}

/// Accumulates bytes and yields complete lines. The buffer is reserved once up to the limit and
/// reused: the steady state does not allocate except for the emitted line.
public struct MCPLineFramer: Sendable {
    public let maxLineBytes: Int
    private var buffer: [UInt8] = []
    /// Bytes of the current line seen so far while discarding an overlong line; nil otherwise.
    private var discarded: Int? = nil

    public init(maxLineBytes: Int = MCPLimits.maxLineBytes) {
        precondition(maxLineBytes > 0, "maxLineBytes must be positive")
        self.maxLineBytes = maxLineBytes
    }

    /// Bytes buffered for the current, unfinished line.
    public var pendingByteCount: Int { discarded ?? buffer.count }

    /// Feeds one byte; returns a frame when it ends a line.
    public mutating func push(_ byte: UInt8) -> MCPFrame? {
        if byte == UInt8(ascii: "\n") {
            if let n = discarded {
                discarded = nil
                return .overlong(byteCount: n)
            }
            var end = buffer.count
            if end > 0 && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let line = Array(buffer[0..<end])
            buffer.removeAll(keepingCapacity: true)
            return .line(line)
        }
        if let n = discarded {
            discarded = n + 1
            return nil
        }
        // A `\r` that will be stripped may sit one byte past the limit.
        if buffer.count >= maxLineBytes + (byte == UInt8(ascii: "\r") ? 1 : 0) {
            discarded = buffer.count + 1
            buffer.removeAll(keepingCapacity: true)
            return nil
        }
        buffer.append(byte)
        return nil
    }

    /// Feeds a chunk of bytes, calling `body` for each completed frame in order.
    public mutating func push<C: Collection<UInt8>>(contentsOf bytes: C, _ body: (MCPFrame) -> Void) {
        for b in bytes {
            if let frame = push(b) { body(frame) }
        }
    }

    /// Drops any partial line (e.g. when the peer disconnects).
    public mutating func reset() {
        buffer.removeAll(keepingCapacity: true)
        discarded = nil
    }
}
