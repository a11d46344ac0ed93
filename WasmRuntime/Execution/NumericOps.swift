// Exact numeric semantics (§4.3): float min/max/nearest, checked and saturating truncation.

@inline(__always) func wasmMin<F: BinaryFloatingPoint>(_ a: F, _ b: F) -> F {
    if a.isNaN || b.isNaN { return a + b }          // propagates a (quieted) NaN
    if a == b { return a.sign == .minus ? a : b }    // min(-0, +0) = -0
    return a < b ? a : b
}

@inline(__always) func wasmMax<F: BinaryFloatingPoint>(_ a: F, _ b: F) -> F {
    if a.isNaN || b.isNaN { return a + b }
    if a == b { return a.sign == .minus ? b : a }    // max(-0, +0) = +0
    return a > b ? a : b
}

/// Checked truncation (§4.3.3 trunc): NaN → invalid conversion, out of range → overflow.
/// `lower`/`upper` are exclusive bounds exactly representable in the source type.
@inline(__always) func truncChecked<F: BinaryFloatingPoint>(_ x: F, lower: F, upper: F) throws(Trap) -> F {
    if x.isNaN { throw .invalidConversionToInteger }
    guard x > lower && x < upper else { throw .integerOverflow }
    return x.rounded(.towardZero)
}

@inline(__always) func i32TruncS<F: BinaryFloatingPoint>(_ x: F) throws(Trap) -> UInt64 {
    // -2^31 - 1 is not representable in f32: there the lower bound is -2^31 inclusive.
    let t: F
    if F.significandBitCount < 30 {
        if x.isNaN { throw .invalidConversionToInteger }
        guard x >= -2147483648.0 && x < 2147483648.0 else { throw .integerOverflow }
        t = x.rounded(.towardZero)
    } else {
        t = try truncChecked(x, lower: -2147483649.0, upper: 2147483648.0)
    }
    return UInt64(UInt32(bitPattern: Int32(t)))
}

@inline(__always) func i32TruncU<F: BinaryFloatingPoint>(_ x: F) throws(Trap) -> UInt64 {
    UInt64(UInt32(try truncChecked(x, lower: -1.0, upper: 4294967296.0)))
}

@inline(__always) func i64TruncS<F: BinaryFloatingPoint>(_ x: F) throws(Trap) -> UInt64 {
    if x.isNaN { throw .invalidConversionToInteger }
    guard x >= -9223372036854775808.0 && x < 9223372036854775808.0 else { throw .integerOverflow }
    return UInt64(bitPattern: Int64(x.rounded(.towardZero)))
}

@inline(__always) func i64TruncU<F: BinaryFloatingPoint>(_ x: F) throws(Trap) -> UInt64 {
    UInt64(try truncChecked(x, lower: -1.0, upper: 18446744073709551616.0))
}

/// Saturating truncation (§4.3.3 trunc_sat): NaN → 0, clamps to the integer range.
@inline(__always) func i32TruncSatS<F: BinaryFloatingPoint>(_ x: F) -> UInt64 {
    if x.isNaN { return 0 }
    if x <= -2147483648.0 { return UInt64(UInt32(bitPattern: Int32.min)) }
    if x >= 2147483647.0 { return UInt64(UInt32(bitPattern: Int32.max)) }
    return UInt64(UInt32(bitPattern: Int32(x.rounded(.towardZero))))
}

@inline(__always) func i32TruncSatU<F: BinaryFloatingPoint>(_ x: F) -> UInt64 {
    if x.isNaN || x <= 0 { return 0 }
    if x >= 4294967295.0 { return UInt64(UInt32.max) }
    return UInt64(UInt32(x.rounded(.towardZero)))
}

@inline(__always) func i64TruncSatS<F: BinaryFloatingPoint>(_ x: F) -> UInt64 {
    if x.isNaN { return 0 }
    if x <= -9223372036854775808.0 { return UInt64(bitPattern: Int64.min) }
    if x >= 9223372036854775808.0 { return UInt64(bitPattern: Int64.max) }
    return UInt64(bitPattern: Int64(x.rounded(.towardZero)))
}

@inline(__always) func i64TruncSatU<F: BinaryFloatingPoint>(_ x: F) -> UInt64 {
    if x.isNaN || x <= 0 { return 0 }
    if x >= 18446744073709551616.0 { return UInt64.max }
    return UInt64(x.rounded(.towardZero))
}

// MARK: Slot accessors

@inline(__always) func u32(_ s: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: s) }
@inline(__always) func s32(_ s: UInt64) -> Int32 { Int32(truncatingIfNeeded: s) }
@inline(__always) func f32(_ s: UInt64) -> Float { Float(bitPattern: UInt32(truncatingIfNeeded: s)) }
@inline(__always) func f64(_ s: UInt64) -> Double { Double(bitPattern: s) }
@inline(__always) func slot(_ v: UInt32) -> UInt64 { UInt64(v) }
@inline(__always) func slot(_ v: Int32) -> UInt64 { UInt64(UInt32(bitPattern: v)) }
@inline(__always) func slot(_ v: Float) -> UInt64 { UInt64(v.bitPattern) }
@inline(__always) func slot(_ v: Double) -> UInt64 { v.bitPattern }
@inline(__always) func slot(_ v: Bool) -> UInt64 { v ? 1 : 0 }
