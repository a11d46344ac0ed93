// Decodes CPUID leaves (1, 7.0, 0xD) and XCR0 into the SIMD features the kernel and libraries may use.
// A feature counts only when both the CPU reports it and the OS state (XCR0) enables its registers.

public struct CPUIDLeaves {
    public var leaf1ECX: UInt32 = 0, leaf1EDX: UInt32 = 0
    public var leaf7EBX: UInt32 = 0, leaf7ECX: UInt32 = 0, leaf7EDX: UInt32 = 0
    public var leaf7s1EAX: UInt32 = 0
    public var xcr0: UInt64 = 0
    public init() {}
}

public struct CPUFeatures: Equatable {
    public var sse = false, sse2 = false, sse3 = false, ssse3 = false, sse41 = false, sse42 = false
    public var avx = false, avx2 = false, fma = false, f16c = false, xsave = false
    public var avx512f = false, avx512bw = false, avx512vl = false, avx512vnni = false, avxvnni = false
    public var rdrand = false, rdseed = false

    public init() {}

    public init(_ l: CPUIDLeaves) {
        func bit(_ r: UInt32, _ n: UInt32) -> Bool { r & (1 << n) != 0 }
        sse = bit(l.leaf1EDX, 25); sse2 = bit(l.leaf1EDX, 26)
        sse3 = bit(l.leaf1ECX, 0); ssse3 = bit(l.leaf1ECX, 9); sse41 = bit(l.leaf1ECX, 19); sse42 = bit(l.leaf1ECX, 20)
        xsave = bit(l.leaf1ECX, 26) && bit(l.leaf1ECX, 27)     // XSAVE and OSXSAVE
        rdrand = bit(l.leaf1ECX, 30); rdseed = bit(l.leaf7EBX, 18)
        let ymm = xsave && l.xcr0 & 0x6 == 0x6
        let zmm = ymm && l.xcr0 & 0xE0 == 0xE0
        avx = ymm && bit(l.leaf1ECX, 28)
        fma = avx && bit(l.leaf1ECX, 12)
        f16c = avx && bit(l.leaf1ECX, 29)
        avx2 = avx && bit(l.leaf7EBX, 5)
        avxvnni = avx2 && bit(l.leaf7s1EAX, 4)
        avx512f = zmm && bit(l.leaf7EBX, 16)
        avx512bw = avx512f && bit(l.leaf7EBX, 30)
        avx512vl = avx512f && bit(l.leaf7EBX, 31)
        avx512vnni = avx512f && bit(l.leaf7ECX, 11)
    }

    /// Space-separated names of the features present, in a fixed order.
    public var names: String {
        let all: [(Bool, String)] = [
            (sse, "sse"), (sse2, "sse2"), (sse3, "sse3"), (ssse3, "ssse3"), (sse41, "sse4.1"), (sse42, "sse4.2"),
            (avx, "avx"), (avx2, "avx2"), (fma, "fma"), (f16c, "f16c"), (avxvnni, "avx-vnni"),
            (avx512f, "avx512f"), (avx512bw, "avx512bw"), (avx512vl, "avx512vl"), (avx512vnni, "avx512-vnni"),
            (xsave, "xsave"), (rdrand, "rdrand"), (rdseed, "rdseed"),
        ]
        var s = ""
        for (present, name) in all where present { s += s.isEmpty ? name : " " + name }
        return s
    }
}
