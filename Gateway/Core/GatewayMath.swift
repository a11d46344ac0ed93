// Freestanding math for the gateway (no libm in the kernel): exp, sigmoid, fixed-point printing.

enum GatewayMath {
    /// e^x for |x| ≤ 700 with relative error below 1e-12: x = k·ln2 + r, exp(r) by Taylor series.
    static func exp(_ x: Double) -> Double {
        if x > 700 { return .infinity }
        if x < -700 { return 0 }
        let ln2 = 0.693_147_180_559_945_309_4
        let k = Int((x / ln2) + (x >= 0 ? 0.5 : -0.5))
        let r = x - Double(k) * ln2  // |r| ≤ ln2/2
        var term = 1.0, sum = 1.0
        for i in 1...18 {
            term *= r / Double(i)
            sum += term
        }
        // Multiply by 2^k through the exponent field.
        var scale = 1.0
        var e = k
        while e > 1000 { scale *= Double(sign: .plus, exponent: 1000, significand: 1); e -= 1000 }
        while e < -1000 { scale *= Double(sign: .plus, exponent: -1000, significand: 1); e += 1000 }
        scale *= Double(sign: .plus, exponent: e, significand: 1)
        return sum * scale
    }

    static func sigmoid(_ x: Double) -> Double {
        x >= 0 ? 1 / (1 + exp(-x)) : { let e = exp(x); return e / (1 + e) }()
    }

    /// `v` with `decimals` digits after the point (rounded half up), e.g. 0.8347 → "0.83".
    static func fixed(_ v: Double, decimals: Int = 2) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let negative = v < 0
        let scaled = Int64(v.magnitude * scale + 0.5)
        var s = negative && scaled != 0 ? "-" : ""
        s += String(scaled / Int64(scale))
        if decimals > 0 {
            var frac = String(scaled % Int64(scale))
            while frac.utf8.count < decimals { frac = "0" + frac }
            s += "." + frac
        }
        return s
    }
}

/// Platt scaling of a logit margin into a probability: p = sigmoid(slope · margin + intercept).
/// The margin is logit(unsafe verbalizer) − logit(safe verbalizer); the constants are fitted
/// on a development set (docs/evaluation.md) and shipped with the prompt.
public struct PlattCalibration: Equatable, Sendable {
    public var slope: Double
    public var intercept: Double
    public init(slope: Double, intercept: Double) {
        self.slope = slope
        self.intercept = intercept
    }
    public func probability(margin: Double) -> Double {
        GatewayMath.sigmoid(slope * margin + intercept)
    }
}
