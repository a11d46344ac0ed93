// The standard `spectest` host module (WebAssembly testsuite harness conventions).
import WasmRuntime

/// spectest's print functions: they accept their arguments and do nothing.
struct SpecHost: HostFunctions {
    var calls = 0
    mutating func call(function: Int, args: HostArguments, results: inout HostResults, memory: Memory?) throws(Trap) {
        calls += 1
    }
}

extension Store where Host == SpecHost {
    /// Defines the spectest module: print functions, globals 666, table 10..20, memory 1..2.
    func defineSpectest() throws {
        let prints: [(String, [ValueType])] = [
            ("print", []), ("print_i32", [.i32]), ("print_i64", [.i64]), ("print_f32", [.f32]),
            ("print_f64", [.f64]), ("print_i32_f32", [.i32, .f32]), ("print_f64_f64", [.f64, .f64]),
        ]
        for (i, p) in prints.enumerated() {
            defineHostFunction(module: "spectest", name: p.0, type: FuncType(p.1, []), index: i)
        }
        define(module: "spectest", name: "global_i32", .global(Global(type: GlobalType(value: .i32, mutable: false), bits: 666)))
        define(module: "spectest", name: "global_i64", .global(Global(type: GlobalType(value: .i64, mutable: false), bits: 666)))
        define(module: "spectest", name: "global_f32",
               .global(Global(type: GlobalType(value: .f32, mutable: false), bits: UInt64(Float(666.6).bitPattern))))
        define(module: "spectest", name: "global_f64",
               .global(Global(type: GlobalType(value: .f64, mutable: false), bits: Double(666.6).bitPattern)))
        define(module: "spectest", name: "table",
               .table(try Table(type: TableType(element: .funcref, limits: SizeLimits(min: 10, max: 20)), cap: 1000)))
        define(module: "spectest", name: "memory", .memory(try Memory(limits: SizeLimits(min: 1, max: 2), pageCap: 2)))
    }
}
