// The egress-peer protocol: request encoding, response decoding, and the client's waiting logic
// (no peer, timeouts, peer errors, stale and malformed lines) against a scripted fake peer.
import Testing
@testable import Gateway

/// A fake serial port with a scripted peer behind it; the clock advances 1 ms per idle poll.
struct FakeEgressPort: EgressPort {
    enum Mode { case answer, silent, peerError, pingOnly, staleFirst, garbageFirst }
    var mode: Mode
    var clock: UInt64 = 0
    var inbox: [UInt8] = []
    var readPosition = 0
    var requests: [JSONValue] = []

    init(mode: Mode) { self.mode = mode }

    mutating func write(_ bytes: [UInt8]) {
        #expect(bytes.last == UInt8(ascii: "\n") && bytes.dropLast().contains(UInt8(ascii: "\n")) == false)
        guard let request = try? JSONParser.parse(bytes: Array(bytes.dropLast())),
              case .number(let idText, _)? = request["id"] else {
            Issue.record("request is not valid JSON with an id"); return
        }
        requests.append(request)
        let isPing = request["op"] == .string("ping")
        func reply(_ s: String) { inbox += Array(s.utf8) + [UInt8(ascii: "\n")] }
        switch mode {
        case .silent: return
        case .pingOnly: if isPing { reply(#"{"v":1,"id":\#(idText),"ok":true,"result":{"peer":"fake"}}"#) }
        case .peerError:
            if isPing { reply(#"{"v":1,"id":\#(idText),"ok":true,"result":{}}"#) }
            else { reply(#"{"v":1,"id":\#(idText),"ok":false,"error":{"code":"not_allowed","message":"ls is not allow-listed"}}"#) }
        case .answer, .staleFirst, .garbageFirst:
            if mode == .staleFirst { reply(#"{"v":1,"id":999,"ok":true,"result":{"stale":true}}"#) }
            if mode == .garbageFirst { reply(#"{"v":1,"id":"#) }
            var out: [UInt8] = []
            JSONWriter.compact(request["arguments"] ?? .null, into: &out)
            reply(#"{"v":1,"id":\#(idText),"ok":true,"result":{"echo":\#(String(decoding: out, as: UTF8.self))}}"#)
        }
    }

    mutating func read() -> UInt8? {
        guard readPosition < inbox.count else { return nil }
        readPosition += 1
        return inbox[readPosition - 1]
    }

    mutating func milliseconds() -> UInt64 { clock }
    mutating func idle() { clock += 1 }
}

private let fetchArgs = try! JSONParser.parse(#"{"url":"http://example.org/"}"#)

@Test func egressRequestEncodesOneLine() {
    var out: [UInt8] = []
    EgressRequest(id: 7, operation: .call(tool: "net_send", arguments: try! JSONParser.parse(#"{"host":"h","port":9,"data":"a\nb"}"#)),
                  timeoutMs: 1500, maxBytes: 100).encode(into: &out)
    #expect(String(decoding: out, as: UTF8.self)
            == #"{"v":1,"id":7,"op":"call","tool":"net_send","arguments":{"host":"h","port":9,"data":"a\nb"},"timeout_ms":1500,"max_bytes":100}"# + "\n")
    out.removeAll()
    EgressRequest(id: 8, operation: .ping).encode(into: &out)
    #expect(String(decoding: out, as: UTF8.self) == #"{"v":1,"id":8,"op":"ping"}"# + "\n")
}

@Test func egressResponseDecodes() throws {
    let ok = try EgressResponse.decode(line: Array(#"{"v":1,"id":3,"ok":true,"result":{"status":200}}"#.utf8))
    #expect(ok == EgressResponse(id: 3, outcome: .success(try JSONParser.parse(#"{"status":200}"#))))
    let err = try EgressResponse.decode(line: Array(#"{"v":1,"id":4,"ok":false,"error":{"code":"timeout","message":"slow"}}"#.utf8))
    #expect(err == EgressResponse(id: 4, outcome: .failure(.peer(code: "timeout", message: "slow"))))
}

@Test func egressResponseRejectsMalformedLines() {
    let bad = [
        "not json", "[1]", #"{"id":1,"ok":true,"result":1}"#, #"{"v":2,"id":1,"ok":true,"result":1}"#,
        #"{"v":1,"id":-1,"ok":true,"result":1}"#, #"{"v":1,"id":1.5,"ok":true,"result":1}"#,
        #"{"v":1,"id":1,"ok":"yes","result":1}"#, #"{"v":1,"id":1,"ok":true}"#,
        #"{"v":1,"id":1,"ok":false,"error":"x"}"#, #"{"v":1,"id":1,"ok":false,"error":{"code":1,"message":"m"}}"#,
    ]
    for line in bad {
        do {
            _ = try EgressResponse.decode(line: Array(line.utf8))
            Issue.record("accepted \(line)")
        } catch {
            guard case .protocolViolation = error else { Issue.record("wrong error for \(line)"); continue }
        }
    }
}

@Test func egressCallRoundTrips() throws {
    var client = EgressClient(port: FakeEgressPort(mode: .answer))
    #expect(client.peerAttached == false)
    let result = try client.call(tool: "http_fetch", arguments: fetchArgs, timeoutMs: 2000, maxBytes: 4096)
    #expect(result["echo"] == fetchArgs)
    #expect(client.peerAttached)
    // First a ping (no peer seen yet), then the call with the caller's limits.
    #expect(client.port.requests.count == 2)
    #expect(client.port.requests[0]["op"] == .string("ping"))
    #expect(client.port.requests[1]["tool"] == .string("http_fetch"))
    #expect(client.port.requests[1]["timeout_ms"]?.doubleValue == 2000)
    #expect(client.port.requests[1]["max_bytes"]?.doubleValue == 4096)
    // Once attached, no further pings.
    _ = try client.call(tool: "proc_exec", arguments: try JSONParser.parse(#"{"command":"true"}"#))
    #expect(client.port.requests.count == 3)
}

@Test func egressWithoutPeerFailsClearly() {
    var client = EgressClient(port: FakeEgressPort(mode: .silent))
    #expect(throws: EgressError.noPeer) { try client.call(tool: "http_fetch", arguments: fetchArgs) }
    #expect(client.port.clock == EgressLimits.pingTimeoutMs, "gave up after the ping timeout")
    #expect(EgressError.noPeer.message.contains("egress_peer.py"))
}

@Test func egressTimesOutAfterTimeoutPlusGrace() {
    var client = EgressClient(port: FakeEgressPort(mode: .pingOnly))
    #expect(throws: EgressError.timeout(milliseconds: 300 + EgressLimits.graceMs)) {
        try client.call(tool: "net_send", arguments: fetchArgs, timeoutMs: 300)
    }
    #expect(client.peerAttached == false, "a timeout forgets the peer so the next call pings again")
    #expect(client.stats.timeouts == 1)
}

@Test func egressReportsPeerErrors() {
    var client = EgressClient(port: FakeEgressPort(mode: .peerError))
    #expect(throws: EgressError.peer(code: "not_allowed", message: "ls is not allow-listed")) {
        try client.call(tool: "proc_exec", arguments: try JSONParser.parse(#"{"command":"ls"}"#))
    }
}

@Test func egressSkipsStaleAndMalformedLines() throws {
    var stale = EgressClient(port: FakeEgressPort(mode: .staleFirst))
    #expect(try stale.call(tool: "http_fetch", arguments: fetchArgs)["echo"] == fetchArgs)
    #expect(stale.stats.staleResponses == 2, "one stale line before the ping's answer and one before the call's")
    var garbage = EgressClient(port: FakeEgressPort(mode: .garbageFirst))
    #expect(try garbage.call(tool: "http_fetch", arguments: fetchArgs)["echo"] == fetchArgs)
    #expect(garbage.stats.malformedLines == 2)
}

@Test func egressRejectsInvalidRequestsBeforeSending() {
    var client = EgressClient(port: FakeEgressPort(mode: .answer))
    let cases: [(String, JSONValue, UInt32, Int)] = [
        ("fs_read", fetchArgs, 1000, 100),
        ("http_fetch", .array([]), 1000, 100),
        ("http_fetch", fetchArgs, 0, 100),
        ("http_fetch", fetchArgs, EgressLimits.maxTimeoutMs + 1, 100),
        ("http_fetch", fetchArgs, 1000, EgressLimits.maxResultBytes + 1),
    ]
    for (tool, args, timeout, maxBytes) in cases {
        do {
            _ = try client.call(tool: tool, arguments: args, timeoutMs: timeout, maxBytes: maxBytes)
            Issue.record("accepted \(tool)")
        } catch {
            guard case .invalidRequest = error else { Issue.record("wrong error \(error)"); continue }
        }
    }
    #expect(client.port.requests.isEmpty)
}

@Test func egressExecuteUsesTheToolTimeoutAndReportsText() throws {
    var client = EgressClient(port: FakeEgressPort(mode: .answer))
    let args = try JSONParser.parse(#"{"command":"echo","timeout_ms":2500}"#)
    #expect(client.execute(tool: "proc_exec", arguments: args) == .output(#"{"echo":{"command":"echo","timeout_ms":2500}}"#))
    #expect(client.port.requests.last?["timeout_ms"]?.doubleValue == 2500)
    _ = client.execute(tool: "proc_exec", arguments: try JSONParser.parse(#"{"command":"echo","timeout_ms":600000}"#))
    #expect(client.port.requests.last?["timeout_ms"]?.doubleValue == Double(EgressLimits.maxTimeoutMs))
    _ = client.execute(tool: "proc_exec", arguments: try JSONParser.parse(#"{"command":"echo"}"#))
    #expect(client.port.requests.last?["timeout_ms"]?.doubleValue == Double(EgressLimits.defaultTimeoutMs))
    var absent = EgressClient(port: FakeEgressPort(mode: .silent))
    #expect(absent.execute(tool: "http_fetch", arguments: args) == .failed(EgressError.noPeer.message))
}
