// The built-in console commands. Adding one is a single `Console.commands.register(name, help) { args in … }`.
import CPU
import KernelCore

enum KernelCommands {
    static func registerAll() {
        Console.commands.register("help", "list the commands") { _ in help() }
        Console.commands.register("mem", "heap usage and the physical memory map") { _ in mem() }
        Console.commands.register("uptime", "time since kmain and timer interrupts") { _ in uptime() }
        Console.commands.register("cpu", "CPU vendor, SIMD features, TSC frequency") { _ in cpu() }
        Console.commands.register("modules", "boot modules loaded by GRUB") { _ in modules() }
        Console.commands.register("poweroff", "switch the machine off") { _ in Serial.write("powering off\n"); Power.powerOff() }
        Console.commands.register("reboot", "reset the machine") { _ in Serial.write("rebooting\n"); Power.reboot() }
    }

    static func help() {
        for c in Console.commands.sorted {
            var name = c.name
            while name.utf8.count < 10 { name += " " }
            print("  " + name + " " + c.help)
        }
    }

    static func mem() {
        let s = KernelHeap.main!.statistics()
        let heap = BootState.heap, kernel = BootState.kernel
        print("heap:    0x\(hex(heap.start))..0x\(hex(heap.end)) (\(s.totalBytes >> 20) MiB)")
        print("used:    \(s.usedBytes >> 10) KiB in \(s.liveAllocations) allocations")
        print("free:    \(s.freeBytes >> 10) KiB in \(s.freeBlocks) blocks, largest \(s.largestFreeBlock >> 10) KiB")
        print("kernel:  0x\(hex(kernel.start))..0x\(hex(kernel.end)) (\(kernel.size >> 10) KiB incl. bss)")
        print("RAM:     \(BootState.availableRAM >> 20) MiB available in \(BootState.regionCount) memory-map entries")
    }

    static func uptime() {
        let ns = Clock.now()
        print("up \(Clock.milliseconds(ns)) ms, \(Interrupts.ticks) timer ticks at \(Limits.timerHz) Hz")
    }

    static func cpu() {
        print("vendor:   " + CPUInfo.vendor)
        print("features: " + CPUInfo.features.names)
        print("tsc:      \(Clock.calibration.hz / 1_000_000) MHz (PIT-calibrated)")
        print("irq save: " + CPUInfo.vectorSaveDescription)
    }

    static func modules() {
        if BootState.modules.isEmpty { print("no modules"); return }
        for m in BootState.modules {
            print("\(m.name)  0x\(hex(m.start))  \(m.size) bytes")
        }
    }
}
