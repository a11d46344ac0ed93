// Elementary functions in pure Swift (no libm exists for the kernel target): exp, log, sin/cos, pow.
// Double-precision range reduction and polynomials; results correctly rounded to Float in practice.
public enum FloatMath {
    static let ln2Hi = 6.93147180369123816490e-01
    static let ln2Lo = 1.90821492927058770002e-10
    static let invLn2 = 1.44269504088896338700e+00

    /// e^x in Double (|error| ≲ 1 ulp). Over/underflow saturate to +inf / 0.
    public static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.78 { return .infinity }
        if x < -745.13 { return 0 }
        let k = roundEven(x * invLn2)
        let r = (x - k * ln2Hi) - k * ln2Lo          // |r| ≤ ln2/2
        // Taylor series to degree 13 (error < 1e-17 on the reduced range).
        var p = 1.0 / 6227020800.0
        p = p * r + 1.0 / 479001600.0
        p = p * r + 1.0 / 39916800.0
        p = p * r + 1.0 / 3628800.0
        p = p * r + 1.0 / 362880.0
        p = p * r + 1.0 / 40320.0
        p = p * r + 1.0 / 5040.0
        p = p * r + 1.0 / 720.0
        p = p * r + 1.0 / 120.0
        p = p * r + 1.0 / 24.0
        p = p * r + 1.0 / 6.0
        p = p * r + 0.5
        p = p * r + 1.0
        p = p * r + 1.0
        return scaleByPowerOfTwo(p, Int(k))
    }

    @inline(__always)
    public static func exp(_ x: Float) -> Float { Float(exp(Double(x))) }

    /// Natural logarithm in Double; log(0) = -inf, log(<0) = nan.
    public static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x.isInfinite { return x }
        // x = m · 2^e with m in [sqrt(1/2), sqrt(2)).
        var e = Int(x.exponent)
        var m = x.significand                       // [1, 2)
        if m > 1.4142135623730951 { m /= 2; e += 1 }
        // log(m) = 2 atanh(s), s = (m-1)/(m+1), |s| ≤ 0.1716.
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        var t = 0.0
        var k = 39.0
        while k >= 1 { t = t * s2 + 1 / k; k -= 2 }
        return 2 * s * t + Double(e) * (ln2Hi + ln2Lo)
    }

    /// (sin x, cos x) in Double for |x| up to ~1e9 (Cody–Waite reduction by π/2).
    public static func sincos(_ x: Double) -> (sin: Double, cos: Double) {
        let pio2Hi = 1.57079632673412561417e+00
        let pio2Lo = 6.07710050650619224932e-11
        let twoOverPi = 6.36619772367581382433e-01
        let n = roundEven(x * twoOverPi)
        let r = (x - n * pio2Hi) - n * pio2Lo        // |r| ≤ π/4
        let r2 = r * r
        var s = 0.0, c = 0.0
        // Taylor to r^17 / r^18: error < 1e-17 for |r| ≤ π/4.
        var k = 17.0
        while k >= 3 { s = (s + 1) * (-r2 / (k * (k - 1))); k -= 2 }
        s = r * (1 + s)
        k = 18.0
        while k >= 2 { c = (c + 1) * (-r2 / (k * (k - 1))); k -= 2 }
        c = 1 + c
        switch Int(n) & 3 {
        case 0: return (s, c)
        case 1: return (c, -s)
        case 2: return (-s, -c)
        default: return (-c, s)
        }
    }

    /// base^y for base > 0.
    public static func pow(_ base: Double, _ y: Double) -> Double { exp(y * log(base)) }

    @inline(__always)
    static func scaleByPowerOfTwo(_ v: Double, _ k: Int) -> Double {
        // k is within [-1075, 1024] after the range checks in exp; split to avoid overflow of 2^k.
        var v = v, k = k
        while k > 1000 { v *= Double(sign: .plus, exponent: 1000, significand: 1); k -= 1000 }
        while k < -1000 { v *= Double(sign: .plus, exponent: -1000, significand: 1); k += 1000 }
        return v * Double(sign: .plus, exponent: k, significand: 1)
    }
}

/// Round-to-nearest-even without libm (`rint` is absent in the kernel and baseline x86-64 has no
/// `roundss`): adding and subtracting 1.5·2^23 leaves the integer nearest to x for |x| < 2^22.
@inline(__always)
func roundEven(_ x: Float) -> Float {
    let magic: Float = 12582912
    return x.magnitude < 4194304 ? (x + magic) - magic : x
}

@inline(__always)
func roundEven(_ x: Double) -> Double {
    let magic = 6755399441055744.0   // 1.5·2^52
    return x.magnitude < 2251799813685248.0 ? (x + magic) - magic : x
}
