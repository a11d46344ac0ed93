// warden-agent-bench DIR: cost of one governed host call, measured from a WASM agent on the host
// build: 10 000 calls per run (clock_now, then fs_read), full six-layer gateway + audit append,
// median and min of 7 runs. The gateway clock steps 1 s per reading so rate limits never bind
// (the figure is the mediation cost, not the limiter's verdict); the fake model is never asked
// (neither tool is gated by ProbeLogits).

import AgentHost
import Gateway
import Blake3
import HostSupport
#if canImport(Glibc)
import Glibc
#endif

struct SecondClock: MonotonicClock {
    var now: UInt64 = 0
    mutating func nanoseconds() -> UInt64 { now += 1_000_000_000; return now }
}

struct NeverModel: SafetyModel {
    var identity: String { "never" }
    mutating func unsafeProbability(_ prompt: SafetyPrompt) throws(ModelError) -> Double { 0 }
}

struct BenchServices: HostServices {
    mutating func wallNanoseconds() -> Int64 { 0 }
    mutating func monotonicNanoseconds() -> UInt64 { nowNs() }
    mutating func randomBytes(into buffer: inout [UInt8]) {}
    mutating func egress(tool: String, arguments: JSONValue) throws(ToolFailure) -> JSONValue { throw .egress("none") }
    mutating func mcpCall(server: String, tool: String, arguments: JSONValue) throws(ToolFailure) -> JSONValue {
        throw .failed(code: "unknown_tool", message: tool)
    }
}

func nowNs() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

func readFile(_ path: String) -> [UInt8] {
    do { return try HostFile.read(path) } catch { print("warden-agent-bench: \(error) (run `make agents`)"); exit(2) }
}

let dir = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "build/agents"
let policyText = String(decoding: readFile("Gateway/Data/constitution.policy"), as: UTF8.self)
let policy: Policy
do { policy = try Policy.parse(policyText) } catch { print("policy: \(error)"); exit(2) }
let wasm = readFile(dir + "/callloop.wasm")
let image = readFile(dir + "/demo.wfs")

for manifestName in ["callloop", "callloop-reads"] {
    let manifest: AgentManifest
    do { manifest = try AgentManifest.parse(String(decoding: readFile(dir + "/\(manifestName).manifest"), as: UTF8.self)) }
    catch { print("\(error)"); exit(2) }
    var perCall: [Double] = []
    for _ in 0..<7 {
        let binding = AuditBinding(kernelBuild: Blake3.hash("bench"), policy: Blake3.hash(policyText), model: Blake3.hash("never"))
        let gate = GatewayPipeline(config: .full, clock: SecondClock(), model: NeverModel(), adversarial: AdversarialLayer(),
                                   policy: PolicyLayer(policy: policy),
                                   sink: AuditLogSink(log: AuditLog(binding: binding, monotonicNs: 0, wallNs: 0)))
        let fs: RamFileSystem
        do { fs = try FileSystemImage.load(image) } catch { print(error.message); exit(2) }
        let system = AgentSystem(gate: gate, services: BenchServices(), fileSystem: fs)
        let t0 = nowNs()
        let r = AgentRunner.run(wasm: wasm, manifest: manifest, system: system)
        let t1 = nowNs()
        guard r.outcome == .completed(10_000) else { print("\(manifestName): unexpected \(r.outcome.summary), denied \(r.denied)"); exit(1) }
        perCall.append(Double(t1 - t0) / 10_000)
    }
    perCall.sort()
    let tool = manifestName == "callloop" ? "clock_now" : "fs_read"
    print("agent-bench \(tool): governed host call median \(Int(perCall[3])) ns, min \(Int(perCall[0])) ns " +
          "(\(Int(1e9 / perCall[3])) calls/s; wasm → host → 6 layers → audit → provider → result; incl. instantiate)")
}
