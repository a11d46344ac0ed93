// Serial console: prompt, line editing (KernelCore.LineEditor), dispatch through the command table.
// Waits with `sti; hlt` between bytes: the timer (100 Hz) or a COM1 receive interrupt wakes it.
import CPU
import KernelCore

enum Console {
    static var commands = CommandTable()
    static let prompt: StaticString = "warden> "

    static func run() -> Never {
        var editor = LineEditor()
        var out = SerialOutput()
        Serial.write(prompt)
        while true {
            while let byte = Serial.read() {
                guard let event = editor.feed(byte, echo: &out) else { continue }
                switch event {
                case .line(let line): execute(line)
                case .tooLong(let n):
                    Serial.write("error: line too long (\(n) characters, limit \(Limits.consoleLineMax)); discarded\n")
                case .cancelled: break
                }
                Serial.write(prompt)
            }
            KernelMCP.poll()                            // COM2 MCP port (polled; the timer tick wakes us)
            hw_sti_hlt()
        }
    }

    static func execute(_ line: String) {
        switch commands.dispatch(line) {
        case .ran, .empty: break
        case .unknown(let name): Serial.write("unknown command '" + name + "': type 'help' for the list of commands\n")
        case .tooManyArguments(let n): Serial.write("error: \(n) words (limit \(Limits.consoleArgumentsMax))\n")
        }
    }
}
