// warden-mcp: the governed MCP server on the host, over stdio (MCP stdio transport: one JSON-RPC
// message per line). Every tools/call is decided by the gateway pipeline with the client as the
// agent; see docs/mcp-server.md. Diagnostics go to stderr, only MCP messages to stdout.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Gateway

let usage = """
usage: warden-mcp [options]
  --policy FILE              constitution for layer 6 and client tiers (e.g. Gateway/Data/constitution.policy);
                             its `agent "mcp-client"` / `agent "mcp:NAME"` lines set client tiers
  --tier TIER                trust tier of MCP clients (classic|ai-enhanced|ai-native|system; default ai-enhanced,
                             or the policy's); overrides the policy
  --client-tier NAME=TIER    tier of the client announcing clientInfo.name NAME (repeatable)
  --config NAME              gateway layers: full (default) | no-probelogits | probelogits-only | rules-only
  --no-rate-limit            leave out layer 3 (benchmarks only)
  --env NAME=VALUE           a variable env_get may read (repeatable; the process environment is never exposed)
  --egress-listen PATH       listen on this Unix socket for the egress peer (Kernel/Host/egress_peer.py)
  --audit-out FILE           at exit, export the audit chain as JSON Lines (check: warden-audit verify FILE)
  --quiet                    do not log decisions on stderr
No model is loaded on the host: with --config full or probelogits-only, layer 5 denies every gated
(side-effecting) tool call (fail closed).
"""

func fail(_ message: String) -> Never {
    HostSystem.log(message)
    HostSystem.writeAll(2, Array((usage + "\n").utf8))
    exit(2)
}

func splitPair(_ s: String) -> (String, String)? {
    guard let eq = s.firstIndex(of: "=") else { return nil }
    return (String(s[..<eq]), String(s[s.index(after: eq)...]))
}

var tiers = MCPClientTiers()
var tierOverride: TrustTier? = nil
var clientTiers: [(name: String, tier: TrustTier)] = []
var policySlot = PolicySlot.none
var policyText: [UInt8]? = nil
var loadedPolicy: Policy? = nil
var config = GatewayConfig.full
var executor = HostToolExecutor()
var quiet = false
var auditOut: String? = nil
var noRateLimit = false
var args = CommandLine.arguments.dropFirst()
while let arg = args.popFirst() {
    func value() -> String {
        guard let v = args.popFirst() else { fail("\(arg) needs a value") }
        return v
    }
    switch arg {
    case "--tier":
        let v = value()
        guard let t = TrustTier(name: v) else { fail("unknown tier \(v)") }
        tierOverride = t
    case "--client-tier":
        let v = value()
        guard let (name, tierName) = splitPair(v), let t = TrustTier(name: tierName) else { fail("bad --client-tier \(v)") }
        clientTiers.append((name: name, tier: t))
    case "--policy":
        let path = value()
        guard let bytes = HostSystem.readFile(path) else { fail("cannot read policy \(path)") }
        do throws(PolicyParseError) {
            let policy = try Policy.parse(String(decoding: bytes, as: UTF8.self))
            policySlot = .loaded(PolicyLayer(policy: policy))
            tiers = MCPClientTiers(policy: policy)
            policyText = bytes
            loadedPolicy = policy
        } catch {
            HostSystem.log("\(path):\(error.line):\(error.column): \(error.message)")
            exit(2)
        }
    case "--config":
        let v = value()
        guard let c = GatewayConfig(name: v) else { fail("unknown config \(v)") }
        config = c
    case "--env":
        let v = value()
        guard let (name, val) = splitPair(v) else { fail("bad --env \(v)") }
        executor.environment.append((name: name, value: val))
    case "--egress-listen":
        let path = value()
        guard let port = SocketEgressPort(path: path) else { fail("cannot listen on \(path)") }
        executor.egress = EgressClient(port: port)
    case "--no-rate-limit":
        noRateLimit = true
    case "--audit-out":
        auditOut = value()
    case "--quiet":
        quiet = true
    case "-h", "--help":
        print(usage)
        exit(0)
    default:
        fail("unknown option \(arg)")
    }
}

if let t = tierOverride { tiers.defaultTier = t }
tiers.byName = clientTiers + tiers.byName
if case .none = policySlot {
    HostSystem.log("no --policy given: layer 6 passes every call")
}
if noRateLimit {
    let base = config
    config = GatewayConfig(layers: LayerID.allCases.filter { base.runs($0) && $0 != .rateLimit })
}
var pipeline = GatewayPipeline(config: config, clock: HostClock(), model: AbsentModel(), adversarial: AdversarialLayer(),
                               policy: policySlot, sink: DecisionLogSink(quiet: quiet, policyText: policyText))
if let policy = loadedPolicy {
    // Rate limits and the ProbeLogits tool list / threshold from the constitution.
    for note in pipeline.configure(from: policy) { HostSystem.log("policy: \(note)") }
}
let provider = GatewayToolProvider(pipeline: pipeline, executor: executor, tiers: tiers)
let info = MCPServerInfo(name: "warden", version: "0.1.0",
                         instructions: "Every tool call is governed by Warden's six-layer gateway; a denied call "
                             + "returns isError with the deciding layer and reason.")
var connection = MCPConnection(server: MCPServer(provider: provider, info: info))
HostSystem.log("serving MCP on stdio (protocol \(MCPProtocolVersion.latest.rawValue), default tier \(tiers.defaultTier.name))")

var buffer = [UInt8](repeating: 0, count: 65536)
readLoop: while true {
    let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
    if n < 0 {
        if errno == EINTR { continue }
        HostSystem.log("stdin read failed (errno \(errno))")
        exit(1)
    }
    if n == 0 { break }
    var stdoutGone = false
    connection.receive(buffer[0..<n]) { line in
        if !HostSystem.writeAll(1, line) { stdoutGone = true }
    }
    if stdoutGone { break readLoop }
}
if let path = auditOut {
    let text = AuditJSONL.export(connection.server.provider.pipeline.sink.allRecords)
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0, HostSystem.writeAll(fd, Array(text.utf8)) else {
        HostSystem.log("cannot write the audit export to \(path)")
        exit(1)
    }
    close(fd)
}
let s = connection.server.stats
HostSystem.log("end of input: \(s.lines) lines, \(s.requests) requests, \(s.errorResponses) errors, "
               + "\(s.toolCalls) tool calls (\(s.toolCallsDenied) denied)")
