// The kernel's libm against the host C library: exact functions must match bit for bit, the others
// within the stated error (ulps).
import Testing
import Glibc
@testable import KernelCore

/// Distance in units in the last place between two doubles of the same sign.
func ulps(_ a: Double, _ b: Double) -> UInt64 {
    if a == b { return 0 }
    let x = Int64(bitPattern: a.bitPattern), y = Int64(bitPattern: b.bitPattern)
    return x > y ? UInt64(x - y) : UInt64(y - x)
}

func samples(_ count: Int, in range: ClosedRange<Double>, seed: UInt64 = 7) -> [Double] {
    var s = seed
    return (0..<count).map { _ in
        s = s &* 6364136223846793005 &+ 1442695040888963407
        return range.lowerBound + (range.upperBound - range.lowerBound) * Double(s >> 11) / Double(1 << 53)
    }
}

@Test func roundingMatchesLibcExactly() {
    let xs = samples(2000, in: -1e6...1e6) + [0.5, -0.5, 1.5, -2.5, 0.49999999999999994, -0.0, 4503599627370497, 1e300, .infinity]
    for x in xs {
        #expect(SoftMath.floor(x) == Glibc.floor(x))
        #expect(SoftMath.ceil(x) == Glibc.ceil(x))
        #expect(SoftMath.trunc(x) == Glibc.trunc(x))
        #expect(SoftMath.round(x) == Glibc.round(x))
        #expect(SoftMath.rint(x) == Glibc.rint(x))
        let f = Float(x)
        #expect(SoftMath.floorf(f) == Glibc.floorf(f) && SoftMath.ceilf(f) == Glibc.ceilf(f))
        #expect(SoftMath.truncf(f) == Glibc.truncf(f) && SoftMath.roundf(f) == Glibc.roundf(f))
    }
}

@Test func fmodIsExact() {
    let xs = samples(500, in: -1e9...1e9), ys = samples(500, in: -1000...1000, seed: 9)
    for (x, y) in zip(xs, ys) { #expect(SoftMath.fmod(x, y) == Glibc.fmod(x, y)) }
    #expect(SoftMath.fmod(1e300, 3) == Glibc.fmod(1e300, 3))
    #expect(SoftMath.fmod(5, 0).isNaN && SoftMath.fmod(5, .infinity) == 5)
}

@Test func fmafIsCorrectlyRounded() {
    let xs = samples(3000, in: -100...100)
    for i in 0..<1000 {
        let a = Float(xs[i]), b = Float(xs[i + 1000]), c = Float(xs[i + 2000])
        #expect(SoftMath.fmaf(a, b, c) == Glibc.fmaf(a, b, c))
    }
    // A halfway case: 1 + 2^-24 (exact tie in Float) plus a tiny positive term must round up.
    #expect(SoftMath.fmaf(1 + 0x1p-23, 1 + 0x1p-23, -0x1p-23) == Glibc.fmaf(1 + 0x1p-23, 1 + 0x1p-23, -0x1p-23))
    #expect(SoftMath.fmaf(0x1p-24, 1 + 0x1p-20, 1) == Glibc.fmaf(0x1p-24, 1 + 0x1p-20, 1))
    #expect(ulps(SoftMath.fma(0.1, 10, -1), Glibc.fma(0.1, 10, -1)) == 0)
}

@Test func expLogPowWithinTwoUlps() {
    for x in samples(3000, in: -700...700) { #expect(ulps(SoftMath.exp(x), Glibc.exp(x)) <= 2) }
    for x in samples(3000, in: 1e-300...1e300) + samples(1000, in: 0.5...2) { #expect(ulps(SoftMath.log(x), Glibc.log(x)) <= 2) }
    for (x, y) in zip(samples(1000, in: 0.01...100), samples(1000, in: -20...20, seed: 3)) {
        // Documented bound of exp(y·log x): (2 + 2·|y·ln x|) ulp (log's 1 ulp + rounding, magnified by exp).
        #expect(ulps(SoftMath.pow(x, y), Glibc.pow(x, y)) <= 2 + 2 * UInt64((y * Glibc.log(x)).magnitude))
    }
    #expect(SoftMath.pow(-2, 3) == -8 && SoftMath.pow(-2, 0.5).isNaN && SoftMath.pow(0, -1) == .infinity)
    #expect(SoftMath.exp(1000) == .infinity && SoftMath.exp(-1000) == 0 && SoftMath.log(-1).isNaN)
    for x in samples(1000, in: -80...80) {
        let f = Float(x)
        #expect(SoftMath.expf(f) == Glibc.expf(f) || ulps(Double(SoftMath.expf(f)), Double(Glibc.expf(f))) <= 1 << 29)
    }
}

@Test func floatFunctionsWithinOneFloatUlp() {
    func fulps(_ a: Float, _ b: Float) -> UInt32 { a == b ? 0 : UInt32((Int64(a.bitPattern) - Int64(b.bitPattern)).magnitude) }
    for x in samples(2000, in: -80...80) {
        let f = Float(x)
        #expect(fulps(SoftMath.expf(f), Glibc.expf(f)) <= 1)
        #expect(fulps(SoftMath.tanhf(f), Glibc.tanhf(f)) <= 1)
        #expect(fulps(SoftMath.sinf(f), Glibc.sinf(f)) <= 1 && fulps(SoftMath.cosf(f), Glibc.cosf(f)) <= 1)
        if f > 0 {
            #expect(fulps(SoftMath.logf(f), Glibc.logf(f)) <= 1)
            #expect(fulps(SoftMath.powf(f, 0.75), Glibc.powf(f, 0.75)) <= 1)
        }
    }
}

@Test func sinCosWithinTwoUlpsForModerateArguments() {
    for x in samples(3000, in: -1000...1000) {
        let s = SoftMath.sin(x), c = SoftMath.cos(x)
        #expect(abs(s - Glibc.sin(x)) <= 2 * Glibc.sin(x).ulp)
        #expect(abs(c - Glibc.cos(x)) <= 2 * Glibc.cos(x).ulp)
    }
}

@Test func minMaxIgnoreNaN() {
    #expect(SoftMath.fmin(.nan, 2) == 2 && SoftMath.fmax(3, .nan) == 3 && SoftMath.fminf(1, -1) == -1 && SoftMath.fmaxf(1, -1) == 1)
}
