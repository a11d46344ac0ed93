// 8254 PIT: channel 2 measures a fixed window for TSC calibration (polled, before interrupts);
// channel 0 then drives the periodic timer interrupt (IRQ 0).
import CPU
import KernelCore

enum PIT {
    /// TSC ticks elapsed while PIT channel 2 counts down `ticks` (mode 0, speaker gated off).
    static func measureTSC(overPitTicks ticks: UInt64) -> UInt64 {
        let gate = hw_inb(0x61)
        hw_outb(0x61, (gate & 0xFC))                         // gate low: counter held
        hw_outb(0x43, 0xB0)                                  // channel 2, lo/hi byte, mode 0
        hw_outb(0x42, UInt8(ticks & 0xFF))
        hw_outb(0x42, UInt8(ticks >> 8))
        let start = hw_rdtsc()
        hw_outb(0x61, (gate & 0xFC) | 0x01)                  // gate high: counting starts
        var spins: UInt64 = 0
        while hw_inb(0x61) & 0x20 == 0 {
            spins += 1
            if spins > 200_000_000 { panic("PIT channel 2 never reached terminal count: cannot calibrate the TSC") }
        }
        let end = hw_rdtsc()
        hw_outb(0x61, gate)
        return end - start
    }

    /// Channel 0 in rate-generator mode at `hz` interrupts per second.
    static func startPeriodic(hz: UInt64) {
        let divisor = TSCCalibration.pitDivisor(rate: hz)
        hw_outb(0x43, 0x34)
        hw_outb(0x40, UInt8(divisor & 0xFF))
        hw_outb(0x40, UInt8(divisor >> 8))
    }
}
