// The kernel side of the egress port: sends one request at a time to the host peer and waits,
// polling the port, until the matching response or the deadline. Stale responses (answers to
// requests that already timed out) are discarded by id. The port and clock are a hook.

/// The byte channel and clock the client runs on (the kernel's serial port and TSC; fakes in tests).
public protocol EgressPort {
    /// Writes all bytes (blocking until they are queued).
    mutating func write(_ bytes: [UInt8])
    /// Returns the next received byte, or nil if none is waiting (non-blocking).
    mutating func read() -> UInt8?
    /// A monotonic clock in milliseconds.
    mutating func milliseconds() -> UInt64
    /// Called while waiting with nothing to read (the kernel pauses or halts until an interrupt).
    mutating func idle()
}

public struct EgressStats: Equatable, Sendable {
    public var calls = 0
    public var timeouts = 0
    public var staleResponses = 0
    public var malformedLines = 0
}

public struct EgressClient<Port: EgressPort> {
    public var port: Port
    /// True once a peer has answered; reset by a timeout (the peer may be gone).
    public private(set) var peerAttached = false
    public private(set) var stats = EgressStats()
    private var nextID: UInt32 = 1
    private var framer = MCPLineFramer(maxLineBytes: EgressLimits.maxResponseLineBytes)

    public init(port: Port) {
        self.port = port
    }

    /// Asks the peer to perform `tool`. The peer enforces `timeoutMs`; this side waits
    /// `timeoutMs + EgressLimits.graceMs` at most. Returns the tool's result object.
    public mutating func call(tool: String, arguments: JSONValue,
                              timeoutMs: UInt32 = EgressLimits.defaultTimeoutMs,
                              maxBytes: Int = EgressLimits.defaultMaxResultBytes) throws(EgressError) -> JSONValue {
        guard EgressProtocol.isEgressTool(tool) else {
            throw .invalidRequest("\(tool) is not an egress tool")
        }
        guard arguments.mcpIsObject else { throw .invalidRequest("arguments must be a JSON object") }
        guard timeoutMs >= 1, timeoutMs <= EgressLimits.maxTimeoutMs else {
            throw .invalidRequest("timeout must be 1…\(EgressLimits.maxTimeoutMs) ms")
        }
        guard maxBytes >= 1, maxBytes <= EgressLimits.maxResultBytes else {
            throw .invalidRequest("max_bytes must be 1…\(EgressLimits.maxResultBytes)")
        }
        if !peerAttached {
            guard ping() else { throw .noPeer }
        }
        stats.calls += 1
        let request = EgressRequest(id: takeID(), operation: .call(tool: tool, arguments: arguments),
                                    timeoutMs: timeoutMs, maxBytes: maxBytes)
        return try exchange(request, waitMs: UInt64(timeoutMs) + EgressLimits.graceMs).get()
    }

    /// Sends a liveness ping; true (and `peerAttached`) if the peer answered in time.
    public mutating func ping() -> Bool {
        let request = EgressRequest(id: takeID(), operation: .ping)
        switch exchange(request, waitMs: EgressLimits.pingTimeoutMs) {
        case .success: return true
        case .failure: return false
        }
    }

    private mutating func takeID() -> UInt32 {
        let id = nextID
        nextID = nextID == UInt32.max ? 1 : nextID + 1
        return id
    }

    /// Writes the request and waits for the response with its id.
    private mutating func exchange(_ request: EgressRequest, waitMs: UInt64) -> Result<JSONValue, EgressError> {
        var line: [UInt8] = []
        request.encode(into: &line)
        port.write(line)
        let start = port.milliseconds()
        while port.milliseconds() &- start < waitMs {
            guard let byte = port.read() else {
                port.idle()
                continue
            }
            guard let frame = framer.push(byte) else { continue }
            switch frame {
            case .overlong(let n):
                stats.malformedLines += 1
                // One request is in flight, so the oversized line is almost certainly its answer.
                return .failure(.protocolViolation("response of \(n) bytes exceeds \(EgressLimits.maxResponseLineBytes) bytes"))
            case .line(let bytes):
                if bytes.isEmpty { continue }
                let response: EgressResponse
                do throws(EgressError) {
                    response = try EgressResponse.decode(line: bytes)
                } catch {
                    stats.malformedLines += 1
                    continue
                }
                guard response.id == request.id else {
                    stats.staleResponses += 1
                    continue
                }
                peerAttached = true
                return response.outcome
            }
        }
        stats.timeouts += 1
        peerAttached = false
        framer.reset()
        return .failure(.timeout(milliseconds: waitMs))
    }
}

extension EgressClient {
    /// Performs an allowed egress tool call for an executor (kernel or host): the tool's own
    /// `timeout_ms` argument, if any, sets the limit (clamped to `EgressLimits.maxTimeoutMs`, default
    /// `EgressLimits.defaultTimeoutMs`); the result becomes compact JSON text, a failure its message.
    public mutating func execute(tool: String, arguments: JSONValue) -> MCPToolExecution {
        var timeoutMs = EgressLimits.defaultTimeoutMs
        if let requested = arguments["timeout_ms"]?.doubleValue, requested >= 1 {
            timeoutMs = requested >= Double(EgressLimits.maxTimeoutMs) ? EgressLimits.maxTimeoutMs : UInt32(requested)
        }
        do throws(EgressError) {
            let result = try call(tool: tool, arguments: arguments, timeoutMs: timeoutMs)
            return .output(JSONWriter.compactString(result))
        } catch {
            return .failed(error.message)
        }
    }
}
