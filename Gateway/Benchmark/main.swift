// warden-gateway-bench: per-layer and total host cost of the five non-inference layers plus the
// audit append, per call, over ≥100k calls of a mixed workload (median and p99, nanoseconds).
// Each reading uses clock_gettime (vDSO, ~20 ns); an uninstrumented pass gives the mean without it.
//
//   swift run -c release warden-gateway-bench [CALLS]
//   BENCH_ONLY=fs_read warden-gateway-bench [CALLS]   (only the mix's calls to one tool, e.g. for callgrind)

import Gateway
import Blake3
import HostSupport
#if canImport(Glibc)
import Glibc
#endif

struct HostClock: MonotonicClock {
    mutating func nanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}

/// A clock that costs nothing (for the uninstrumented pass; rate buckets never refill, so the
/// catalogue's limits are raised for the benchmark anyway).
struct FrozenClock: MonotonicClock {
    mutating func nanoseconds() -> UInt64 { 1 }
}

/// Times the audit append of each decision.
struct TimedSink: DecisionSink {
    var inner: AuditLogSink
    var clock = HostClock()
    var lastNs: UInt64 = 0
    mutating func record(_ call: ToolCall, _ decision: Decision, canonicalArguments: [UInt8]) -> SinkResult {
        let t0 = clock.nanoseconds()
        let r = inner.record(call, decision, canonicalArguments: canonicalArguments)
        // Drain sealed segments as the kernel's exporter would (never let storage fill up).
        while inner.log.drainSealedSegment() != nil {}
        lastNs = clock.nanoseconds() - t0
        return r
    }
}

func percentile(_ sorted: [UInt64], _ p: Double) -> UInt64 {
    sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

func benchCatalogue() -> ToolCatalogue {
    var c = ToolCatalogue()
    for i in 0..<c.count { c.configure(i, rate: RateLimit(burst: 1 << 30, perSecond: 1 << 30)) }
    return c
}

/// The default constitution (run from the repository root), as layer 6.
func loadConstitution() -> PolicyLayer {
    let path = "Gateway/Data/constitution.policy"
    let text: String
    do { text = try HostFile.text(path) } catch { fatalError("\(error) (run from the repository root)") }
    do { return PolicyLayer(policy: try Policy.parse(text)) } catch { fatalError("\(path): \(error)") }
}
let constitution = loadConstitution()

let n = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 200_000 : 200_000
let allCalls = try BenchCalls.make(count: 1024)
let onlyTool = getenv("BENCH_ONLY").map { String(cString: $0) }
let calls = onlyTool.map { t in allCalls.filter { $0.tool == t } } ?? allCalls
if calls.isEmpty { fatalError("BENCH_ONLY=\(onlyTool ?? ""): no call of the mix uses that tool") }
var argBytes = 0
for c in calls { var o: [UInt8] = []; JSONWriter.canonical(c.arguments, into: &o); argBytes = max(argBytes, o.count) }
let zero = Blake3.hash([UInt8]())
let binding = AuditBinding(kernelBuild: zero, policy: zero, model: zero)
var rate = RateLimitLayer(agentRate: RateLimit(burst: 1 << 30, perSecond: 1 << 30))

// Instrumented pass: per-layer latencies from the pipeline, audit append from the sink.
var g = GatewayPipeline(config: .noProbeLogits, catalogue: benchCatalogue(), clock: HostClock(), model: AbsentModel(),
                        adversarial: AdversarialLayer(), policy: constitution,
                        sink: TimedSink(inner: AuditLogSink(log: AuditLog(binding: binding, monotonicNs: 0, wallNs: 0))),
                        rateLimit: rate)
var perLayer: [[UInt64]] = Array(repeating: [], count: 7)
var audit: [UInt64] = [], total: [UInt64] = []
var denied = 0
var deniedBy = [Int](repeating: 0, count: LayerID.allCases.count + 1)  // [0]: no deciding layer (audit failure)
for i in 0..<(n + 10_000) {
    let d = g.decide(calls[i % calls.count])
    if i < 10_000 { continue }  // warm-up
    if d.verdict == .deny { denied += 1; deniedBy[d.decidingLayer?.rawValue ?? 0] += 1 }
    for l in LayerID.allCases where l != .probeLogits { perLayer[l.rawValue].append(d.latencies[l]) }
    audit.append(g.sink.lastNs)
    total.append(d.latencies.total + g.sink.lastNs)
}
print("warden-gateway-bench: \(n) calls, \(calls.count) distinct, \(onlyTool.map { "tool \($0) only" } ?? "16 tool kinds"), canonical args ≤ \(argBytes) B, denied \(denied)")
print("denied by layer: " + LayerID.allCases.filter { $0 != .probeLogits }.map { "\($0.name) \(deniedBy[$0.rawValue])" }.joined(separator: ", ")
      + (deniedBy[0] > 0 ? ", audit failure \(deniedBy[0])" : ""))
print("layer            median_ns  p99_ns")
func row(_ name: String, _ v: [UInt64]) {
    let s = v.sorted()
    let pad = String(repeating: " ", count: max(0, 16 - name.count))
    print("\(name)\(pad) \(percentile(s, 0.5))  \(percentile(s, 0.99))")
}
for l in LayerID.allCases where l != .probeLogits { row(l.name, perLayer[l.rawValue]) }
row("audit-append", audit)
row("total", total)

// Instrumentation overhead: what one clock reading costs (back-to-back pairs), and how many each
// call takes (the pipeline's start + one per layer run, 2 in the timed sink: at most 8 here).
var probeClock = HostClock()
var readings: [UInt64] = []
readings.reserveCapacity(100_000)
for _ in 0..<100_000 {
    let a = probeClock.nanoseconds()
    let b = probeClock.nanoseconds()
    readings.append(b &- a)
}
let readingNs = percentile(readings.sorted(), 0.5)
print("clock reading median \(readingNs) ns; ≤ 8 readings per call, of which ≤ 7 fall inside the measured intervals")
print("note: the schema row includes the canonical serialization of the arguments (timed from call entry)")

// Uninstrumented pass: the whole decide() (canonical form, five layers, audit append), mean only.
var plain = GatewayPipeline(config: .noProbeLogits, catalogue: benchCatalogue(), clock: FrozenClock(), model: AbsentModel(),
                            adversarial: AdversarialLayer(), policy: constitution,
                            sink: AuditLogSink(log: AuditLog(binding: binding, monotonicNs: 0, wallNs: 0)), rateLimit: rate)
/// CPU time of this thread: on a shared machine wall time mostly measures preemption.
func threadCPUNs() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}
let t0 = threadCPUNs()
for i in 0..<n {
    _ = plain.decide(calls[i % calls.count])
    while plain.sink.log.drainSealedSegment() != nil {}
}
let t1 = threadCPUNs()
print("uninstrumented decide() mean (thread CPU time): \((t1 - t0) / UInt64(n)) ns/call")
