// TSC calibration math: frequency from a PIT window, overflow-free tick → ns conversion, PIT divisors.
import Testing
@testable import KernelCore

@Test func frequencyFromPitWindow() throws {
    // 2.1 GHz TSC over 23864 PIT ticks (≈ 20 ms): delta = 2.1e9 · 23864 / 1193182.
    let delta: UInt64 = 2_100_000_000 * 23_864 / 1_193_182
    let c = try #require(TSCCalibration(tscDelta: delta, pitTicks: 23_864))
    #expect(c.hz > 2_099_990_000 && c.hz < 2_100_010_000)
    #expect(TSCCalibration(tscDelta: 0, pitTicks: 100) == nil)
    #expect(TSCCalibration(tscDelta: 100, pitTicks: 0) == nil)
}

@Test func nanosecondsAreExactAndDoNotOverflow() {
    let c = TSCCalibration(hz: 2_000_000_000)
    #expect(c.nanoseconds(2_000_000_000) == 1_000_000_000)
    #expect(c.nanoseconds(3) == 1)
    // 10^12 ticks · 10^9 overflows 64 bits; the 128-bit path gives 500 s.
    #expect(c.nanoseconds(1_000_000_000_000) == 500_000_000_000)
    #expect(TSCCalibration(hz: 1).nanoseconds(.max) == .max)
}

@Test func pitDivisorForTimerRate() {
    #expect(TSCCalibration.pitDivisor(rate: 100) == 11_932)
    #expect(TSCCalibration.pitDivisor(rate: 1000) == 1193)
    #expect(TSCCalibration.pitDivisor(rate: 1) == 65535)
}
