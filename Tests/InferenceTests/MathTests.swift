// Half conversion and the pure-Swift elementary functions against known values and identities.
import Testing
@testable import Inference

@Test func halfRoundTripsEveryFiniteValue() {
    for bits in 0..<UInt32(0x10000) {
        let h = UInt16(bits)
        let f = halfToFloat(h)
        if f.isNaN { continue }
        #expect(floatToHalf(f) == h, "half \(h)")
    }
}

@Test func halfConversionMatchesKnownValues() {
    #expect(halfToFloat(0x3C00) == 1)
    #expect(halfToFloat(0xC000) == -2)
    #expect(halfToFloat(0x7BFF) == 65504)
    #expect(halfToFloat(0x0001) == Float(bitPattern: 0x3380_0000))   // smallest subnormal 2^-24
    #expect(floatToHalf(1.0 + 1.0 / 2048) == 0x3C00)                  // ties round to even
    #expect(floatToHalf(1.0 + 3.0 / 2048) == 0x3C02)
    #expect(floatToHalf(1.0 + 3.0 / 4096) == 0x3C01)
    #expect(floatToHalf(70000) == 0x7C00)                             // overflow to +inf
}

@Test func expLogSinCosAreAccurate() {
    #expect(FloatMath.exp(0.0) == 1)
    #expect(abs(FloatMath.exp(1.0) - 2.718281828459045) < 1e-15)
    #expect(abs(FloatMath.exp(-20.5) / 1.2501528663867426e-09 - 1) < 1e-14)
    #expect(abs(FloatMath.log(10.0) - 2.302585092994046) < 1e-15)
    #expect(abs(FloatMath.log(1e-30) + 69.07755278982137) < 1e-12)
    let sc = FloatMath.sincos(1000.0)
    #expect(abs(sc.sin - 0.8268795405320025) < 1e-12)
    #expect(abs(sc.cos - 0.5623790762907029) < 1e-12)
    #expect(abs(FloatMath.pow(10000.0, -2.0 / 64) - 0.7498942093324559) < 1e-15)
    for x in stride(from: -30.0, through: 30.0, by: 0.37) {
        #expect(abs(FloatMath.log(FloatMath.exp(x)) - x) < 1e-13)
        let s = FloatMath.sincos(x)
        #expect(abs(s.sin * s.sin + s.cos * s.cos - 1) < 1e-15)
    }
}
