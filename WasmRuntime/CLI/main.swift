// warden-wasm: run one export of a WebAssembly module from the command line.
//   warden-wasm FILE.wasm --invoke EXPORT [ARGS...] [--fuel N]
// Prints the results in decimal on one line. Exit codes: 0 ok, 1 usage, 2 trap, 3 invalid, 4 link.
import Foundation
import WasmRuntime

func fail(_ message: String, _ code: Int32) -> Never {
    FileHandle.standardError.write((message + "\n").data(using: .utf8)!)
    exit(code)
}

func parse(_ s: String, as t: ValueType) -> Value? {
    switch t {
    case .i32:
        if let v = Int32(s) { return .i32(UInt32(bitPattern: v)) }
        return UInt32(s).map { .i32($0) }
    case .i64:
        if let v = Int64(s) { return .i64(UInt64(bitPattern: v)) }
        return UInt64(s).map { .i64($0) }
    case .f32: return Float(s).map { .f32($0.bitPattern) }
    case .f64: return Double(s).map { .f64($0.bitPattern) }
    default: return nil
    }
}

func format(_ v: Value) -> String {
    switch v {
    case .i32(let x): return String(Int32(bitPattern: x))
    case .i64(let x): return String(Int64(bitPattern: x))
    case .f32(let x): return String(Float(bitPattern: x))
    case .f64(let x): return String(Double(bitPattern: x))
    case .funcref(let a): return a.map { "funcref:\($0)" } ?? "null"
    case .externref(let a): return a.map { "externref:\($0)" } ?? "null"
    }
}

var args = Array(CommandLine.arguments.dropFirst())
var fuel: Int64?
if let i = args.firstIndex(of: "--fuel") {
    guard i + 1 < args.count, let n = Int64(args[i + 1]), n >= 0 else { fail("usage: --fuel needs a non-negative integer", 1) }
    fuel = n
    args.removeSubrange(i...(i + 1))
}
guard args.count >= 3, args[1] == "--invoke" else {
    fail("usage: warden-wasm FILE.wasm --invoke EXPORT [ARGS...] [--fuel N]", 1)
}
guard let data = FileManager.default.contents(atPath: args[0]) else { fail("cannot read \(args[0])", 1) }

let module: Module
do { module = try Decoder.load([UInt8](data)) } catch {
    switch error {
    case .malformed(let m), .invalid(let m), .limit(let m): fail("invalid: \(m)", 3)
    default: fail("invalid: \(error.message)", 3)
    }
}
let store = Store(host: NoHostFunctions())
let instance: Instance
do { instance = try store.instantiate(module) } catch {
    switch error {
    case .link(let m): fail("link error: \(m) (warden-wasm provides no host imports)", 4)
    case .trap(let t): fail("trap: \(t.message)", 2)
    default: fail("invalid: \(error.message)", 3)
    }
}
guard case .function(let addr)? = instance.export(args[2]) else { fail("no exported function \"\(args[2])\"", 1) }
let type = store.functionType(addr)
let raw = Array(args.dropFirst(3))
guard raw.count == type.params.count else { fail("\(args[2]) takes \(type.params.count) arguments, got \(raw.count)", 1) }
var values: [Value] = []
for (s, t) in zip(raw, type.params) {
    guard let v = parse(s, as: t) else { fail("cannot parse \"\(s)\" as \(t)", 1) }
    values.append(v)
}
do {
    let results = try store.invoke(function: addr, values, fuel: fuel)
    print(results.map(format).joined(separator: " "))
} catch {
    switch error {
    case .trap(let t): fail("trap: \(t.message)", 2)
    default: fail(error.message, 1)
    }
}
