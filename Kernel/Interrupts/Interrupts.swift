// Swift side of interrupt entry (Boot/isr.asm): timer and COM1 IRQs, spurious IRQs, and CPU exceptions,
// which are reported with vector, error code, RIP, CR2 and every register, then halt the machine.
// Runs on the IST1 stack (see docs/kernel.md: the red zone of interrupted Swift code is never touched).
import CPU

enum Interrupts {
    /// Timer interrupts since the timer was started.
    static var ticks: UInt64 = 0
    /// Serial receive interrupts (they only wake the console loop).
    static var serialWakeups: UInt64 = 0
    /// Called instead of halting when an exception is raised on purpose (fault test mode).
    static var expectedFaultHandler: ((UnsafeMutablePointer<interrupt_frame>) -> Never)? = nil

    static let exceptionNames: [StaticString] = [
        "#DE divide error", "#DB debug", "NMI", "#BP breakpoint", "#OF overflow", "#BR bound range",
        "#UD invalid opcode", "#NM device not available", "#DF double fault", "coprocessor segment overrun",
        "#TS invalid TSS", "#NP segment not present", "#SS stack fault", "#GP general protection",
        "#PF page fault", "reserved", "#MF x87 floating point", "#AC alignment check", "#MC machine check",
        "#XM SIMD floating point", "#VE virtualization", "#CP control protection",
    ]
}

@_cdecl("interruptDispatch")
public func interruptDispatch(_ frame: UnsafeMutablePointer<interrupt_frame>) {
    let vector = Int(frame.pointee.vector)
    switch vector {
    case 0..<32:
        reportException(frame)
    case 32:                                                    // IRQ 0: PIT
        Interrupts.ticks &+= 1
        PIC.endOfInterrupt(irq: 0)
    case 36:                                                    // IRQ 4: COM1 data ready
        Interrupts.serialWakeups &+= 1
        PIC.endOfInterrupt(irq: 4)
    case 39, 47:                                                // IRQ 7 / 15: maybe spurious
        let irq = vector - 32
        if !PIC.isSpurious(irq: irq) { PIC.endOfInterrupt(irq: irq) } else if irq == 15 { PIC.endOfInterrupt(irq: 0) }
    default:
        Serial.write("warden: unexpected interrupt vector ")
        Serial.writeDecimal(UInt64(vector))
        Serial.write("\n")
        if vector >= 32 && vector < 48 { PIC.endOfInterrupt(irq: vector - 32) }
    }
}

/// Prints the exception and the register state without allocating (the heap may be the culprit).
func reportException(_ frame: UnsafeMutablePointer<interrupt_frame>) -> Never {
    let f = frame.pointee
    Serial.write("\nwarden: EXCEPTION vector ")
    Serial.writeDecimal(f.vector)
    Serial.write(" (")
    if f.vector < UInt64(Interrupts.exceptionNames.count) { Serial.write(Interrupts.exceptionNames[Int(f.vector)]) } else { Serial.write("reserved") }
    Serial.write(")\n  err=")
    Serial.writeHex(f.error_code)
    Serial.write(" rip="); Serial.writeHex(f.rip)
    Serial.write(" cr2="); Serial.writeHex(hw_read_cr2())
    Serial.write(" rflags="); Serial.writeHex(f.rflags)
    Serial.write("\n  rax="); Serial.writeHex(f.rax); Serial.write(" rbx="); Serial.writeHex(f.rbx)
    Serial.write(" rcx="); Serial.writeHex(f.rcx); Serial.write(" rdx="); Serial.writeHex(f.rdx)
    Serial.write("\n  rsi="); Serial.writeHex(f.rsi); Serial.write(" rdi="); Serial.writeHex(f.rdi)
    Serial.write(" rbp="); Serial.writeHex(f.rbp); Serial.write(" rsp="); Serial.writeHex(f.rsp)
    Serial.write("\n  r8 ="); Serial.writeHex(f.r8); Serial.write(" r9 ="); Serial.writeHex(f.r9)
    Serial.write(" r10="); Serial.writeHex(f.r10); Serial.write(" r11="); Serial.writeHex(f.r11)
    Serial.write("\n  r12="); Serial.writeHex(f.r12); Serial.write(" r13="); Serial.writeHex(f.r13)
    Serial.write(" r14="); Serial.writeHex(f.r14); Serial.write(" r15="); Serial.writeHex(f.r15)
    Serial.write("\n  cs="); Serial.writeHex(f.cs, digits: 4); Serial.write(" ss="); Serial.writeHex(f.ss, digits: 4)
    Serial.write(" cr0="); Serial.writeHex(hw_read_cr0()); Serial.write(" cr3="); Serial.writeHex(hw_read_cr3())
    Serial.write(" cr4="); Serial.writeHex(hw_read_cr4())
    Serial.write("\n")
    if let handler = Interrupts.expectedFaultHandler { handler(frame) }
    Serial.write("warden: halted after exception\n")
    if panicExitsQEMU { Power.qemuExit(Power.exitFail) }
    Power.haltForever()
}
