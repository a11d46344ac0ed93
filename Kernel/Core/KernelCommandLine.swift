// Kernel command line options (`warden.test=boot|fault|oom` selects an in-kernel test mode).

public enum TestMode: Equatable {
    case none
    case boot      // run the in-kernel test cases, exit QEMU with pass/fail
    case fault     // raise an exception on purpose: the handler must report it and exit
    case oom       // request an allocation that cannot be satisfied: the panic must name the cause
}

public struct KernelCommandLine: Equatable {
    public var testMode: TestMode = .none
    /// Unrecognised `warden.test=` value (reported at boot), nil when fine.
    public var badTestValue: String?

    public init(_ text: String) {
        for word in CommandTable.split(text) where word.utf8.starts(with: "warden.test=".utf8) {
            let value = String(decoding: word.utf8.dropFirst(12), as: UTF8.self)
            switch value {
            case "boot": testMode = .boot
            case "fault": testMode = .fault
            case "oom": testMode = .oom
            default: badTestValue = value
            }
        }
    }
}
