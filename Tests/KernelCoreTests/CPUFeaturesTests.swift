// CPUID decoding: a feature needs the CPUID bit and the XCR0 state enabled by the OS.
import Testing
@testable import KernelCore

@Test func avx2NeedsOsEnabledYmmState() {
    var l = CPUIDLeaves()
    l.leaf1EDX = (1 << 25) | (1 << 26)
    l.leaf1ECX = (1 << 0) | (1 << 9) | (1 << 12) | (1 << 19) | (1 << 20) | (1 << 26) | (1 << 27) | (1 << 28) | (1 << 30)
    l.leaf7EBX = (1 << 5) | (1 << 16)
    l.xcr0 = 0x7
    let f = CPUFeatures(l)
    #expect(f.avx && f.avx2 && f.fma && f.sse42 && f.rdrand)
    #expect(!f.avx512f)                                                  // CPU has it, XCR0 lacks opmask/ZMM
    #expect(f.names == "sse sse2 sse3 ssse3 sse4.1 sse4.2 avx avx2 fma xsave rdrand")
    l.xcr0 = 0x3
    #expect(!CPUFeatures(l).avx2)
    l.xcr0 = 0xE7; l.leaf7ECX = 1 << 11
    #expect(CPUFeatures(l).avx512f && CPUFeatures(l).avx512vnni)
}
