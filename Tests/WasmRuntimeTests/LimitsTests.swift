// Resource limits: fuel (trap, resume, abort), call depth, memory/table caps, module size.
import Testing
@testable import WasmRuntime

@Suite struct LimitsTests {
    static let counter = """
    (module (func (export "count") (param $n i32) (result i32) (local $i i32)
      (block $done (loop $l
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
      (local.get $i))
      (func $rec (export "recurse") (param i32) (result i32)
        (i32.add (call $rec (i32.add (local.get 0) (i32.const 1))) (i32.const 1))))
    """

    @Test func outOfFuelThenResume() throws {
        let (store, inst) = try Toolchain.instantiate(try Toolchain.wat(Self.counter))
        #expect(throws: WasmError.trap(.outOfFuel)) { _ = try store.invoke(inst, "count", [.i32(10_000)], fuel: 500) }
        #expect(throws: WasmError.trap(.outOfFuel)) { _ = try store.resume(fuel: 500) }
        #expect(try store.resume(fuel: 1_000_000) == [.i32(10_000)])
    }

    @Test func abortSuspendedInvocation() throws {
        let (store, inst) = try Toolchain.instantiate(try Toolchain.wat(Self.counter))
        #expect(throws: WasmError.trap(.outOfFuel)) { _ = try store.invoke(inst, "count", [.i32(10_000)], fuel: 10) }
        #expect(throws: WasmError.usage("an invocation is suspended; resume or abort it first")) {
            _ = try store.invoke(inst, "count", [.i32(1)])
        }
        // Instantiating a module with a start function must not clobber the suspended invocation.
        let withStart = try Decoder.load(try Toolchain.wat("(module (func $s) (start $s))"))
        #expect(throws: WasmError.usage("an invocation is suspended; resume or abort it first")) { _ = try store.instantiate(withStart) }
        #expect(try store.resume(fuel: 1_000_000) == [.i32(10_000)])
        #expect(throws: WasmError.trap(.outOfFuel)) { _ = try store.invoke(inst, "count", [.i32(10_000)], fuel: 10) }
        store.abortSuspended()
        #expect(throws: WasmError.usage("no suspended invocation")) { _ = try store.resume(fuel: 10) }
        #expect(try store.invoke(inst, "count", [.i32(7)]) == [.i32(7)])
    }

    @Test func enoughFuelCompletes() throws {
        let (store, inst) = try Toolchain.instantiate(try Toolchain.wat(Self.counter))
        #expect(try store.invoke(inst, "count", [.i32(100)], fuel: 10_000) == [.i32(100)])
    }

    @Test func unboundedRecursionTrapsAtConfiguredDepth() throws {
        var limits = Limits()
        limits.maxCallDepth = 500
        let (store, inst) = try Toolchain.instantiate(try Toolchain.wat(Self.counter), limits: limits)
        #expect(throws: WasmError.trap(.callStackExhausted)) { _ = try store.invoke(inst, "recurse", [.i32(0)]) }
        // The store is usable again after the trap.
        #expect(try store.invoke(inst, "count", [.i32(3)]) == [.i32(3)])
    }

    @Test func memoryGrowStopsAtCap() throws {
        var limits = Limits()
        limits.maxMemoryPages = 4
        let (store, inst) = try Toolchain.instantiate(try Toolchain.wat("""
            (module (memory 1) (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
            """), limits: limits)
        #expect(try store.invoke(inst, "grow", [.i32(3)]) == [.i32(1)])
        #expect(try store.invoke(inst, "grow", [.i32(1)]) == [.i32(UInt32(bitPattern: -1))])
        #expect(inst.memory?.pages == 4)
    }

    @Test func memoryAboveCapFailsToInstantiate() throws {
        var limits = Limits()
        limits.maxMemoryPages = 4
        #expect(throws: WasmError.limit("memory of 5 pages exceeds the cap of 4")) {
            _ = try Toolchain.instantiate(try Toolchain.wat("(module (memory 5))"), limits: limits)
        }
    }

    @Test func tableGrowStopsAtCap() throws {
        var limits = Limits()
        limits.maxTableElements = 8
        let (store, inst) = try Toolchain.instantiate(try Toolchain.wat("""
            (module (table 2 funcref)
              (func (export "grow") (param i32) (result i32) (table.grow 0 (ref.null func) (local.get 0))))
            """), limits: limits)
        #expect(try store.invoke(inst, "grow", [.i32(6)]) == [.i32(2)])
        #expect(try store.invoke(inst, "grow", [.i32(1)]) == [.i32(UInt32(bitPattern: -1))])
    }

    @Test func moduleSizeAndSectionCaps() throws {
        let bytes = try Toolchain.wat(Self.counter)
        var small = Limits()
        small.maxModuleBytes = bytes.count - 1
        #expect(throws: WasmError.limit("module larger than \(bytes.count - 1) bytes")) { _ = try Decoder.load(bytes, limits: small) }
        var fewSections = Limits()
        fewSections.maxSections = 2
        #expect(throws: WasmError.limit("more than 2 sections")) { _ = try Decoder.load(bytes, limits: fewSections) }
    }
}
