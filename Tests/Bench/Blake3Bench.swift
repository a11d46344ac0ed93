// BLAKE3 micro-benchmark (not part of any SwiftPM target): latency of one compression and of short
// one-shot hashes (the audit path), and in-cache throughput. Compiled whole-module together with the
// library sources so the internal compression function is reachable (see `make bench-blake3`):
// (and the AVX-512 chunk kernel's object, which the library binds by C symbol; it is never enabled here,
// so these are the portable kernels' figures). `make bench-blake3` runs it.
import Glibc

/// CPU seconds used so far by this thread (immune to preemption on a loaded machine).
func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Best time per iteration (ns) of `body(iterations)` over batches, at least 5 batches and 0.3 s.
func bestNs(_ iterations: Int, _ body: (Int) -> Void) -> Double {
    var best = Double.infinity
    var batches = 0
    let begin = cpuSeconds()
    while batches < 5 || cpuSeconds() - begin < 0.3 {
        let t0 = cpuSeconds()
        body(iterations)
        best = min(best, (cpuSeconds() - t0) / Double(iterations) * 1e9)
        batches += 1
    }
    return best
}

func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
}

func fmt(_ x: Double) -> String {
    let r = (x * 10).rounded() / 10
    return "\(r)"
}

@main
enum Blake3Bench {
    static func main() {
        var sink = SIMD8<UInt32>.zero

        // One compression, chained through the CV (latency, as in a chunk's block chain).
        let block = SIMD16<UInt32>((0..<16).map { UInt32($0) &* 0x9E37_79B9 })
        let compressNs = bestNs(1_000_000) { n in
            var cv = Blake3Constants.iv
            for i in 0..<n { cv = compressCV(cv, block, UInt64(i), 64, 0) }
            sink ^= cv
        }
        print("\(pad("compress (64-byte block, chained)", 40)) \(fmt(compressNs)) ns")

        // One-shot hashes of short inputs; each input depends on the previous digest (no overlap).
        for size in [64, 200, 1024] {
            var input = [UInt8](repeating: 0x5A, count: size)
            let ns = input.withUnsafeMutableBytes { buf in
                bestNs(200_000) { n in
                    for _ in 0..<n {
                        let d = Blake3.hash(UnsafeRawBufferPointer(buf))
                        buf.storeBytes(of: d.words[0], toByteOffset: 0, as: UInt32.self)
                    }
                }
            }
            let blocks = (size + 63) / 64
            print("\(pad("Blake3.hash \(size) B (\(blocks) compressions)", 40)) \(fmt(ns)) ns  (\(fmt(ns / Double(blocks))) ns per compression)")
        }

        // In-cache throughput over sizes that exercise the multi-chunk paths.
        for size in [2048, 3072, 4096, 5120, 8192, 16384, 65536, 1 << 20] {
            let input = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7) }
            let iterations = max(1, (16 << 20) / size)
            let ns = input.withUnsafeBytes { buf in
                bestNs(iterations) { n in
                    for _ in 0..<n { sink ^= Blake3.hash(buf).words }
                }
            }
            print("\(pad("Blake3.hash \(size) B", 40)) \(fmt(Double(size) / ns * 1000)) MB/s")
        }
        // Optionally a file, hashed in memory (the same file `b3sum --num-threads 1` reads).
        if CommandLine.arguments.count == 2, let file = try? HostFile.read(CommandLine.arguments[1]) {
            let ns = file.withUnsafeBytes { buf in bestNs(1) { _ in sink ^= Blake3.hash(buf).words } }
            print("\(pad("Blake3.hash \(CommandLine.arguments[1]) (\(file.count) B)", 40)) \(fmt(Double(file.count) / ns * 1000)) MB/s")
        }
        if sink == SIMD8(repeating: 1) { print("") }  // Keeps the results alive.
    }
}
