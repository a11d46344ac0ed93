// Console command registry: adding a command is one `register` call (name, one-line help, handler).
// Lines are split into words on spaces; the first word selects the command.

public struct Command {
    public let name: String
    public let help: String
    public let run: ([String]) -> Void
}

public enum DispatchResult: Equatable {
    case ran(String)
    case empty
    case unknown(String)
    case tooManyArguments(Int)
}

public struct CommandTable {
    public private(set) var commands: [Command] = []

    public init() {}

    /// Registers a command; `run` receives the words after the command name. A later registration of the
    /// same name replaces the earlier one.
    public mutating func register(_ name: String, _ help: String, _ run: @escaping ([String]) -> Void) {
        if let i = commands.firstIndex(where: { $0.name == name }) { commands.remove(at: i) }
        commands.append(Command(name: name, help: help, run: run))
    }

    /// Splits `line` on spaces/tabs and runs the matching command.
    public func dispatch(_ line: String) -> DispatchResult {
        let words = Self.split(line)
        guard let name = words.first else { return .empty }
        guard words.count <= Limits.consoleArgumentsMax else { return .tooManyArguments(words.count) }
        guard let command = commands.first(where: { $0.name == name }) else { return .unknown(name) }
        command.run(Array(words.dropFirst()))
        return .ran(name)
    }

    /// Commands sorted by name (for `help`).
    public var sorted: [Command] {
        commands.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    public static func split(_ line: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for b in line.utf8 {
            if b == 32 || b == 9 {
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)); current.removeAll() }
            } else {
                current.append(b)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }
}
