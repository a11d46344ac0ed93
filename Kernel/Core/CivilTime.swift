// Wall-clock arithmetic for the RTC driver (Kernel/Drivers/RTC.swift): decoding the MC146818 CMOS clock
// registers (BCD or binary, 12- or 24-hour, optional century register) into a proleptic-Gregorian UTC date, and
// days-from-civil / civil-from-days (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms") to and from Unix time.

/// The raw CMOS clock registers as read from ports 0x70/0x71.
public struct RTCRegisters: Equatable, Sendable {
    public var second: UInt8      // register 0x00
    public var minute: UInt8      // 0x02
    public var hour: UInt8        // 0x04 (bit 7 = PM in 12-hour mode)
    public var day: UInt8         // 0x07, day of month
    public var month: UInt8       // 0x08
    public var year: UInt8        // 0x09, year of century
    public var century: UInt8     // 0x32 (ACPI FADT default), 0 when the machine has none
    public var statusB: UInt8     // 0x0B: bit 1 = 24-hour mode, bit 2 = binary (else BCD)

    public init(second: UInt8, minute: UInt8, hour: UInt8, day: UInt8, month: UInt8, year: UInt8,
                century: UInt8, statusB: UInt8) {
        self.second = second; self.minute = minute; self.hour = hour; self.day = day
        self.month = month; self.year = year; self.century = century; self.statusB = statusB
    }

    public var isBinary: Bool { statusB & 0x04 != 0 }
    public var is24Hour: Bool { statusB & 0x02 != 0 }
}

public enum CivilTimeError: Error, Equatable, Sendable {
    /// A register held a value that is not valid BCD, or a field is out of its range (name, decoded value).
    case invalid(field: String, value: Int)

    public var message: String {
        switch self {
        case .invalid(let field, let value): return "RTC " + field + " out of range (\(value))"
        }
    }
}

/// A UTC date and time of day (seconds resolution), proleptic Gregorian calendar.
public struct CivilTime: Equatable, Sendable {
    public var year: Int
    public var month: Int      // 1...12
    public var day: Int        // 1...31
    public var hour: Int       // 0...23
    public var minute: Int
    public var second: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year; self.month = month; self.day = day
        self.hour = hour; self.minute = minute; self.second = second
    }

    /// Decodes the CMOS registers. Without a century register (0) the year is 2000 + year of century.
    public init(registers r: RTCRegisters) throws(CivilTimeError) {
        func decode(_ v: UInt8, _ field: String) throws(CivilTimeError) -> Int {
            if r.isBinary { return Int(v) }
            guard v & 0x0F <= 9, v >> 4 <= 9 else { throw .invalid(field: field, value: Int(v)) }
            return Int(v >> 4) * 10 + Int(v & 0x0F)
        }
        let pm = !r.is24Hour && r.hour & 0x80 != 0
        var hour = try decode(r.hour & 0x7F, "hour")
        if !r.is24Hour {
            guard (1...12).contains(hour) else { throw .invalid(field: "hour", value: hour) }
            hour = hour % 12 + (pm ? 12 : 0)             // 12 AM → 0, 12 PM → 12
        }
        let century = r.century == 0 ? 20 : try decode(r.century, "century")
        self.init(year: century * 100 + (try decode(r.year, "year")), month: try decode(r.month, "month"),
                  day: try decode(r.day, "day"), hour: hour, minute: try decode(r.minute, "minute"),
                  second: try decode(r.second, "second"))
        try validate()
    }

    public func validate() throws(CivilTimeError) {
        guard (1...12).contains(month) else { throw .invalid(field: "month", value: month) }
        guard day >= 1, day <= CivilTime.daysInMonth(year: year, month: month) else { throw .invalid(field: "day", value: day) }
        guard (0...23).contains(hour) else { throw .invalid(field: "hour", value: hour) }
        guard (0...59).contains(minute) else { throw .invalid(field: "minute", value: minute) }
        guard (0...59).contains(second) else { throw .invalid(field: "second", value: second) }   // the RTC has no leap second
    }

    public static func isLeap(_ y: Int) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of the civil date y-m-d (negative before it).
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400                                       // [0, 399]
        let mp = (month + 9) % 12                                     // March = 0
        let doy = (153 * mp + 2) / 5 + day - 1                        // [0, 365]
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy               // [0, 146096]
        return era * 146097 + doe - 719468
    }

    /// The civil date of `days` since 1970-01-01.
    public static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Seconds since the Unix epoch.
    public var unixSeconds: Int64 {
        Int64(CivilTime.daysFromCivil(year: year, month: month, day: day)) * 86_400
            + Int64(hour * 3600 + minute * 60 + second)
    }

    public init(unixSeconds s: Int64) {
        var days = s / 86_400
        var rem = s % 86_400
        if rem < 0 { rem += 86_400; days -= 1 }
        let (y, m, d) = CivilTime.civilFromDays(Int(days))
        self.init(year: y, month: m, day: d, hour: Int(rem / 3600), minute: Int(rem % 3600 / 60), second: Int(rem % 60))
    }

    /// "YYYY-MM-DD hh:mm:ss UTC".
    public var description: String {
        func two(_ v: Int) -> String { v < 10 ? "0" + String(v) : String(v) }
        var y = String(year)
        while y.utf8.count < 4 { y = "0" + y }
        return y + "-" + two(month) + "-" + two(day) + " " + two(hour) + ":" + two(minute) + ":" + two(second) + " UTC"
    }
}
