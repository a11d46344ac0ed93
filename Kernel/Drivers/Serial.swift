// COM1 16550 UART at 115200 8N1: polled output, input read by the console (IRQ 4 only wakes the CPU).
import CPU
import KernelCore

enum Serial {
    static let base: UInt16 = 0x3F8

    static func initialize() {
        hw_outb(base + 1, 0x00)          // interrupts off while configuring
        hw_outb(base + 3, 0x80)          // DLAB: divisor follows
        hw_outb(base + 0, 0x01)          // 115200 baud
        hw_outb(base + 1, 0x00)
        hw_outb(base + 3, 0x03)          // 8 bits, no parity, 1 stop bit
        hw_outb(base + 2, 0xC7)          // FIFO on, cleared, 14-byte threshold
        hw_outb(base + 4, 0x0B)          // DTR, RTS, OUT2 (routes the IRQ line)
    }

    /// Raises IRQ 4 when a byte arrives (the handler only acknowledges; the console loop reads).
    static func enableReceiveInterrupt() { hw_outb(base + 1, 0x01) }

    static func write(_ byte: UInt8) {
        while hw_inb(base + 5) & 0x20 == 0 { hw_pause() }
        hw_outb(base, byte)
    }

    /// Writes text, turning "\n" into "\r\n" for raw terminals.
    static func write(_ text: StaticString) {
        text.withUTF8Buffer { for b in $0 { put(b) } }
    }
    static func write(_ text: String) {
        for b in text.utf8 { put(b) }
    }
    static func put(_ b: UInt8) {
        if b == 10 { write(13) }
        write(b)
    }

    /// Writes `value` as 0x-prefixed hexadecimal with `digits` digits, without allocating.
    static func writeHex(_ value: UInt64, digits: Int = 16) {
        put(UInt8(ascii: "0")); put(UInt8(ascii: "x"))
        var shift = (digits - 1) * 4
        while shift >= 0 {
            let d = UInt8((value >> UInt64(shift)) & 0xF)
            put(d < 10 ? 48 + d : 87 + d)
            shift -= 4
        }
    }

    /// Writes an unsigned decimal without allocating.
    static func writeDecimal(_ value: UInt64) {
        var digits = InlineArray<20, UInt8>(repeating: 0)
        var n = value, count = 0
        repeat { digits[count] = UInt8(48 + n % 10); n /= 10; count += 1 } while n > 0
        while count > 0 { count -= 1; put(digits[count]) }
    }

    /// Next received byte, nil when none is waiting.
    static func read() -> UInt8? {
        hw_inb(base + 5) & 0x01 != 0 ? hw_inb(base) : nil
    }
}

/// The line editor's echo goes straight to the UART.
struct SerialOutput: TerminalOutput {
    mutating func write(_ byte: UInt8) { Serial.write(byte) }
}
