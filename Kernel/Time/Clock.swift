// Monotonic nanosecond clock from the TSC, calibrated against PIT channel 2 at boot.
import CPU
import KernelCore

enum Clock {
    static var calibration = TSCCalibration(hz: 1)
    /// TSC value when kmain started (the clock's zero).
    static var bootTSC: UInt64 = 0

    static func calibrate() {
        let m = PIT.measureTSC(minimumTicks: Limits.calibrationPitTicks)
        guard let c = TSCCalibration(tscDelta: m.tscDelta, pitTicks: m.pitTicks) else {
            panic("TSC calibration failed: TSC did not advance during the PIT window")
        }
        calibration = c
    }

    /// Nanoseconds since kmain started.
    static func now() -> UInt64 { calibration.nanoseconds(hw_rdtsc() &- bootTSC) }

    /// Nanoseconds since the CPU reset (the TSC starts at 0 when QEMU starts the machine).
    static func sinceReset() -> UInt64 { calibration.nanoseconds(hw_rdtsc()) }

    /// "12.345" for a duration in nanoseconds shown in milliseconds.
    static func milliseconds(_ ns: UInt64) -> String {
        let us = ns / 1000
        let frac = us % 1000
        return String(us / 1000) + "." + (frac < 10 ? "00" : frac < 100 ? "0" : "") + String(frac)
    }
}
