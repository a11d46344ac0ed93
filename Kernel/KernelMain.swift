// kmain: the boot order, one step per line. Entered from Boot/entry.asm in long mode with SSE/AVX enabled,
// the IDT loaded (every vector on an IST stack) and interrupts off.
import CPU
import KernelCore

@_cdecl("kmain")
public func kmain(_ magic: UInt32, _ mbi: UInt32) -> Never {
    Clock.bootTSC = hw_rdtsc()                           // zero of the monotonic clock
    Serial.initialize()                                  // COM1 first: every later step may panic
    KernelHeap.initializeEarly()                         // 1 MiB .bss heap until the memory map is known
    Serial.write("\nwarden: kernel entered (multiboot2)\n")
    let info = readBootInfo(magic: magic, address: UInt(mbi))   // tags validated, or a panic naming the fault
    let cmdline = KernelCommandLine(String(decoding: info.commandLine, as: UTF8.self))
    panicExitsQEMU = cmdline.testMode != .none
    placeHeap(info, infoEnd: UInt64(mbi) + UInt64(info.totalSize))   // main heap above kernel, info, modules
    recordModules(info)                                  // module names and ranges onto the heap
    CPUInfo.detect()                                     // CPUID + XCR0 → feature set
    Entropy.hasRDSEED = CPUInfo.features.rdseed
    Entropy.hasRDRAND = CPUInfo.features.rdrand
    Clock.calibrate()                                    // TSC against PIT channel 2 (~20 ms)
    PIC.initialize(unmasked: [0, 4])                     // IRQ 0 timer, IRQ 4 COM1
    PIT.startPeriodic(hz: Limits.timerHz)                // periodic timer interrupt
    Serial.enableReceiveInterrupt()                      // a keystroke wakes the console from hlt
    hw_sti()
    reportBoot(cmdline)
    switch cmdline.testMode {
    case .boot: BootTests.run()
    case .fault: BootTests.runFault()
    case .oom: BootTests.runOutOfMemory()
    case .none: break
    }
    KernelCommands.registerAll()
    ModelService.loadFromBootModules()                   // GGUF from the `model` module (progress, summary)
    Warden.start()                                       // policy, audit genesis, gateway, agents from the modules
    KernelMCP.start()                                    // governed MCP server on COM2, if a UART is there
    AgentCommands.register()
    ModelCommands.register()
    AuditCommands.register(testMode: CommandTable.split(BootState.commandLine).contains("warden.tamper=1"))
    let kmainNs = Clock.now()
    print("warden: ready in \(Clock.milliseconds(kmainNs)) ms from kmain, \(Clock.milliseconds(Clock.sinceReset())) ms from CPU reset")
    Console.run()
}

func readBootInfo(magic: UInt32, address: UInt) -> Multiboot2Info {
    guard magic == Multiboot2Info.bootloaderMagic else { panic(MultibootError.badMagic(magic).message) }
    guard address != 0, let base = UnsafeRawPointer(bitPattern: address) else { panic("multiboot2 info pointer is null") }
    let total = Int(base.loadUnaligned(as: UInt32.self))
    do throws(MultibootError) {
        return try Multiboot2Info(magic: magic, bytes: UnsafeRawBufferPointer(start: base, count: max(total, 8)))
    } catch {
        panic(error.message)
    }
}

func placeHeap(_ info: Multiboot2Info, infoEnd: UInt64) {
    BootState.kernel = AddressRange(start: hw_kernel_start(), end: hw_kernel_end())
    do throws(MultibootError) {
        BootState.heap = try HeapPlanner.plan(info: info, kernel: BootState.kernel, infoEnd: infoEnd)
    } catch {
        panic(error.message)
    }
    KernelHeap.initializeMain(BootState.heap)
    BootState.regionCount = info.regionCount
    for i in 0..<info.regionCount where info.region(i).isAvailable { BootState.availableRAM += info.region(i).length }
    BootState.commandLine = String(decoding: info.commandLine, as: UTF8.self)
}

func recordModules(_ info: Multiboot2Info) {
    for i in 0..<info.moduleCount {
        let m = info.module(i)
        var words = CommandTable.split(String(decoding: info.moduleName(i), as: UTF8.self))
        let name = words.isEmpty ? "module" + String(i) : words.removeFirst()
        BootState.modules.append(LoadedModule(name: name, arguments: words, start: m.start, size: m.size))
    }
}

func reportBoot(_ cmdline: KernelCommandLine) {
    print("warden: cmdline '" + BootState.commandLine + "'")
    if let bad = cmdline.badTestValue { print("warden: warning: unknown warden.test value '" + bad + "' ignored") }
    print("warden: cpu " + CPUInfo.vendor + ": " + CPUInfo.features.names)
    if !Entropy.hasRDSEED && !Entropy.hasRDRAND {
        print("warden: warning: no RDRAND/RDSEED: arc4random_buf uses a TSC-seeded splitmix64 (not cryptographic)")
    }
    print("warden: tsc \(Clock.calibration.hz / 1_000_000) MHz, irq vector save: \(CPUInfo.vectorSaveDescription)")
    let heap = BootState.heap
    print("warden: heap 0x\(hex(heap.start))..0x\(hex(heap.end)) (\(heap.size >> 20) MiB), \(BootState.modules.count) module(s)")
}
