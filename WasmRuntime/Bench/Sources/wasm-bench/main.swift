// Runs each benchmark program in WasmRuntime and in WasmKit 0.4.2, same process, interleaved,
// and prints the median times and the ratio WasmKit/WasmRuntime (> 1: WasmRuntime is faster).
//   wasm-bench DIR PROGRAM...   (DIR holds PROGRAM.wasm, built from Tests/Fixtures/wasm/PROGRAM.c)
import Foundation
import WasmKit
import WasmRuntime

/// Input per program, chosen so one run takes a few hundred milliseconds.
let inputs: [String: UInt32] = [
    "fib": 30, "nqueens": 11, "quicksort": 100_000, "crc32": 3_000_000, "mandelbrot": 200, "sha256": 500_000,
]
let rounds = Int(ProcessInfo.processInfo.environment["WASM_BENCH_ROUNDS"] ?? "") ?? 5

func seconds(_ body: () throws -> UInt64) rethrows -> (Double, UInt64) {
    let start = DispatchTime.now().uptimeNanoseconds
    let r = try body()
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, r)
}

func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

let args = CommandLine.arguments
guard args.count >= 3 else { print("usage: wasm-bench DIR PROGRAM..."); exit(1) }
let dir = URL(fileURLWithPath: args[1])
var ratios: [Double] = []
print("program      input      WasmRuntime   WasmKit   ratio (WasmKit/WasmRuntime, median of \(rounds) interleaved runs)")
for name in args.dropFirst(2) {
    let bytes = [UInt8](try Data(contentsOf: dir.appendingPathComponent("\(name).wasm")))
    let n = inputs[name] ?? 1000

    let ours = WasmRuntime.Store(host: NoHostFunctions())
    let oursInstance = try ours.instantiate(try Decoder.load(bytes))

    let kitStore = WasmKit.Store(engine: Engine())
    let kitInstance = try parseWasm(bytes: bytes).instantiate(store: kitStore)
    let kitRun = kitInstance.exports[function: "run"]!

    var tOurs: [Double] = [], tKit: [Double] = []
    var rOurs: UInt64 = 0, rKit: UInt64 = 0
    for _ in 0..<rounds {
        let (a, ra) = try seconds {
            guard case .i64(let v) = try ours.invoke(oursInstance, "run", [.i32(n)])[0] else { return 0 }
            return v
        }
        let (b, rb) = try seconds { try kitRun([.i32(n)])[0].i64 }
        tOurs.append(a); tKit.append(b); rOurs = ra; rKit = rb
    }
    guard rOurs == rKit else { print("\(name): RESULT MISMATCH \(rOurs) vs \(rKit)"); exit(1) }
    let ratio = median(tKit) / median(tOurs)
    ratios.append(ratio)
    print(String(format: "%-12@ %-10u %8.1f ms %8.1f ms   %.2fx", name as NSString, n, median(tOurs) * 1000, median(tKit) * 1000, ratio))
}
let geo = exp(ratios.map { log($0) }.reduce(0, +) / Double(ratios.count))
print(String(format: "geometric mean ratio: %.2fx", geo))
