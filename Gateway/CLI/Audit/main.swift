// warden-audit: offline verification and display of audit-chain exports (JSON Lines), plus benchmarks.
import Blake3
import Foundation
import Gateway

let usage = """
usage: warden-audit verify FILE [--head HEX] [--last-seq N] [--kernel HEX] [--policy HEX] [--model HEX]
                                [--anchor HEX --anchor-seq N --anchor-segment N]
       warden-audit show FILE
       warden-audit demo N FILE          write a sample chain of N decisions (segments of 64 records)
       warden-audit bench-blake3 FILE    BLAKE3 throughput (MB/s), and b3sum --num-threads 1 on the same file
       warden-audit bench-append [N]     cost of AuditLog.append per record (median, p99 in ns)
"""

func fail(_ message: String, code: Int32 = 2) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(code)
}

func readText(_ path: String) -> String {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    return String(decoding: data, as: UTF8.self)
}

func digestArg(_ s: String, _ flag: String) -> Blake3Digest {
    guard s.utf8.count == 64, let d = Blake3Digest(hex: s) else { fail("\(flag): expected 64 hex digits") }
    return d
}

func uintArg(_ s: String, _ flag: String) -> UInt64 {
    guard let v = UInt64(s) else { fail("\(flag): expected a non-negative integer") }
    return v
}

/// `--flag value` pairs after the positional arguments.
func flags(_ args: ArraySlice<String>, allowed: Set<String>) -> [String: String] {
    var out: [String: String] = [:]
    var i = args.startIndex
    while i < args.endIndex {
        let flag = args[i]
        guard allowed.contains(flag), i + 1 < args.endIndex else { fail("unknown or incomplete option \(flag)\n\(usage)") }
        out[flag] = args[i + 1]
        i += 2
    }
    return out
}

func verifyCommand(_ path: String, _ f: [String: String]) -> Never {
    var options = AuditVerifyOptions()
    if let h = f["--head"] { options.expectedHead = digestArg(h, "--head") }
    if let n = f["--last-seq"] { options.expectedLastSeq = uintArg(n, "--last-seq") }
    if f["--kernel"] != nil || f["--policy"] != nil || f["--model"] != nil {
        guard let k = f["--kernel"], let p = f["--policy"], let m = f["--model"] else {
            fail("--kernel, --policy and --model go together")
        }
        options.expectedBinding = AuditBinding(kernelBuild: digestArg(k, "--kernel"), policy: digestArg(p, "--policy"),
                                               model: digestArg(m, "--model"))
    }
    if let a = f["--anchor"] {
        guard let s = f["--anchor-seq"], let g = f["--anchor-segment"] else { fail("--anchor needs --anchor-seq and --anchor-segment") }
        options.anchor = AuditAnchor(prevHash: digestArg(a, "--anchor"), seq: uintArg(s, "--anchor-seq"),
                                     segment: UInt32(truncatingIfNeeded: uintArg(g, "--anchor-segment")))
    }
    switch AuditJSONL.verify(readText(path), options) {
    case let .ok(count, head):
        print("ok: \(count) records, head \(head.hex)")
        exit(0)
    case let .bad(seq, reason):
        print("bad record \(seq): \(reason)")
        exit(1)
    }
}

func showCommand(_ path: String) -> Never {
    let (records, error) = AuditJSONL.decodeAll(readText(path))
    for r in records {
        var line = "\(r.seq)\tseg \(r.segment)\tt=\(r.monotonicNs)ns\t\(r.kind.name)"
        switch r.payload {
        case let .genesis(b):
            line += "\tkernel \(b.kernelBuild.hex.prefix(16)) policy \(b.policy.hex.prefix(16)) model \(b.model.hex.prefix(16))"
        case let .decision(d):
            let lat = (0..<6).map { String(d.latencies[index: $0]) }.joined(separator: "/")
            line += "\t\(d.verdict.rawValue)\tlayer \(d.decidingLayer)\t\(d.agent)\t\(d.tool)\targs \(d.argumentsHash.hex.prefix(16))\tns \(lat)"
            if !d.reason.isEmpty { line += "\t\"\(d.reason)\"" }
        case let .seal(s):
            line += "\tsegment of \(s.recordCount) records from seq \(s.firstSeq)"
        }
        print(line + "\t\(r.hash.hex.prefix(16))")
    }
    if let error { print("stopped: \(error.message)"); exit(1) }
    exit(0)
}

func sampleEntry(_ i: Int, monotonicNs: UInt64) -> AuditEntry {
    let tools = ["fs_read", "fs_write", "http_fetch", "proc_exec", "kv_get"]
    let layer: UInt8 = i % 4 == 3 ? UInt8(1 + i % 6) : 0
    return AuditEntry(monotonicNs: monotonicNs, wallNs: 1_764_000_000_000_000_000 + Int64(monotonicNs),
                      agent: "agent-\(i % 3)", tool: tools[i % tools.count],
                      argumentsHash: Blake3.hash("{\"path\":\"/data/file\(i).txt\"}"),
                      decidingLayer: layer, verdict: layer == 0 ? .allow : .deny,
                      reason: layer == 0 ? "" : "denied by sample rule \(i)",
                      latencies: AuditLatencies(120, 15, 40, 300, 0, 90))
}

func demoCommand(_ count: UInt64, _ path: String) -> Never {
    let binding = AuditBinding(kernelBuild: Blake3.hash("demo kernel"), policy: Blake3.hash("demo policy"),
                               model: Blake3.hash("demo model"))
    var log = AuditLog(binding: binding, monotonicNs: 1_000, wallNs: 1_764_000_000_000_000_000,
                       segmentCapacity: 64, retainedSealedSegments: 4)
    var out = ""
    for i in 0..<Int(count) {
        do throws(AuditError) {
            try log.append(sampleEntry(i, monotonicNs: 2_000 + UInt64(i) * 1_000))
        } catch {
            guard case .storageFull = error else { fail(error.message) }
            while let segment = log.drainSealedSegment() { out += AuditJSONL.export(segment) }
            do throws(AuditError) { try log.append(sampleEntry(i, monotonicNs: 2_000 + UInt64(i) * 1_000)) } catch { fail(error.message) }
        }
    }
    while let segment = log.drainSealedSegment() { out += AuditJSONL.export(segment) }
    out += AuditJSONL.export(log.active)
    guard FileManager.default.createFile(atPath: path, contents: Data(out.utf8)) else { fail("cannot write \(path)") }
    print("wrote \(log.count) records to \(path), head \(log.head.hex), last seq \(log.count - 1)")
    exit(0)
}

/// CPU seconds used so far by this thread (immune to preemption on a loaded machine).
func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// CPU seconds (user + system) of all waited-for children so far.
func childrenCPUSeconds() -> Double {
    var u = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &u)
    return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6
}

/// The `flags` line of /proc/cpuinfo ("" if unreadable: the portable kernels are used).
func cpuinfoFlags() -> String {
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return "" }
    return String(line.split(separator: ":", maxSplits: 1).last ?? "")
}

func benchBlake3(_ path: String) -> Never {
    guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else { fail("cannot read \(path) (or empty)") }
    let bytes = [UInt8](data)
    let mb = Double(bytes.count) / 1e6
    var digest = Blake3Digest.zero
    // Throughput in CPU time (best pass of at least 3 and ≥ 1 CPU-second), so other load on the
    // machine does not distort the comparison; b3sum's CPU time is measured the same way.
    // The portable kernels first, then (where the CPU has it) the 16-lane AVX-512 chunk kernel.
    let flags = cpuinfoFlags()
    for wide in Blake3Wide.supportsAVX512(cpuinfoFlags: flags) ? [false, true] : [false] {
        Blake3Wide.enable(cpuinfoFlags: wide ? flags : "")
        var best = Double.infinity
        var passes = 0
        let begin = threadCPUSeconds()
        while passes < 3 || threadCPUSeconds() - begin < 1 {
            let t0 = threadCPUSeconds()
            digest = bytes.withUnsafeBytes { Blake3.hash($0) }
            best = min(best, threadCPUSeconds() - t0)
            passes += 1
        }
        let kernel = wide ? "AVX-512, 16 chunks at once" : "portable SIMD, 4 chunks at once"
        print("warden blake3 (\(kernel)): \(String(format: "%.0f", mb / best)) MB/s in memory (\(bytes.count) bytes, best of \(passes), CPU time) \(digest.hex)")
    }
    // Like b3sum: read the file, then hash it.
    var readBest = Double.infinity
    for _ in 0..<3 {
        let t0 = threadCPUSeconds()
        if let d = FileManager.default.contents(atPath: path) { digest = d.withUnsafeBytes { Blake3.hash($0) } }
        readBest = min(readBest, threadCPUSeconds() - t0)
    }
    print("warden blake3 (\(Blake3Wide.avx512Enabled ? "AVX-512" : "portable")): \(String(format: "%.0f", mb / readBest)) MB/s read + hash (best of 3, CPU time)")
    let b3 = "/usr/bin/b3sum"
    guard FileManager.default.isExecutableFile(atPath: b3) else { print("b3sum: not installed, no comparison"); exit(0) }
    var b3best = Double.infinity
    var b3digest = ""
    for _ in 0..<3 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: b3)
        p.arguments = ["--num-threads", "1", "--no-names", path]
        let pipe = Pipe()
        p.standardOutput = pipe
        let c0 = childrenCPUSeconds()
        do { try p.run() } catch { fail("cannot run b3sum: \(error)") }
        b3digest = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        b3best = min(b3best, childrenCPUSeconds() - c0)
    }
    let agree = b3digest.trimmingCharacters(in: .whitespacesAndNewlines) == digest.hex
    print("b3sum --num-threads 1: \(String(format: "%.0f", mb / b3best)) MB/s (whole process incl. start-up and file read, best of 3, CPU time), digests \(agree ? "agree" : "DIFFER")")
    exit(agree ? 0 : 1)
}

func benchAppend(_ count: Int) -> Never {
    let binding = AuditBinding(kernelBuild: .zero, policy: .zero, model: .zero)
    var log = AuditLog(binding: binding, monotonicNs: 0, wallNs: 0)
    let entries = (0..<64).map { sampleEntry($0, monotonicNs: 0) }
    var samples = [UInt64](repeating: 0, count: count)
    var mono: UInt64 = 1
    for i in 0..<count {
        var e = entries[i & 63]
        mono += 1
        e.monotonicNs = mono
        let t0 = DispatchTime.now().uptimeNanoseconds
        do throws(AuditError) { try log.append(e) } catch {
            guard case .storageFull = error else { fail(error.message) }
            while log.drainSealedSegment() != nil {}
            do throws(AuditError) { try log.append(e) } catch { fail(error.message) }
        }
        samples[i] = DispatchTime.now().uptimeNanoseconds - t0
    }
    samples.sort()
    let median = samples[count / 2]
    let p99 = samples[count * 99 / 100]
    print("audit append: n=\(count) median=\(median) ns p99=\(p99) ns (record hash + store, segment \(AuditLimits.segmentCapacity), includes ~20 ns clock overhead)")
    guard case .ok = log.verify() else { fail("chain does not verify after the benchmark") }
    // The record hash alone (median of per-call times, like the append figure: robust to preemption).
    let sample = log.active.last!
    var hashSamples = [UInt64](repeating: 0, count: count)
    var acc = Blake3Digest.zero
    var r = sample
    for i in 0..<count {
        r.seq = UInt64(i)
        let t0 = DispatchTime.now().uptimeNanoseconds
        acc = r.computeHash()
        hashSamples[i] = DispatchTime.now().uptimeNanoseconds - t0
    }
    hashSamples.sort()
    let ns = hashSamples[count / 2]
    print("record hash only: median \(ns) ns p99 \(hashSamples[count * 99 / 100]) ns per \(sample.encodedLength)-byte record (\(acc.hex.prefix(8)))")
    // Mean in thread CPU time over a batch (no clock reads inside; seals and drains included).
    var batchLog = AuditLog(binding: binding, monotonicNs: 0, wallNs: 0)
    let c0 = threadCPUSeconds()
    for i in 0..<count {
        var e = entries[i & 63]
        e.monotonicNs = UInt64(i + 1)
        do throws(AuditError) { try batchLog.append(e) } catch {
            while batchLog.drainSealedSegment() != nil {}
            do throws(AuditError) { try batchLog.append(e) } catch { fail(error.message) }
        }
    }
    let meanNs = (threadCPUSeconds() - c0) * 1e9 / Double(count)
    print("audit append: mean \(String(format: "%.0f", meanNs)) ns per record in CPU time (batch of \(count))")
    let stride = MemoryLayout<AuditRecord>.stride
    print("memory: \(stride) bytes per record slot (+ string storage), \(stride * AuditLimits.segmentCapacity / 1024) KiB per segment")
    exit(0)
}

let args = CommandLine.arguments
guard args.count >= 2 else { fail(usage) }
Blake3Wide.enable(cpuinfoFlags: cpuinfoFlags())
switch args[1] {
case "verify" where args.count >= 3:
    verifyCommand(args[2], flags(args[3...], allowed: ["--head", "--last-seq", "--kernel", "--policy", "--model",
                                                        "--anchor", "--anchor-seq", "--anchor-segment"]))
case "show" where args.count == 3:
    showCommand(args[2])
case "demo" where args.count == 4:
    demoCommand(uintArg(args[2], "N"), args[3])
case "bench-blake3" where args.count == 3:
    benchBlake3(args[2])
case "bench-append" where args.count <= 3:
    benchAppend(args.count == 3 ? Int(uintArg(args[2], "N")) : 200_000)
default:
    fail(usage)
}
