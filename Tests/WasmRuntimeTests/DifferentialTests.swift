// Differential tests: C programs compiled to wasm32 by clang run in the engine and must give the
// same results as the same C compiled natively.
import Testing
@testable import WasmRuntime

@Suite struct DifferentialTests {
    static let cases: [(String, [Int32])] = [
        ("fib", [0, 1, 2, 10, 22]),
        ("nqueens", [1, 4, 6, 8]),
        ("quicksort", [1, 2, 100, 5000]),
        ("crc32", [0, 1, 1000, 70000]),
        ("mandelbrot", [1, 16, 40]),
        ("sha256", [0, 1, 55, 56, 63, 64, 1000]),
    ]

    @Test(arguments: cases.map { $0.0 })
    func matchesNative(_ name: String) throws {
        let inputs = Self.cases.first { $0.0 == name }!.1
        let expected = try Toolchain.nativeResults(name, inputs)
        #expect(expected.count == inputs.count)
        let (store, inst) = try Toolchain.instantiate(try Toolchain.wasmFixture(name))
        for (n, want) in zip(inputs, expected) {
            let got = try store.invoke(inst, "run", [.i32(UInt32(bitPattern: n))])
            #expect(got == [.i64(UInt64(bitPattern: want))], "\(name)(\(n))")
        }
    }
}
