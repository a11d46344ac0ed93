// Legacy 8259A pair: remapped to vectors 32..47 (clear of CPU exceptions), everything masked except the
// lines the kernel uses (IRQ 0 timer, IRQ 4 COM1).
import CPU

enum PIC {
    static let vectorBase: UInt8 = 32

    static func initialize(unmasked irqs: [Int]) {
        hw_outb(0x20, 0x11); hw_outb(0xA0, 0x11)             // ICW1: edge, cascade, ICW4 follows
        hw_outb(0x21, vectorBase); hw_outb(0xA1, vectorBase + 8)
        hw_outb(0x21, 0x04); hw_outb(0xA1, 0x02)             // master has the slave on IRQ 2
        hw_outb(0x21, 0x01); hw_outb(0xA1, 0x01)             // 8086 mode
        var master: UInt8 = 0xFF, slave: UInt8 = 0xFF
        for irq in irqs {
            if irq < 8 { master &= ~(1 << UInt8(irq)) } else { slave &= ~(1 << UInt8(irq - 8)); master &= ~0x04 }
        }
        hw_outb(0x21, master); hw_outb(0xA1, slave)
    }

    static func endOfInterrupt(irq: Int) {
        if irq >= 8 { hw_outb(0xA0, 0x20) }
        hw_outb(0x20, 0x20)
    }

    /// A spurious IRQ 7/15 has its in-service bit clear (8259A datasheet, OCW3 read ISR).
    static func isSpurious(irq: Int) -> Bool {
        let port: UInt16 = irq < 8 ? 0x20 : 0xA0
        hw_outb(port, 0x0B)
        return hw_inb(port) & (1 << UInt8(irq & 7)) == 0
    }
}
