// libm for the freestanding kernel, in Swift: rounding, fmod, fmin/fmax, fma, exp/log/pow, sin/cos, tanh.
// Algorithms follow fdlibm (Sun Microsystems, freely distributable). Only integer bit manipulation and
// + - * / sqrt are used: anything else (e.g. `rounded()`, `truncatingRemainder`) would lower to a call
// back into these very functions. The kernel exports them under the C names (Kernel/Runtime/Libm.swift).

public enum SoftMath {
    // MARK: Rounding (IEEE 754 binary64 / binary32, exact)

    public static func trunc(_ x: Double) -> Double {
        let bits = x.bitPattern
        let e = Int((bits >> 52) & 0x7FF) - 1023
        if e >= 52 { return x }                                       // integral, inf or NaN
        if e < 0 { return Double(bitPattern: bits & (1 << 63)) }      // |x| < 1 → ±0
        return Double(bitPattern: bits & ~((1 << UInt64(52 - e)) - 1))
    }

    public static func floor(_ x: Double) -> Double {
        let t = trunc(x)
        return (x < 0 && t != x) ? t - 1 : t
    }

    public static func ceil(_ x: Double) -> Double {
        let t = trunc(x)
        return (x > 0 && t != x) ? t + 1 : t
    }

    /// Rounds half away from zero (C `round`).
    public static func round(_ x: Double) -> Double {
        let t = trunc(x)
        let d = x - t                                                 // exact
        if d >= 0.5 { return t + 1 }
        if d <= -0.5 { return t - 1 }
        return t
    }

    /// Rounds half to even (C `rint` in the default mode).
    public static func rint(_ x: Double) -> Double {
        let r = round(x)
        if (r - x).magnitude == 0.5 && fmod(r, 2) != 0 { return x < 0 ? r + 1 : r - 1 }
        return r
    }

    public static func truncf(_ x: Float) -> Float {
        let bits = x.bitPattern
        let e = Int((bits >> 23) & 0xFF) - 127
        if e >= 23 { return x }
        if e < 0 { return Float(bitPattern: bits & (1 << 31)) }
        return Float(bitPattern: bits & ~((1 << UInt32(23 - e)) - 1))
    }

    public static func floorf(_ x: Float) -> Float { let t = truncf(x); return (x < 0 && t != x) ? t - 1 : t }
    public static func ceilf(_ x: Float) -> Float { let t = truncf(x); return (x > 0 && t != x) ? t + 1 : t }
    public static func roundf(_ x: Float) -> Float {
        let t = truncf(x), d = x - t
        if d >= 0.5 { return t + 1 }
        if d <= -0.5 { return t - 1 }
        return t
    }

    // MARK: fmod, fmin, fmax

    /// x − n·y with n = trunc(x/y), computed exactly by subtracting power-of-two multiples of |y|.
    public static func fmod(_ x: Double, _ y: Double) -> Double {
        if x.isNaN || y.isNaN || x.isInfinite || y == 0 { return .nan }
        if y.isInfinite { return x }
        var r = x.magnitude
        let m = y.magnitude
        while r >= m {
            var s = m
            while s <= r / 2 { s += s }                               // exact doubling
            r -= s                                                    // exact (Sterbenz: s ≤ r < 2s)
        }
        return x < 0 ? -r : r
    }

    public static func fmodf(_ x: Float, _ y: Float) -> Float { Float(fmod(Double(x), Double(y))) }

    public static func fmin(_ x: Double, _ y: Double) -> Double { x.isNaN ? y : (y.isNaN ? x : (y < x ? y : x)) }
    public static func fmax(_ x: Double, _ y: Double) -> Double { x.isNaN ? y : (y.isNaN ? x : (y > x ? y : x)) }
    public static func fminf(_ x: Float, _ y: Float) -> Float { x.isNaN ? y : (y.isNaN ? x : (y < x ? y : x)) }
    public static func fmaxf(_ x: Float, _ y: Float) -> Float { x.isNaN ? y : (y.isNaN ? x : (y > x ? y : x)) }

    // MARK: Fused multiply-add

    /// Correctly rounded a·b + c for Float: the product is exact in Double; the one case where rounding the
    /// Double sum to Float could round twice (a Float halfway point with a non-zero error) is nudged.
    public static func fmaf(_ a: Float, _ b: Float, _ c: Float) -> Float {
        let xy = Double(a) * Double(b)
        let s = xy + Double(c)
        let bits = s.bitPattern
        if s.isNaN || s.isInfinite || (bits & 0x1FFF_FFFF) != 0x1000_0000 { return Float(s) }
        let bb = s - xy
        let err = (xy - (s - bb)) + (Double(c) - bb)                  // TwoSum error of xy + c
        if err == 0 { return Float(s) }
        let up = (err > 0) == (s > 0)
        return Float(Double(bitPattern: up ? bits + 1 : bits - 1))
    }

    /// a·b + c for Double using Dekker's exact product and TwoSum (error ≤ 1 ulp; not always correctly rounded).
    public static func fma(_ a: Double, _ b: Double, _ c: Double) -> Double {
        let p = a * b
        if !p.isFinite || a == 0 || b == 0 { return p + c }
        let (ah, al) = split(a), (bh, bl) = split(b)
        let pe = ((ah * bh - p) + ah * bl + al * bh) + al * bl        // p + pe == a·b exactly
        let s = p + c
        let bb = s - p
        let se = (p - (s - bb)) + (c - bb)
        return s + (se + pe)
    }

    private static func split(_ x: Double) -> (Double, Double) {
        let t = 134_217_729.0 * x                                     // 2^27 + 1 (Veltkamp)
        let hi = t - (t - x)
        return (hi, x - hi)
    }

    // MARK: Powers of two

    /// x · 2^n without overflow in the intermediate steps.
    public static func scalbn(_ x: Double, _ n: Int) -> Double {
        var y = x, n = n
        if n > 1023 {
            y *= Double(bitPattern: 0x7FE0_0000_0000_0000); n -= 1023
            if n > 1023 { y *= Double(bitPattern: 0x7FE0_0000_0000_0000); n -= 1023; if n > 1023 { n = 1023 } }
        } else if n < -1022 {
            y *= Double(bitPattern: 0x0360_0000_0000_0000); n += 1022 - 53     // 2^-969
            if n < -1022 { y *= Double(bitPattern: 0x0360_0000_0000_0000); n += 1022 - 53; if n < -1022 { n = -1022 } }
        }
        return y * Double(bitPattern: UInt64(1023 + n) << 52)
    }

    /// Splits x into a mantissa in [0.5, 1) and a power of two (C `frexp`).
    public static func frexp(_ x: Double) -> (Double, Int) {
        if x == 0 || !x.isFinite { return (x, 0) }
        var bits = x.bitPattern
        var e = Int((bits >> 52) & 0x7FF)
        var adjust = 0
        if e == 0 {                                                   // subnormal: scale up first
            bits = (x * Double(bitPattern: 0x4350_0000_0000_0000)).bitPattern   // 2^54
            e = Int((bits >> 52) & 0x7FF); adjust = -54
        }
        let m = Double(bitPattern: (bits & ~(0x7FF << 52)) | (1022 << 52))
        return (m, e - 1022 + adjust)
    }
}
