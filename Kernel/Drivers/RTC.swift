// MC146818 CMOS real-time clock (ports 0x70/0x71): read once, at the first use of the wall clock (during
// Warden.start at boot), into the Unix time of kmain; the wall clock is then that offset plus the TSC clock.
// The decoding (BCD/binary, 12/24 h, century) and the date arithmetic are KernelCore.CivilTime (host-tested).
import CPU
import KernelCore

enum RTC {
    /// Unix time in ns at `Clock.now() == 0` (kmain); nil until read, 0 if the RTC was unreadable.
    nonisolated(unsafe) private static var bootUnixNs: Int64? = nil
    /// What the RTC said at the read (nil if unreadable).
    nonisolated(unsafe) private(set) static var bootTime: CivilTime? = nil

    /// Register numbers (index port 0x70, data port 0x71).
    private static let regSecond: UInt8 = 0x00, regMinute: UInt8 = 0x02, regHour: UInt8 = 0x04
    private static let regDay: UInt8 = 0x07, regMonth: UInt8 = 0x08, regYear: UInt8 = 0x09
    private static let regStatusA: UInt8 = 0x0A, regStatusB: UInt8 = 0x0B, regCentury: UInt8 = 0x32

    private static func read(_ reg: UInt8) -> UInt8 {
        hw_outb(0x70, reg)              // bit 7 clear: NMIs stay enabled
        return hw_inb(0x71)
    }

    /// One consistent snapshot: waits out an update in progress (status A bit 7, at most ~2 ms per second),
    /// then reads until two consecutive snapshots agree (an update may start between the check and the reads).
    private static func snapshot() -> RTCRegisters? {
        func once() -> RTCRegisters? {
            var spins = 0
            while read(regStatusA) & 0x80 != 0 {
                spins += 1
                if spins > 10_000_000 { return nil }
            }
            return RTCRegisters(second: read(regSecond), minute: read(regMinute), hour: read(regHour),
                                day: read(regDay), month: read(regMonth), year: read(regYear),
                                century: read(regCentury), statusB: read(regStatusB))
        }
        guard var last = once() else { return nil }
        for _ in 0..<8 {
            guard let next = once() else { return nil }
            if next == last { return next }
            last = next
        }
        return nil
    }

    /// Unix time (ns) at kmain; reads the RTC on the first call and prints what it found.
    static func unixNsAtBoot() -> Int64 {
        if let b = bootUnixNs { return b }
        let atRead = Clock.now()
        var result: Int64 = 0
        if let regs = snapshot() {
            do throws(CivilTimeError) {
                let t = try CivilTime(registers: regs)
                bootTime = t
                result = t.unixSeconds &* 1_000_000_000 &- Int64(truncatingIfNeeded: atRead)
                print("rtc: " + t.description + " (unix \(t.unixSeconds) s; " + (regs.isBinary ? "binary" : "BCD")
                      + ", " + (regs.is24Hour ? "24" : "12") + "-hour" + (regs.century == 0 ? ", no century register" : "") + ")")
            } catch {
                print("rtc: unreadable: " + error.message + "; wall clock = time since kmain")
            }
        } else {
            print("rtc: no stable reading (update-in-progress never cleared); wall clock = time since kmain")
        }
        bootUnixNs = result
        return result
    }

    /// Wall clock: ns since the Unix epoch (RTC at boot + TSC since kmain).
    static func wallNanoseconds() -> Int64 { unixNsAtBoot() &+ Int64(truncatingIfNeeded: Clock.now()) }
}
