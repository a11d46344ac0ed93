// The host-call ABI: typed arguments/results, bounds-checked memory views, typed host traps,
// link errors for missing or mistyped imports, isolation between stores.
import Testing
@testable import WasmRuntime

/// A test host: 0 = add(i32, i32) -> i32, 1 = checksum(ptr, len) -> i32 over guest memory,
/// 2 = deny() traps with a host error.
struct TestHost: HostFunctions {
    var log: [String] = []
    mutating func call(function: Int, args: HostArguments, results: inout HostResults, memory: Memory?) throws(Trap) {
        switch function {
        case 0:
            results.set(0, i32: args.i32(0) &+ args.i32(1))
        case 1:
            guard let memory else { throw .host(code: 1, message: "no memory") }
            let view = try memory.checkedRange(args.i32(0), args.i32(1))
            var sum: UInt32 = 0
            for b in view { sum = sum &* 31 &+ UInt32(b) }
            log.append("checksum \(view.count)")
            results.set(0, i32: sum)
        default:
            throw .host(code: 403, message: "denied")
        }
    }
}

@Suite struct HostFunctionTests {
    static let source = """
    (module
      (import "mcp" "add" (func $add (param i32 i32) (result i32)))
      (import "mcp" "checksum" (func $sum (param i32 i32) (result i32)))
      (import "mcp" "deny" (func $deny))
      (memory (export "memory") 1)
      (data (i32.const 16) "abc")
      (global $g (mut i32) (i32.const 0))
      (func (export "add") (param i32 i32) (result i32) (call $add (local.get 0) (local.get 1)))
      (func (export "sum") (param i32 i32) (result i32) (call $sum (local.get 0) (local.get 1)))
      (func (export "deny") (call $deny))
      (func (export "bump") (result i32) (global.set $g (i32.add (global.get $g) (i32.const 1))) (global.get $g)))
    """

    func makeStore() -> Store<TestHost> {
        let store = Store(host: TestHost())
        store.defineHostFunction(module: "mcp", name: "add", type: FuncType([.i32, .i32], [.i32]), index: 0)
        store.defineHostFunction(module: "mcp", name: "checksum", type: FuncType([.i32, .i32], [.i32]), index: 1)
        store.defineHostFunction(module: "mcp", name: "deny", type: FuncType([], []), index: 2)
        return store
    }

    @Test func hostFunctionsReceiveArgumentsAndMemory() throws {
        let store = makeStore()
        let inst = try store.instantiate(try Decoder.load(try Toolchain.wat(Self.source)))
        #expect(try store.invoke(inst, "add", [.i32(40), .i32(2)]) == [.i32(42)])
        let expected = (UInt32(97) &* 31 &+ 98) &* 31 &+ 99
        #expect(try store.invoke(inst, "sum", [.i32(16), .i32(3)]) == [.i32(expected)])
        #expect(store.host.log == ["checksum 3"])
    }

    @Test func checkedRangeRejectsOutOfBoundsViews() throws {
        let store = makeStore()
        let inst = try store.instantiate(try Decoder.load(try Toolchain.wat(Self.source)))
        #expect(throws: WasmError.trap(.memoryOutOfBounds)) { _ = try store.invoke(inst, "sum", [.i32(65_535), .i32(2)]) }
        #expect(throws: WasmError.trap(.memoryOutOfBounds)) { _ = try store.invoke(inst, "sum", [.i32(UInt32.max), .i32(1)]) }
        #expect(try store.invoke(inst, "sum", [.i32(65_535), .i32(1)]) == [.i32(0)])
    }

    @Test func hostTrapsAreTyped() throws {
        let store = makeStore()
        let inst = try store.instantiate(try Decoder.load(try Toolchain.wat(Self.source)))
        #expect(throws: WasmError.trap(.host(code: 403, message: "denied"))) { _ = try store.invoke(inst, "deny", []) }
    }

    @Test func missingImportFailsToLink() throws {
        let store = Store(host: TestHost())
        store.defineHostFunction(module: "mcp", name: "add", type: FuncType([.i32, .i32], [.i32]), index: 0)
        #expect(throws: WasmError.link("unknown import \"mcp\".\"checksum\"")) {
            _ = try store.instantiate(try Decoder.load(try Toolchain.wat(Self.source)))
        }
    }

    @Test func mistypedImportFailsToLink() throws {
        let store = Store(host: TestHost())
        store.defineHostFunction(module: "mcp", name: "add", type: FuncType([.i64], [.i32]), index: 0)
        #expect(throws: WasmError.link("incompatible import type for \"mcp\".\"add\"")) {
            _ = try store.instantiate(try Decoder.load(try Toolchain.wat(Self.source)))
        }
    }

    @Test func instancesAreIsolated() throws {
        let module = try Decoder.load(try Toolchain.wat(Self.source))
        let a = makeStore(), b = makeStore()
        let ia = try a.instantiate(module), ib = try b.instantiate(module)
        #expect(try a.invoke(ia, "bump", []) == [.i32(1)])
        #expect(try a.invoke(ia, "bump", []) == [.i32(2)])
        #expect(try b.invoke(ib, "bump", []) == [.i32(1)])
        try ia.memory!.write([1, 2, 3], at: 0)
        #expect(try ib.memory!.read(0, 3) == [0, 0, 0])
        #expect(ia.memory!.base != ib.memory!.base)
    }
}
