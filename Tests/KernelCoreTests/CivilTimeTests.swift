// CivilTime: CMOS register decoding (BCD/binary, 12/24 h, century) and the days-from-civil arithmetic,
// the latter checked against an independent day-by-day count and known Unix times.
import Testing
import KernelCore

@Suite struct CivilTimeTests {
    /// Days since 1970-01-01 by walking years and months (independent of the closed-form algorithm).
    static func countedDays(_ y: Int, _ m: Int, _ d: Int) -> Int {
        var n = 0
        if y >= 1970 {
            for yy in 1970..<y { n += CivilTime.isLeap(yy) ? 366 : 365 }
        } else {
            for yy in y..<1970 { n -= CivilTime.isLeap(yy) ? 366 : 365 }
        }
        for mm in 1..<m { n += CivilTime.daysInMonth(year: y, month: mm) }
        return n + d - 1
    }

    @Test func knownUnixTimes() {
        #expect(CivilTime(year: 1970, month: 1, day: 1).unixSeconds == 0)
        #expect(CivilTime(year: 2000, month: 3, day: 1).unixSeconds == 951_868_800)
        #expect(CivilTime(year: 2026, month: 11, day: 28, hour: 15, minute: 16, second: 2).unixSeconds == 1_795_878_962)
        #expect(CivilTime(year: 2038, month: 1, day: 19, hour: 3, minute: 14, second: 8).unixSeconds == 2_147_483_648)
        #expect(CivilTime(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59).unixSeconds == -1)
    }

    @Test func daysMatchCountingAndRoundTrip() {
        for y in [1900, 1969, 1970, 1999, 2000, 2024, 2025, 2100, 2400] {
            for m in 1...12 {
                for d in [1, 15, CivilTime.daysInMonth(year: y, month: m)] {
                    let n = CivilTime.daysFromCivil(year: y, month: m, day: d)
                    #expect(n == Self.countedDays(y, m, d), "\(y)-\(m)-\(d)")
                    let back = CivilTime.civilFromDays(n)
                    #expect(back.year == y && back.month == m && back.day == d)
                }
            }
        }
        for s: Int64 in [0, 86_399, 86_400, -1, -86_401, 1_795_878_962, 4_102_444_800] {
            #expect(CivilTime(unixSeconds: s).unixSeconds == s)
        }
    }

    @Test func leapYears() {
        #expect(CivilTime.isLeap(2000) && CivilTime.isLeap(2024) && !CivilTime.isLeap(1900) && !CivilTime.isLeap(2100))
        #expect(CivilTime.daysInMonth(year: 2024, month: 2) == 29)
        #expect(CivilTime.daysInMonth(year: 2026, month: 2) == 28)
    }

    @Test func decodesBCD24Hour() throws {
        // 2026-11-28 15:16:02, BCD, 24-hour (status B 0x02), century 0x20.
        let r = RTCRegisters(second: 0x02, minute: 0x16, hour: 0x15, day: 0x28, month: 0x11, year: 0x26, century: 0x20, statusB: 0x02)
        let t = try CivilTime(registers: r)
        #expect(t == CivilTime(year: 2026, month: 11, day: 28, hour: 15, minute: 16, second: 2))
        #expect(t.description == "2026-11-28 15:16:02 UTC")
    }

    @Test func decodesBinaryAnd12Hour() throws {
        // Binary, 12-hour: 12 AM is hour 0, 12 PM is 12, 3 PM is 15.
        func hour(_ raw: UInt8, binary: Bool) throws -> Int {
            try CivilTime(registers: RTCRegisters(second: 0, minute: 0, hour: raw, day: 1, month: 1, year: 24, century: 0,
                                                  statusB: binary ? 0x04 : 0x00)).hour
        }
        #expect(try hour(12, binary: true) == 0)
        #expect(try hour(0x80 | 12, binary: true) == 12)
        #expect(try hour(0x80 | 3, binary: true) == 15)
        #expect(try hour(0x80 | 0x11, binary: false) == 23)          // BCD 11 PM
        #expect(try hour(0x01, binary: false) == 1)
        // Binary 24-hour with no century register: 2000 + year.
        let t = try CivilTime(registers: RTCRegisters(second: 59, minute: 59, hour: 23, day: 31, month: 12, year: 99,
                                                      century: 0, statusB: 0x06))
        #expect(t.year == 2099 && t.unixSeconds == CivilTime(year: 2100, month: 1, day: 1).unixSeconds - 1)
    }

    @Test func rejectsGarbage() {
        func decode(_ r: RTCRegisters) -> CivilTimeError? {
            do { _ = try CivilTime(registers: r); return nil } catch { return error }
        }
        let ok = RTCRegisters(second: 0, minute: 0, hour: 0, day: 0x01, month: 0x01, year: 0x26, century: 0x20, statusB: 0x02)
        #expect(decode(ok) == nil)
        var r = ok; r.minute = 0x5A                                    // not BCD
        #expect(decode(r) == .invalid(field: "minute", value: 0x5A))
        r = ok; r.month = 0x13
        #expect(decode(r) == .invalid(field: "month", value: 13))
        r = ok; r.month = 0x02; r.day = 0x29                           // 2026 is not a leap year
        #expect(decode(r) == .invalid(field: "day", value: 29))
        r = ok; r.statusB = 0x00; r.hour = 0x00                         // 12-hour mode has no hour 0
        #expect(decode(r) == .invalid(field: "hour", value: 0))
        r = ok; r.second = 0x60
        #expect(decode(r) == .invalid(field: "second", value: 60))
    }
}
