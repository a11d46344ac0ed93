// Fatal-error reporting: one clear line on the serial console, then halt (or fail the QEMU test run).
import CPU
import KernelCore

/// Set once the kernel command line is parsed: a panic in a test mode exits QEMU with the fail code.
var panicExitsQEMU = false

func panic(_ message: String) -> Never {
    hw_cli()
    Serial.write("\nwarden: panic: ")
    Serial.write(message)
    Serial.write("\n")
    if panicExitsQEMU { Power.qemuExit(Power.exitFail) }
    Power.haltForever()
}

func panic(_ message: StaticString) -> Never {
    hw_cli()
    Serial.write("\nwarden: panic: ")
    Serial.write(message)
    Serial.write("\n")
    if panicExitsQEMU { Power.qemuExit(Power.exitFail) }
    Power.haltForever()
}
