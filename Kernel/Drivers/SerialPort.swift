// A polled 16550 UART other than the console (COM3 for the egress peer), detected by its scratch register.
import CPU
import KernelCore
import Gateway

struct SerialPort {
    let base: UInt16
    /// False when no UART answers at `base` (reads would return 0xFF forever): I/O is then dropped.
    let present: Bool

    init(base: UInt16) {
        self.base = base
        hw_outb(base + 7, 0x5A)
        let a = hw_inb(base + 7)
        hw_outb(base + 7, 0xA5)
        present = a == 0x5A && hw_inb(base + 7) == 0xA5
        guard present else { return }
        hw_outb(base + 1, 0x00)          // polled: no interrupts
        hw_outb(base + 3, 0x80)          // DLAB
        hw_outb(base + 0, 0x01)          // 115200 baud
        hw_outb(base + 1, 0x00)
        hw_outb(base + 3, 0x03)          // 8N1
        hw_outb(base + 2, 0xC7)          // FIFO on, cleared
        hw_outb(base + 4, 0x03)          // DTR, RTS
    }

    func write(_ byte: UInt8) {
        guard present else { return }
        while hw_inb(base + 5) & 0x20 == 0 { hw_pause() }
        hw_outb(base, byte)
    }

    func read() -> UInt8? {
        guard present, hw_inb(base + 5) & 0x01 != 0 else { return nil }
        return hw_inb(base)
    }

    /// Longest pause between two bytes of one burst that `readBurst` waits out (2 ms).
    static let burstGapNs: UInt64 = 2_000_000

    /// The next byte of a burst in progress: like `read()`, but an empty FIFO is polled for up to
    /// `burstGapNs` first. QEMU's chardev refills the 16-byte receive FIFO from another thread, so a reader
    /// that stops at the first empty FIFO takes one FIFO per console wake-up (~1.6 KB/s at 100 Hz).
    func readBurst() -> UInt8? {
        if let b = read() { return b }
        guard present else { return nil }
        let end = Clock.now() &+ SerialPort.burstGapNs
        while Clock.now() < end {
            hw_pause()
            if let b = read() { return b }
        }
        return nil
    }
}

/// The egress client's port: COM3 (0x3E8), connected by QEMU to the host's egress_peer.py.
struct SerialEgressPort: EgressPort {
    var uart = SerialPort(base: 0x3E8)
    mutating func write(_ bytes: [UInt8]) { for b in bytes { uart.write(b) } }
    mutating func read() -> UInt8? { uart.read() }
    mutating func milliseconds() -> UInt64 { Clock.now() / 1_000_000 }
    mutating func idle() { hw_pause() }
}
