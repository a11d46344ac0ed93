// Remaining C runtime symbols the Embedded Swift stdlib calls: putchar (print), arc4random_buf
// (Hasher seeds), and the stack-protector hooks in case a library enables it.
import CPU
import KernelCore

@_cdecl("putchar")
public func putchar(_ c: Int32) -> Int32 {
    Serial.put(UInt8(truncatingIfNeeded: c))
    return c
}

enum Entropy {
    /// Set at boot from CPUID: RDSEED preferred, RDRAND otherwise.
    static var hasRDSEED = false
    static var hasRDRAND = false
    /// splitmix64 state used only when the CPU has neither (announced at boot).
    static var fallbackState: UInt64 = 0

    static func next() -> UInt64 {
        var v: UInt64 = 0
        if hasRDSEED { for _ in 0..<16 where hw_rdseed64(&v) != 0 { return v } }
        if hasRDRAND { for _ in 0..<16 where hw_rdrand64(&v) != 0 { return v } }
        if hasRDSEED || hasRDRAND { panic("RDSEED/RDRAND returned no data 16 times in a row") }
        fallbackState = fallbackState &+ 0x9E37_79B9_7F4A_7C15 &+ hw_rdtsc()
        var z = fallbackState
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@_cdecl("arc4random_buf")
public func arc4random_buf(_ buffer: UnsafeMutableRawPointer?, _ count: Int) {
    guard let buffer else { return }
    var i = 0
    while i < count {
        var v = Entropy.next()
        let n = min(8, count - i)
        withUnsafeBytes(of: &v) { src in
            for k in 0..<n { buffer.storeBytes(of: src[k], toByteOffset: i + k, as: UInt8.self) }
        }
        i += n
    }
}

@_cdecl("arc4random")
public func arc4random() -> UInt32 { UInt32(truncatingIfNeeded: Entropy.next()) }

@_cdecl("__stack_chk_fail")
public func __stack_chk_fail() -> Never { panic("stack smashing detected (__stack_chk_fail)") }

@_cdecl("abort")
public func abort() -> Never { panic("abort() called") }
