// 8254 PIT: channel 2 is read (latched) at the two ends of a TSC calibration window (before interrupts);
// channel 0 then drives the periodic timer interrupt (IRQ 0).
import CPU
import KernelCore

enum PIT {
    /// Measures the TSC against PIT channel 2 counting down freely from 0xFFFF (mode 0, speaker off):
    /// returns (TSC ticks, PIT ticks) between two latched counter reads at least `minimumTicks` apart.
    /// Each end is the best of several samples (the smallest TSC bracket around the latch command), so a
    /// vCPU descheduled while polling does not stretch the window as a "wait for terminal count" would.
    static func measureTSC(minimumTicks: UInt64) -> (tscDelta: UInt64, pitTicks: UInt64) {
        let gate = hw_inb(0x61)
        hw_outb(0x61, (gate & 0xFC) | 0x01)                  // gate high, speaker data off
        hw_outb(0x43, 0xB0)                                  // channel 2, lo/hi byte, mode 0
        hw_outb(0x42, 0xFF)
        hw_outb(0x42, 0xFF)
        let first = bestSample()
        var last = first
        var spins: UInt64 = 0
        while UInt64(first.count &- last.count) < minimumTicks {
            spins += 1
            if spins > 50_000_000 { panic("PIT channel 2 is not counting: cannot calibrate the TSC") }
            last = sample()
        }
        last = bestSample()
        hw_outb(0x61, gate)
        return (last.tsc &- first.tsc, UInt64(first.count &- last.count))
    }

    /// One latched read of channel 2: the TSC midpoint around the latch command and its uncertainty.
    private static func sample() -> (tsc: UInt64, count: UInt16, bracket: UInt64) {
        let t0 = hw_rdtsc()
        hw_outb(0x43, 0x80)                                  // latch channel 2
        let t1 = hw_rdtsc()
        let lo = UInt16(hw_inb(0x42)), hi = UInt16(hw_inb(0x42))
        return (t0 / 2 + t1 / 2, hi << 8 | lo, t1 &- t0)
    }

    private static func bestSample() -> (tsc: UInt64, count: UInt16, bracket: UInt64) {
        var best = sample()
        for _ in 0..<7 {
            let s = sample()
            if s.bracket < best.bracket { best = s }
        }
        return best
    }

    /// Channel 0 in rate-generator mode at `hz` interrupts per second.
    static func startPeriodic(hz: UInt64) {
        let divisor = TSCCalibration.pitDivisor(rate: hz)
        hw_outb(0x43, 0x34)
        hw_outb(0x40, UInt8(divisor & 0xFF))
        hw_outb(0x40, UInt8(divisor >> 8))
    }
}
