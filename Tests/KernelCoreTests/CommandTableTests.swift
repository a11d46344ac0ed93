// Command registry: one-line registration, argument splitting, unknown commands, replacement.
import Testing
@testable import KernelCore

final class Log { var entries: [String] = [] }

@Test func dispatchesByFirstWordWithArguments() {
    var table = CommandTable()
    let log = Log()
    table.register("echo", "print the arguments") { args in log.entries.append(args.joined(separator: ",")) }
    table.register("mem", "heap usage") { _ in log.entries.append("mem") }
    #expect(table.dispatch("  echo  a b\tc ") == .ran("echo"))
    #expect(table.dispatch("mem") == .ran("mem"))
    #expect(log.entries == ["a,b,c", "mem"])
    #expect(table.dispatch("   ") == .empty)
    #expect(table.dispatch("frobnicate now") == .unknown("frobnicate"))
    #expect(table.dispatch(Array(repeating: "x", count: Limits.consoleArgumentsMax + 1).joined(separator: " "))
            == .tooManyArguments(Limits.consoleArgumentsMax + 1))
}

@Test func laterRegistrationReplacesAndHelpIsSorted() {
    var table = CommandTable()
    let log = Log()
    table.register("zeta", "z") { _ in }
    table.register("alpha", "old") { _ in log.entries.append("old") }
    table.register("alpha", "new") { _ in log.entries.append("new") }
    _ = table.dispatch("alpha")
    #expect(log.entries == ["new"])
    #expect(table.sorted.map(\.name) == ["alpha", "zeta"])
    #expect(table.sorted.first?.help == "new")
}

@Test func kernelCommandLineSelectsTestMode() {
    #expect(KernelCommandLine("quiet warden.test=boot").testMode == .boot)
    #expect(KernelCommandLine("warden.test=fault").testMode == .fault)
    #expect(KernelCommandLine("a=b warden.test=oom c").testMode == .oom)
    #expect(KernelCommandLine("").testMode == TestMode.none)
    let bad = KernelCommandLine("warden.test=bogus")
    #expect(bad.testMode == TestMode.none && bad.badTestValue == "bogus")
}
