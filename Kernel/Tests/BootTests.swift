// In-kernel test mode (`warden.test=boot`): one `name ... ok|FAIL` line per case, then isa-debug-exit with
// the pass or fail code. `warden.test=fault` raises a page fault on purpose and checks the report path;
// `warden.test=oom` makes an unsatisfiable allocation, which must panic naming the cause.
import CPU
import KernelCore
import KernelSIMD

enum BootTests {
    static var failures = 0

    static func check(_ name: StaticString, _ body: () -> String?) {
        Serial.write(name)
        Serial.write(" ... ")
        if let problem = body() {
            failures += 1
            Serial.write("FAIL (" + problem + ")\n")
        } else {
            Serial.write("ok\n")
        }
    }

    static func run() -> Never {
        check("heap.stress", heapStress)
        check("heap.align-2mib", heapTwoMiB)
        check("swift.string-dictionary", stringDictionary)
        check("timer.interrupts", timerInterrupts)
        check("clock.monotonic", clockMonotonic)
        check("module.checksum", moduleChecksum)
        check("simd.avx2-equals-scalar", simdEqualsScalar)
        check("libm.values", libmValues)
        check("random.rdrand", randomBytes)
        Serial.write("boot-tests: ")
        Serial.writeDecimal(UInt64(failures))
        Serial.write(" failed\n")
        Power.qemuExit(failures == 0 ? Power.exitPass : Power.exitFail)
    }

    /// Touches an unmapped address (above the 16 GiB identity map): the #PF handler must report it.
    static func runFault() -> Never {
        Interrupts.expectedFaultHandler = { frame in
            let ok = frame.pointee.vector == 14 && hw_read_cr2() == faultAddress
            Serial.write(ok ? "fault.page-fault-reported ... ok\n" : "fault.page-fault-reported ... FAIL\n")
            Power.qemuExit(ok ? Power.exitPass : Power.exitFail)
        }
        Serial.write("fault: reading 0x")
        Serial.write(hex(faultAddress))
        Serial.write("\n")
        let p = UnsafePointer<UInt64>(bitPattern: UInt(faultAddress))!
        let v = p.pointee
        Serial.write("fault.page-fault-reported ... FAIL (read returned ")
        Serial.writeHex(v)
        Serial.write(")\n")
        Power.qemuExit(Power.exitFail)
    }
    static let faultAddress: UInt64 = 0x40_DEAD_BEE8

    /// Asks for 64 GiB: the allocator must panic with the size, alignment and heap state (QEMU exits 35).
    static func runOutOfMemory() -> Never {
        Serial.write("oom: requesting 64 GiB\n")
        var p: UnsafeMutableRawPointer? = nil
        _ = posix_memalign(&p, 16, 64 << 30)
        Serial.write("oom.panic ... FAIL (allocation returned)\n")
        Power.qemuExit(Power.exitFail)
    }

    // MARK: Cases (nil = pass, otherwise the reason)

    static func heapStress() -> String? {
        let before = KernelHeap.main!.statistics()
        if let problem = heapStressRound() { return problem }
        let after = KernelHeap.main!.statistics()
        if after.usedBytes != before.usedBytes { return "leaked \(after.usedBytes - before.usedBytes) bytes" }
        var a: UnsafeMutableRawPointer? = nil, b: UnsafeMutableRawPointer? = nil
        _ = posix_memalign(&a, 64, 5000); warden_free(a)
        _ = posix_memalign(&b, 64, 5000); warden_free(b)
        return a == b ? nil : "freed block not reused"
    }

    /// 3000 allocations of 1 B ... 32 KiB at alignments 8 ... 4096, half freed at random, patterns verified.
    static func heapStressRound() -> String? {
        var live: [(UnsafeMutableRawPointer, Int, UInt8)] = []
        var seed: UInt64 = 0x5EED
        for i in 0..<3000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let size = Int(seed >> 49) + 1                            // 1 ... 32768 bytes
            let align = 1 << Int((seed >> 8) % 13)                   // 1 ... 4096
            var raw: UnsafeMutableRawPointer? = nil
            guard posix_memalign(&raw, max(align, 8), size) == 0, let p = raw else { return "allocation failed" }
            if UInt(bitPattern: p) % UInt(max(align, 8)) != 0 { return "misaligned block for alignment " + String(align) }
            let fill = UInt8(truncatingIfNeeded: i)
            p.initializeMemory(as: UInt8.self, repeating: fill, count: size)
            live.append((p, size, fill))
            if i % 2 == 1 {
                let (q, n, f) = live.remove(at: Int(seed % UInt64(live.count)))
                for k in stride(from: 0, to: n, by: 97) where q.load(fromByteOffset: k, as: UInt8.self) != f {
                    return "block overwritten"
                }
                warden_free(q)
            }
        }
        for (q, n, f) in live {
            if q.load(fromByteOffset: n - 1, as: UInt8.self) != f { return "block overwritten" }
            warden_free(q)
        }
        return nil
    }

    static func heapTwoMiB() -> String? {
        var blocks: [UnsafeMutableRawPointer] = []
        for _ in 0..<3 {
            var raw: UnsafeMutableRawPointer? = nil
            _ = posix_memalign(&raw, 2 << 20, 2 << 20)
            guard let p = raw, UInt(bitPattern: p) % (2 << 20) == 0 else { return "not 2 MiB aligned" }
            p.storeBytes(of: 0xC0FFEE, toByteOffset: (2 << 20) - 8, as: UInt64.self)
            blocks.append(p)
        }
        for p in blocks { warden_free(p) }
        return nil
    }

    static func stringDictionary() -> String? {
        let text = "the gateway checks the call and the audit log records the call"
        var counts: [String: Int] = [:]
        for w in CommandTable.split(text) { counts[w, default: 0] += 1 }
        if counts["the"] != 4 || counts["call"] != 2 || counts.count != 8 { return "word counts wrong" }
        let keys = counts.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        if keys.first != "and" || keys.last != "the" { return "sorted keys wrong" }
        var set = Set<String>()
        for i in 0..<500 { set.insert("item-\(i % 250)") }
        let joined = "\(set.count) \(1.5) \(true)"
        return joined == "250 1.5 true" ? nil : "interpolation gave '" + joined + "'"
    }

    static func timerInterrupts() -> String? {
        let start = Interrupts.ticks, t0 = Clock.now()
        while Interrupts.ticks < start + 10 {
            if Clock.now() - t0 > 2_000_000_000 { return "fewer than 10 ticks in 2 s" }
            hw_sti_hlt()
        }
        let elapsedMs = (Clock.now() - t0) / 1_000_000
        // 10 ticks at 100 Hz ≈ 100 ms; the TSC and PIT must agree within a factor of 2.
        return elapsedMs >= 45 && elapsedMs <= 200 ? nil : "10 ticks took " + String(elapsedMs) + " ms"
    }

    static func clockMonotonic() -> String? {
        var last = Clock.now()
        for _ in 0..<10_000 {
            let t = Clock.now()
            if t < last { return "clock went backwards" }
            last = t
        }
        return last > 0 ? nil : "clock did not advance"
    }

    static func moduleChecksum() -> String? {
        guard let m = BootState.module(named: "testmod") else { return "module 'testmod' missing" }
        guard let expected = m.argument("crc32"), let size = m.argument("size") else { return "module line lacks crc32=/size=" }
        if String(m.size) != size { return "size " + String(m.size) + " != " + size }
        let crc = CRC32.checksum(m.bytes)
        let got = hex(UInt64(crc))
        return got == expected ? nil : "crc32 " + got + " != " + expected
    }

    static func simdEqualsScalar() -> String? {
        guard CPUInfo.features.avx2 && CPUInfo.features.fma else { return "CPU lacks AVX2/FMA" }
        let n = 4096
        var a = [Float](repeating: 0, count: n), b = [Float](repeating: 0, count: n)
        var seed: UInt32 = 12345
        for i in 0..<n {
            seed = seed &* 1664525 &+ 1013904223; a[i] = Float(Int32(bitPattern: seed) >> 8) / 65536
            seed = seed &* 1664525 &+ 1013904223; b[i] = Float(Int32(bitPattern: seed) >> 8) / 65536
        }
        // Scalar reference: the same eight lanes, each a chain of correctly rounded fmaf.
        var lanes = [Float](repeating: 0, count: 8)
        for i in stride(from: 0, to: n, by: 8) { for l in 0..<8 { lanes[l] = c_fmaf(a[i + l], b[i + l], lanes[l]) } }
        var scalar: Float = 0
        for l in 0..<8 { scalar += lanes[l] }
        let simd = a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in dotProductAVX2(pa.baseAddress!, pb.baseAddress!, n) } }
        return simd.bitPattern == scalar.bitPattern ? nil : "simd \(simd) != scalar \(scalar)"
    }

    static func libmValues() -> String? {
        if c_floor(-2.5) != -3 || c_ceil(2.1) != 3 || c_round(-0.5) != -1 || c_trunc(-1.9) != -1 { return "rounding" }
        if c_fmod(7.5, 2) != 1.5 || Float(16).squareRoot() != 4 || Double(2).squareRoot() != 1.4142135623730951 || c_expf(0) != 1 || c_logf(1) != 0 { return "fmod/sqrt/exp/log" }
        if (c_exp(1) - 2.718281828459045).magnitude > 1e-15 || (c_sinf(1.5707964) - 1).magnitude > 1e-7 { return "exp/sin" }
        if c_powf(2, 10) != 1024 || c_fmaf(2, 3, 1) != 7 || c_fmaxf(1, .nan) != 1 { return "pow/fma/fmax" }
        return nil
    }

    static func randomBytes() -> String? {
        var x = [UInt8](repeating: 0, count: 32), y = [UInt8](repeating: 0, count: 32)
        x.withUnsafeMutableBytes { arc4random_buf($0.baseAddress, 32) }
        y.withUnsafeMutableBytes { arc4random_buf($0.baseAddress, 32) }
        return x != y && x.contains(where: { $0 != 0 }) ? nil : "random buffers identical or zero"
    }
}
