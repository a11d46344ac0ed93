// The CPU's SIMD features, injected by whoever can read them (the kernel executes CPUID/XGETBV; host
// tools parse /proc/cpuinfo). The library never probes the CPU itself: it has no inline assembly.
public struct CPUFeatures: Equatable, Sendable {
    public var avx2: Bool
    public var fma: Bool
    public var f16c: Bool
    public var avx512f: Bool
    public var avx512bw: Bool
    public var avx512vl: Bool
    public var avx512vnni: Bool

    public init(avx2: Bool = false, fma: Bool = false, f16c: Bool = false, avx512f: Bool = false,
                avx512bw: Bool = false, avx512vl: Bool = false, avx512vnni: Bool = false) {
        self.avx2 = avx2; self.fma = fma; self.f16c = f16c; self.avx512f = avx512f
        self.avx512bw = avx512bw; self.avx512vl = avx512vl; self.avx512vnni = avx512vnni
    }

    /// No SIMD beyond the x86-64 baseline: selects the reference tier.
    public static let baseline = CPUFeatures()

    /// From raw CPUID registers: leaf 1 ECX, leaf 7/0 EBX and ECX, and XCR0 (OS-enabled state).
    /// AVX needs XCR0 bits 1–2 (SSE, AVX); AVX-512 also needs bits 5–7 (opmask, ZMM).
    public init(leaf1ECX: UInt32, leaf7EBX: UInt32, leaf7ECX: UInt32, xcr0: UInt64) {
        let osxsave = leaf1ECX & (1 << 27) != 0
        let avxState = osxsave && xcr0 & 0x6 == 0x6
        let zmmState = avxState && xcr0 & 0xE0 == 0xE0
        let avx = avxState && leaf1ECX & (1 << 28) != 0
        self.init(avx2: avx && leaf7EBX & (1 << 5) != 0,
                  fma: avx && leaf1ECX & (1 << 12) != 0,
                  f16c: avx && leaf1ECX & (1 << 29) != 0,
                  avx512f: zmmState && leaf7EBX & (1 << 16) != 0,
                  avx512bw: zmmState && leaf7EBX & (1 << 30) != 0,
                  avx512vl: zmmState && leaf7EBX & (1 << 31) != 0,
                  avx512vnni: zmmState && leaf7ECX & (1 << 11) != 0)
    }

    /// From the `flags` line of /proc/cpuinfo (space-separated feature names).
    public init(cpuinfoFlags: String) {
        var set: Set<Substring> = []
        for f in cpuinfoFlags.split(separator: " ") { set.insert(f) }
        self.init(avx2: set.contains("avx2"), fma: set.contains("fma"), f16c: set.contains("f16c"),
                  avx512f: set.contains("avx512f"), avx512bw: set.contains("avx512bw"),
                  avx512vl: set.contains("avx512vl"), avx512vnni: set.contains("avx512_vnni"))
    }

    /// The fastest kernel tier these features can run.
    public var bestTier: KernelTier {
        if avx512f && avx512bw && avx512vl && avx512vnni && avx2 && fma { return .avx512 }
        if avx2 && fma { return .avx2 }
        return .reference
    }
}

public enum KernelTier: Equatable, CaseIterable, Sendable {
    case reference, avx2, avx512
    public var name: String {
        switch self { case .reference: "reference"; case .avx2: "avx2"; case .avx512: "avx512-vnni" }
    }
}
