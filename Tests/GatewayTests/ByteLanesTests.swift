// ByteLanes' lane arithmetic against plain comparisons, for every ASCII byte in every lane.
import Testing
@testable import Gateway

@Suite struct ByteLanesTests {
    /// Sixteen consecutive ASCII bytes from `start` (wrapping), so each value visits each lane.
    private func lanes(from start: Int) -> SIMD16<UInt8> {
        var v = SIMD16<UInt8>()
        for i in 0..<16 { v[i] = UInt8((start + i) % 128) }
        return v
    }

    @Test func rangeTestsMatchComparisons() {
        for start in 0..<128 {
            let v = lanes(from: start)
            for k in UInt8(0)...128 {
                let ge = ByteLanes.atLeast(v, k)
                for i in 0..<16 {
                    #expect(ge[i] == (v[i] >= k ? 0x80 : 0), "\(v[i]) ≥ \(k)")
                }
            }
            for k in UInt8(0)...127 {
                let eq = ByteLanes.equals(v, k)
                let range = ByteLanes.inRange(v, k, k + 1)
                for i in 0..<16 {
                    #expect(eq[i] == (v[i] == k ? 0x80 : 0), "\(v[i]) == \(k)")
                    #expect(range[i] == eq[i])
                }
            }
        }
    }

    @Test func maskGathersBit7OfEachLane() {
        var rng: UInt64 = 0xB17_5EED
        for _ in 0..<2000 {
            rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17
            var v = SIMD16<UInt8>()
            var expected: UInt16 = 0
            for i in 0..<16 {
                let set = (rng >> UInt64(i)) & 1 == 1
                v[i] = set ? 0x80 : 0
                if set { expected |= 1 << UInt16(i) }
            }
            #expect(ByteLanes.mask(v) == expected)
            #expect(ByteLanes.any(v) == (expected != 0))
        }
    }
}
