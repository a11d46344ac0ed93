// CPUFeatures decoding from raw CPUID/XCR0 registers and /proc/cpuinfo flags, and the tier it selects.
import Testing
@testable import Inference

@Test func cpuidRegistersSelectTheRightTier() {
    let leaf1: UInt32 = (1 << 27) | (1 << 28) | (1 << 12) | (1 << 29)       // OSXSAVE, AVX, FMA, F16C
    let avx2: UInt32 = 1 << 5
    let avx512: UInt32 = (1 << 16) | (1 << 30) | (1 << 31)                   // F, BW, VL
    let vnni: UInt32 = 1 << 11
    #expect(CPUFeatures(leaf1ECX: leaf1, leaf7EBX: avx2, leaf7ECX: 0, xcr0: 0x7).bestTier == .avx2)
    // The OS has not enabled the AVX state in XCR0: no AVX at all.
    #expect(CPUFeatures(leaf1ECX: leaf1, leaf7EBX: avx2, leaf7ECX: 0, xcr0: 0x3).bestTier == .reference)
    // No OSXSAVE: XCR0 cannot be trusted.
    #expect(CPUFeatures(leaf1ECX: leaf1 & ~(1 << 27), leaf7EBX: avx2, leaf7ECX: 0, xcr0: 0x7).bestTier == .reference)
    let full = CPUFeatures(leaf1ECX: leaf1, leaf7EBX: avx2 | avx512, leaf7ECX: vnni, xcr0: 0xE7)
    #expect(full.bestTier == .avx512 && full.avx512vnni)
    // AVX-512 hardware but ZMM state not enabled (as under some hypervisors): AVX2 only.
    #expect(CPUFeatures(leaf1ECX: leaf1, leaf7EBX: avx2 | avx512, leaf7ECX: vnni, xcr0: 0x7).bestTier == .avx2)
    // AVX-512 without VNNI stays on the AVX2 kernels (the AVX-512 module assumes VNNI).
    #expect(CPUFeatures(leaf1ECX: leaf1, leaf7EBX: avx2 | avx512, leaf7ECX: 0, xcr0: 0xE7).bestTier == .avx2)
}

@Test func cpuinfoFlagsParse() {
    #expect(CPUFeatures(cpuinfoFlags: "fpu sse2 avx avx2 fma f16c").bestTier == .avx2)
    #expect(CPUFeatures(cpuinfoFlags: "avx2 fma avx512f avx512bw avx512vl avx512_vnni").bestTier == .avx512)
    #expect(CPUFeatures(cpuinfoFlags: "sse2 sse4_2").bestTier == .reference)
    #expect(CPUFeatures.baseline.bestTier == .reference)
}
