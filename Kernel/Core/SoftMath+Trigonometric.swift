// sin, cos (and Float versions): reduction by π/2 in three parts (accurate for |x| < 2^20·π/2), then the
// fdlibm __kernel_sin / __kernel_cos polynomials on [-π/4, π/4].

extension SoftMath {
    public static func sin(_ x: Double) -> Double {
        guard x.isFinite else { return .nan }
        let (n, r) = reduce(x)
        switch n & 3 {
        case 0: return kernelSin(r)
        case 1: return kernelCos(r)
        case 2: return -kernelSin(r)
        default: return -kernelCos(r)
        }
    }

    public static func cos(_ x: Double) -> Double {
        guard x.isFinite else { return .nan }
        let (n, r) = reduce(x)
        switch n & 3 {
        case 0: return kernelCos(r)
        case 1: return -kernelSin(r)
        case 2: return -kernelCos(r)
        default: return kernelSin(r)
        }
    }

    public static func tan(_ x: Double) -> Double { sin(x) / cos(x) }
    public static func sinf(_ x: Float) -> Float { Float(sin(Double(x))) }
    public static func cosf(_ x: Float) -> Float { Float(cos(Double(x))) }
    public static func tanf(_ x: Float) -> Float { Float(tan(Double(x))) }

    /// x = n·π/2 + r with |r| ≤ π/4 (approximately).
    static func reduce(_ x: Double) -> (Int, Double) {
        if x.magnitude <= 0.785398163397448279 { return (0, x) }
        let n = round(x * 6.36619772367581382433e-01)
        let r = ((x - n * 1.57079632673412561417e+00) - n * 6.07710050630396597660e-11) - n * 2.02226624879595063154e-21
        return (Int(fmod(n, 4)), r)
    }

    static func kernelSin(_ x: Double) -> Double {
        let z = x * x
        let r = 8.33333333332248946124e-03 + z * (-1.98412698298579493134e-04 + z *
                (2.75573137070700676789e-06 + z * (-2.50507602534068634195e-08 + z * 1.58969099521155010221e-10)))
        return x + x * z * (-1.66666666666666324348e-01 + z * r)
    }

    static func kernelCos(_ x: Double) -> Double {
        let z = x * x
        let r = z * (4.16666666666666019037e-02 + z * (-1.38888888888741095749e-03 + z * (2.48015872894767294178e-05 +
                z * (-2.75573143513906633035e-07 + z * (2.08757232129817482790e-09 + z * -1.13596475577881948265e-11)))))
        let hz = 0.5 * z
        let w = 1 - hz
        return w + (((1 - w) - hz) + z * r)
    }
}
