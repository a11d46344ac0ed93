// IEEE binary16 ⇄ binary32 conversion by bit manipulation (ggml's portable reference algorithm),
// so no F16C instruction or compiler-rt helper is needed in the kernel. Rounds to nearest even.
@inline(__always)
public func halfToFloat(_ h: UInt16) -> Float {
    let w = UInt32(h) << 16
    let sign = w & 0x8000_0000
    let twoW = w &+ w
    let expOffset: UInt32 = 0xE0 << 23
    let normalized = Float(bitPattern: (twoW >> 4) &+ expOffset) * Float(bitPattern: 0x0780_0000)  // 0x1p-112
    let denormalized = Float(bitPattern: (twoW >> 17) | (126 << 23)) - 0.5
    let bits = twoW < (1 << 27) ? denormalized.bitPattern : normalized.bitPattern
    return Float(bitPattern: sign | bits)
}

@inline(__always)
public func floatToHalf(_ f: Float) -> UInt16 {
    let scaleToInf = Float(bitPattern: 0x7780_0000)   // 0x1p+112
    let scaleToZero = Float(bitPattern: 0x0880_0000)  // 0x1p-110
    var base = (f.magnitude * scaleToInf) * scaleToZero
    let w = f.bitPattern
    let shl1W = w &+ w
    let sign = w & 0x8000_0000
    var bias = shl1W & 0xFF00_0000
    if bias < 0x7100_0000 { bias = 0x7100_0000 }
    base = Float(bitPattern: (bias >> 1) &+ 0x0780_0000) + base
    let bits = base.bitPattern
    let expBits = (bits >> 13) & 0x0000_7C00
    let mantissaBits = bits & 0x0000_0FFF
    let nonsign = expBits &+ mantissaBits
    return UInt16(truncatingIfNeeded: (sign >> 16) | (shl1W > 0xFF00_0000 ? 0x7E00 : nonsign))
}

/// Rounds a Float through binary16 and back (what ggml does when it stores K/V or converts a row to F16).
@inline(__always)
public func roundToHalf(_ f: Float) -> Float { halfToFloat(floatToHalf(f)) }
