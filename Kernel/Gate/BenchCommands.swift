// Console benchmarks, timed by the TSC (docs/evaluation.md "In-kernel replay and benchmarks"):
//   bench gateway [n]   per-call cost of the five non-inference layers + audit append on warden-gateway-bench's
//                       call mix (Gateway's BenchCalls), same method as the host tool: per-layer time from the
//                       pipeline's clock (here the TSC), audit append timed around the sink; median and p99
//   bench agent [runs]  governed host calls per second from the `callloop` agent (10 000 clock_now calls) and
//                       `callloop-reads` (10 000 fs_read calls), as warden-agent-bench: full six-layer gateway,
//                       a virtual clock stepping 1 s per reading (rate limits never bind), median of the runs
import Blake3
import Gateway
import AgentHost
import KernelCore

/// The pipeline's clock for `bench gateway`: nanoseconds from the TSC.
struct BenchTSCClock: MonotonicClock {
    mutating func nanoseconds() -> UInt64 { Clock.now() }
}

/// As warden-gateway-bench's: the audit append of each decision, timed; sealed segments drained.
struct BenchTimedSink: DecisionSink {
    var inner: AuditLogSink
    var lastNs: UInt64 = 0
    mutating func record(_ call: ToolCall, _ decision: Decision, canonicalArguments: [UInt8]) -> SinkResult {
        let t0 = Clock.now()
        let r = inner.record(call, decision, canonicalArguments: canonicalArguments)
        while inner.log.drainSealedSegment() != nil {}
        lastNs = Clock.now() &- t0
        return r
    }
}

/// As warden-agent-bench's: one second per reading, so rate limits never bind.
struct BenchSecondClock: MonotonicClock {
    var now: UInt64 = 0
    mutating func nanoseconds() -> UInt64 { now += 1_000_000_000; return now }
}

/// As warden-agent-bench's: neither benchmark tool is gated, so the model is never asked.
struct BenchNeverModel: SafetyModel {
    var identity: String { "never" }
    mutating func unsafeProbability(_ prompt: SafetyPrompt) throws(ModelError) -> Double { 0 }
}

enum BenchCommands {
    static let usage = "usage: bench gateway [n] | bench agent [runs]"
    /// Calls of warm-up before `bench gateway` measures (one pass over the 1024-call mix).
    static let gatewayWarmup = 1024

    static func register() {
        Console.commands.register("bench", "bench gateway [n] | bench agent [runs]: TSC-timed gateway and agent-call benchmarks") { args in
            switch args.first {
            case "gateway": gateway(args.count > 1 ? Int(args[1]) : 20_000)
            case "agent": agent(args.count > 1 ? Int(args[1]) : 3)
            default: print(usage)
            }
        }
    }

    static func percentile(_ sorted: [UInt64], _ p: Double) -> UInt64 {
        sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }

    static func benchCatalogue() -> ToolCatalogue {
        var c = ToolCatalogue()
        for i in 0..<c.count { c.configure(i, rate: RateLimit(burst: 1 << 30, perSecond: 1 << 30)) }
        return c
    }

    static func gateway(_ count: Int?) {
        guard let n = count, n > 0 else { print(usage); return }
        let calls: [ToolCall]
        do throws(JSONError) { calls = try BenchCalls.make(count: 1024) } catch { print("bench: \(error)"); return }
        let zero = Blake3.hash([UInt8]())
        let binding = AuditBinding(kernelBuild: zero, policy: zero, model: zero)
        let rate = RateLimitLayer(agentRate: RateLimit(burst: 1 << 30, perSecond: 1 << 30))
        var g = GatewayPipeline(config: .noProbeLogits, catalogue: benchCatalogue(), clock: BenchTSCClock(), model: AbsentModel(),
                                adversarial: AdversarialLayer(), policy: PolicyLayer(policy: Warden.policy),
                                sink: BenchTimedSink(inner: AuditLogSink(log: AuditLog(binding: binding, monotonicNs: 0, wallNs: 0))),
                                rateLimit: rate)
        var perLayer: [[UInt64]] = Array(repeating: [], count: 7)
        for l in 0..<7 { perLayer[l].reserveCapacity(n) }
        var audit: [UInt64] = [], total: [UInt64] = []
        audit.reserveCapacity(n)
        total.reserveCapacity(n)
        var denied = 0
        let t0 = Clock.now()
        for i in 0..<(n + gatewayWarmup) {
            let d = g.decide(calls[i % calls.count])
            if i < gatewayWarmup { continue }
            if d.verdict == .deny { denied += 1 }
            for l in LayerID.allCases where l != .probeLogits { perLayer[l.rawValue].append(d.latencies[l]) }
            audit.append(g.sink.lastNs)
            total.append(d.latencies.total + g.sink.lastNs)
        }
        let elapsed = Clock.now() &- t0
        print("bench gateway: \(n) calls (+\(gatewayWarmup) warm-up), 1024 distinct, denied \(denied), \(Clock.milliseconds(elapsed)) ms")
        print("layer            median_ns  p99_ns")
        func row(_ name: String, _ v: [UInt64]) {
            let s = v.sorted()
            var pad = ""
            while name.utf8.count + pad.utf8.count < 16 { pad += " " }
            print(name + pad + " \(percentile(s, 0.5))  \(percentile(s, 0.99))")
        }
        for l in LayerID.allCases where l != .probeLogits { row(l.name, perLayer[l.rawValue]) }
        row("audit-append", audit)
        row("total", total)
        print("bench gateway: end")
    }

    static func agent(_ runs: Int?) {
        guard let runs, runs > 0 else { print(usage); return }
        guard let image = Warden.module("fsimage") else { print("bench agent: no fsimage module"); return }
        for name in ["callloop", "callloop-reads"] {
            guard let a = Warden.agents.first(where: { $0.manifest.name == name }) else {
                print("bench agent: no agent '" + name + "' (boot modules callloop.wasm + " + name + ".manifest)"); return
            }
            var perCall: [UInt64] = []
            for _ in 0..<runs {
                let binding = AuditBinding(kernelBuild: Blake3.hash("bench"), policy: Blake3.hash(Warden.policyText), model: Blake3.hash("never"))
                let gate = GatewayPipeline(config: .full, clock: BenchSecondClock(), model: BenchNeverModel(), adversarial: AdversarialLayer(),
                                           policy: PolicyLayer(policy: Warden.policy),
                                           sink: AuditLogSink(log: AuditLog(binding: binding, monotonicNs: 0, wallNs: 0)))
                let fs: RamFileSystem
                do throws(FileSystemError) { fs = try FileSystemImage.load([UInt8](image.bytes)) } catch { print("bench agent: " + error.message); return }
                let system = AgentSystem(gate: gate, services: KernelServices(), fileSystem: fs)
                let t0 = Clock.now()
                let r = AgentRunner.run(wasm: a.wasm, manifest: a.manifest, system: system)
                let ns = Clock.now() &- t0
                guard r.outcome == .completed(10_000) else {
                    print("bench agent: " + name + ": unexpected " + r.outcome.summary + ", denied \(r.denied)"); return
                }
                perCall.append(ns / 10_000)
            }
            perCall.sort()
            let median = perCall[perCall.count / 2]
            let tool = name == "callloop" ? "clock_now" : "fs_read"
            print("bench agent " + tool + ": governed host call median \(median) ns, min \(perCall[0]) ns (\(median == 0 ? 0 : 1_000_000_000 / median) calls/s, \(runs) runs of 10000)")
        }
        print("bench agent: end")
    }
}
