// Power off (ACPI PM1a control ports QEMU and common hypervisors use), reboot (keyboard controller pulse,
// then a triple fault), and QEMU's isa-debug-exit used by the test modes.
import CPU

enum Power {
    /// isa-debug-exit: QEMU exits with status (code << 1) | 1.
    static let exitPass: UInt32 = 0x10     // status 33
    static let exitFail: UInt32 = 0x11     // status 35

    static func qemuExit(_ code: UInt32) -> Never {
        hw_outl(0xF4, code)
        Serial.write("warden: isa-debug-exit not present: halting\n")
        haltForever()
    }

    static func powerOff() -> Never {
        hw_outw(0x604, 0x2000)                              // QEMU q35/pc (PIIX4/ICH9 PM1a_CNT)
        hw_outw(0xB004, 0x2000)                             // older QEMU/Bochs
        hw_outw(0x4004, 0x3400)                             // VirtualBox
        let deadline = Clock.now() + 1_000_000_000          // the hypervisor acts asynchronously
        while Clock.now() < deadline { hw_pause() }
        Serial.write("warden: poweroff not supported by this machine: halting\n")
        haltForever()
    }

    static func reboot() -> Never {
        hw_cli()
        var spins = 0
        while hw_inb(0x64) & 0x02 != 0 && spins < 1_000_000 { spins += 1 }
        hw_outb(0x64, 0xFE)                                 // 8042: pulse the CPU reset line
        hw_triple_fault()
        haltForever()
    }

    static func haltForever() -> Never {
        while true { hw_cli(); hw_hlt() }
    }
}
