// libFuzzer entry point for the gateway's untrusted inputs (built by `make gateway-fuzz` with
// swiftc -sanitize=fuzzer,address over the library sources). The first byte picks the surface; the
// rest is the input:
//   0  arguments JSON → a tool call (tool, tier and intent from the next bytes) through the whole
//      pipeline (schema, tier, rate, pre-filter with its decoders, policy, audit append + verify)
//   1  one MCP line to a server that has been initialized (JSON-RPC parsing, tools/call via the gateway)
//   2  a policy text (lexer, parser, regex and glob compilation, rule index)
//   3  a regex pattern and a text to search (parser, DFA construction, literal gate): every fast
//      path's answer is checked against the plain scalar NFA
// Findings are crashes, sanitizer reports, hangs and regex disagreements; gateway verdicts are not judged here.
import Blake3
import HostSupport

struct FuzzClock: MonotonicClock {
    var t: UInt64 = 1
    mutating func nanoseconds() -> UInt64 { t &+= 1_000; return t }
}

struct EchoExecutor: MCPToolExecutor {
    mutating func perform(tool: String, arguments: JSONValue, agent: AgentIdentity) -> MCPToolExecution {
        .output(tool)
    }
}

/// The default constitution, read once from the repository root.
let fuzzPolicy: Policy = {
    let path = "Gateway/Data/constitution.policy"
    let text: String
    do { text = try HostFile.text(path) } catch { fatalError("\(error) (run from the repository root)") }
    do { return try Policy.parse(text) } catch { fatalError("\(path): \(error)") }
}()

typealias FuzzPipeline = GatewayPipeline<FuzzClock, AbsentModel, AdversarialLayer, PolicyLayer, AuditLogSink>

func makePipeline() -> FuzzPipeline {
    let zero = Blake3.hash([UInt8]())
    var p = FuzzPipeline(config: .full, catalogue: ToolCatalogue(), clock: FuzzClock(), model: AbsentModel(),
                         adversarial: AdversarialLayer(), policy: PolicyLayer(policy: fuzzPolicy),
                         sink: AuditLogSink(log: AuditLog(binding: AuditBinding(kernelBuild: zero, policy: zero, model: zero),
                                                          monotonicNs: 0, wallNs: 0)))
    p.configure(from: fuzzPolicy)
    return p
}

nonisolated(unsafe) var pipeline = makePipeline()
nonisolated(unsafe) var decisions = 0

let toolNames = ["fs_read", "fs_write", "fs_list", "fs_delete", "fs_stat", "http_fetch", "net_send", "proc_exec",
                 "kv_get", "kv_put", "clock_now", "random_bytes", "log_write", "env_get", "mcp_call", "ext_weather"]
let tiers: [TrustTier] = [.classic, .aiEnhanced, .aiNative, .system]

func fuzzCall(_ b: ArraySlice<UInt8>) {
    guard b.count >= 3 else { return }
    let tool = toolNames[Int(b[b.startIndex]) % toolNames.count]
    let tier = tiers[Int(b[b.startIndex + 1]) % tiers.count]
    let intentLength = min(Int(b[b.startIndex + 2]), b.count - 3)
    let intent = String(decoding: b[(b.startIndex + 3)..<(b.startIndex + 3 + intentLength)], as: UTF8.self)
    let json = Array(b[(b.startIndex + 3 + intentLength)...])
    guard let arguments = try? JSONParser.parse(bytes: json) else { return }
    let call = ToolCall(tool: tool, arguments: arguments, agent: AgentIdentity(name: "fuzz", tier: tier, purpose: intent),
                        context: CallContext(userIntent: intent))
    _ = pipeline.decide(call)
    decisions += 1
    // Keep storage bounded and check the chain now and then (verification must accept what we wrote).
    while pipeline.sink.log.drainSealedSegment() != nil {}
    if decisions % 256 == 0, case let .bad(seq, reason) = pipeline.sink.log.verify() {
        fatalError("audit chain fails verification after \(decisions) decisions: record \(seq): \(reason)")
    }
}

nonisolated(unsafe) var server: MCPServer<GatewayToolProvider<FuzzClock, AbsentModel, AdversarialLayer, PolicyLayer,
                                                            AuditLogSink, EchoExecutor>> = {
    var s = MCPServer(provider: GatewayToolProvider(pipeline: makePipeline(), executor: EchoExecutor(),
                                                    tiers: MCPClientTiers(policy: fuzzPolicy)))
    _ = s.handle(line: Array(#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"fuzz","version":"1"}}}"#.utf8))
    _ = s.handle(line: Array(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#.utf8))
    return s
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size >= 1 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let rest = bytes[1...]
    switch bytes[0] % 4 {
    case 0:
        fuzzCall(rest)
    case 1:
        if let out = server.handle(line: Array(rest)), out.contains(10) { fatalError("MCP response contains a newline") }
        while server.provider.pipeline.sink.log.drainSealedSegment() != nil {}
    case 2:
        if let policy = try? Policy.parse(String(decoding: rest, as: UTF8.self)) { _ = PolicyLayer(policy: policy) }
    default:
        let split = rest.firstIndex(of: 0) ?? rest.endIndex
        guard let re = try? Regex(String(decoding: rest[rest.startIndex..<split], as: UTF8.self)) else { return 0 }
        let text = split < rest.endIndex ? String(decoding: rest[(split + 1)...], as: UTF8.self) : ""
        // Every fast path (DFA, ASCII search, literal gate) must answer as the plain scalar NFA.
        let answer = re.matchesByScalars(text)
        if re.matches(text) != answer { fatalError("regex paths disagree: \(re.pattern) on \(text.debugDescription)") }
        if answer, let gate = re.gate {
            var t = text
            if !t.withUTF8({ gate.mayMatch($0) }) { fatalError("literal gate rejects a match: \(re.pattern)") }
        }
    }
    return 0
}
