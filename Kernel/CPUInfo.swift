// Reads CPUID/XCR0 once at boot into KernelCore.CPUFeatures, plus the vector-state save mode.
import CPU
import KernelCore

enum CPUInfo {
    static var features = CPUFeatures()
    static var vendor = ""

    static func detect() {
        var l = CPUIDLeaves()
        let r0 = hw_cpuid(0, 0)
        let r1 = hw_cpuid(1, 0)
        l.leaf1ECX = r1.ecx; l.leaf1EDX = r1.edx
        if r0.eax >= 7 {
            let r7 = hw_cpuid(7, 0)
            l.leaf7EBX = r7.ebx; l.leaf7ECX = r7.ecx; l.leaf7EDX = r7.edx
            if r7.eax >= 1 { l.leaf7s1EAX = hw_cpuid(7, 1).eax }
        }
        if r1.ecx & (1 << 27) != 0 { l.xcr0 = hw_xgetbv(0) }
        features = CPUFeatures(l)
        var v: [UInt8] = []
        for reg in [r0.ebx, r0.edx, r0.ecx] { for i in 0..<4 { v.append(UInt8(truncatingIfNeeded: reg >> UInt32(8 * i))) } }
        vendor = String(decoding: v, as: UTF8.self)
    }

    /// "xsave 2688 bytes" or "fxsave 512 bytes": how interrupt stubs preserve the vector registers.
    static var vectorSaveDescription: String {
        (hw_vector_save_mode() == 1 ? "xsave " : "fxsave ") + String(hw_vector_save_size()) + " bytes"
    }
}
