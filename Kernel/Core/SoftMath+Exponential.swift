// exp, log, pow, tanh and their Float versions (Float versions evaluate in Double and round once).
// exp/log: fdlibm e_exp.c / e_log.c (argument reduction by ln 2, minimax polynomials).

extension SoftMath {
    static let ln2Hi = 6.93147180369123816490e-01
    static let ln2Lo = 1.90821492927058770002e-10
    static let invLn2 = 1.44269504088896338700e+00

    public static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.782712893383973096 { return .infinity }
        if x < -745.13321910194110842 { return 0 }
        if x.magnitude < 0x1p-28 { return 1 + x }
        let k = round(x * invLn2)
        let hi = x - k * ln2Hi
        let lo = k * ln2Lo
        let r = hi - lo
        let z = r * r
        let c = r - z * (1.66666666666666019037e-01 + z * (-2.77777777770155933842e-03 + z *
                (6.61375632143793436117e-05 + z * (-1.65339022054652515390e-06 + z * 4.13813679705723846039e-08))))
        let y = 1 + ((r * c) / (2 - c) - lo + hi)
        return scalbn(y, Int(k))
    }

    public static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x.isInfinite { return x }
        var (m, k) = frexp(x)                                         // x = m · 2^k, m in [0.5, 1)
        m *= 2; k -= 1                                                // m in [1, 2)
        if m > 1.41421356237309504880 { m /= 2; k += 1 }              // m in (√2/2, √2]
        let f = m - 1
        let s = f / (2 + f)
        let z = s * s, w = z * z
        let t1 = w * (3.999999999940941908e-01 + w * (2.222219843214978396e-01 + w * 1.531383769920937332e-01))
        let t2 = z * (6.666666666666735130e-01 + w * (2.857142874366239149e-01 + w *
                 (1.818357216161805012e-01 + w * 1.479819860511658591e-01)))
        let r = t2 + t1
        let hfsq = 0.5 * f * f
        let dk = Double(k)
        return dk * ln2Hi - ((hfsq - (s * (hfsq + r) + dk * ln2Lo)) - f)
    }

    public static func log2(_ x: Double) -> Double { log(x) * 1.44269504088896340736 }
    public static func log10(_ x: Double) -> Double { log(x) * 0.434294481903251827651 }
    public static func exp2(_ x: Double) -> Double { exp(x * 0.693147180559945309417) }

    public static func pow(_ x: Double, _ y: Double) -> Double {
        if y == 0 || x == 1 { return 1 }
        if x.isNaN || y.isNaN { return .nan }
        let yIsInt = y.isFinite && trunc(y) == y
        let yIsOdd = yIsInt && y.magnitude < 0x1p53 && fmod(y, 2) != 0
        if x == 0 {
            if y < 0 { return yIsOdd ? (x.sign == .minus ? -.infinity : .infinity) : .infinity }
            return yIsOdd ? x : 0
        }
        if y.isInfinite {
            if x == -1 { return 1 }
            return (x.magnitude > 1) == (y > 0) ? .infinity : 0
        }
        if x.isInfinite {
            let mag: Double = y > 0 ? .infinity : 0
            return (x < 0 && yIsOdd) ? -mag : mag
        }
        if yIsInt && y.magnitude <= 64 {                              // small integer powers by squaring
            var base = x, n = Int(y.magnitude), result = 1.0
            while n > 0 { if n & 1 == 1 { result *= base }; base *= base; n >>= 1 }
            return y < 0 ? 1 / result : result
        }
        if x < 0 {
            if !yIsInt { return .nan }
            let r = exp(y * log(-x))
            return yIsOdd ? -r : r
        }
        // NOTE: error ≤ (2 + 2·|y·ln x|) ulp: the error of y·log(x) (log's 1 ulp + rounding) is magnified by exp.
        return exp(y * log(x))
    }

    public static func tanh(_ x: Double) -> Double {
        if x.isNaN { return x }
        let a = x.magnitude
        if a > 22 { return x < 0 ? -1 : 1 }
        if a < 0x1p-28 { return x }
        let e = exp(2 * a)
        let t = (e - 1) / (e + 1)
        return x < 0 ? -t : t
    }

    public static func expf(_ x: Float) -> Float { Float(exp(Double(x))) }
    public static func logf(_ x: Float) -> Float { Float(log(Double(x))) }
    public static func log2f(_ x: Float) -> Float { Float(log2(Double(x))) }
    public static func exp2f(_ x: Float) -> Float { Float(exp2(Double(x))) }
    public static func powf(_ x: Float, _ y: Float) -> Float { Float(pow(Double(x), Double(y))) }
    public static func tanhf(_ x: Float) -> Float { Float(tanh(Double(x))) }
}
