// The peephole fusions (const+op, compare+br_if) must not change behaviour, especially when a
// branch lands between the two fused instructions.
import Testing
@testable import WasmRuntime

@Suite struct FusionTests {
    static let source = """
    (module
      (func (export "labelBetween") (param i32) (result i32)
        (local.get 0)
        (block (result i32)
          (i32.const 7) (local.get 0) (br_if 0) (drop)
          (i32.const 5))
        (i32.add))
      (func (export "compareBranch") (param i32 i32) (result i32)
        (block (result i32)
          (i32.const 1) (local.get 0) (local.get 1) (i32.lt_s) (br_if 0) (drop)
          (i32.const 2) (local.get 0) (i32.eqz) (br_if 0) (drop)
          (i32.const 3)))
      (func (export "immediates") (param i32 i64) (result i64)
        (i64.add (i64.extend_i32_u (i32.shr_s (i32.sub (local.get 0) (i32.const 3)) (i32.const 33)))
                 (i64.shl (local.get 1) (i64.const 65))))
      (memory 1)
      (data (i32.const 8) "*")
      (func (export "localForms") (param i32) (result i32) (local i32 i32)
        (local.set 1 (i32.add (local.get 0) (i32.const 3)))
        (local.set 2 (local.get 1))
        (i32.add (i32.load (local.get 2)) (local.tee 1 (i32.add (local.get 1) (i32.const -1))))))
    """

    @Test func branchIntoFusedPairKeepsTheOperation() throws {
        let (store, inst) = try Toolchain.instantiate(try Toolchain.wat(Self.source))
        #expect(try store.invoke(inst, "labelBetween", [.i32(0)]) == [.i32(5)])
        #expect(try store.invoke(inst, "labelBetween", [.i32(4)]) == [.i32(11)])
        // The IR still contains a separate add after the block's label.
        let ops = (0..<inst.module.code!.instructionCount).map { inst.module.code!.instructions[$0].op }
        #expect(ops.contains(.i32Add))
    }

    @Test func fusedCompareAndBranch() throws {
        let (store, inst) = try Toolchain.instantiate(try Toolchain.wat(Self.source))
        #expect(try store.invoke(inst, "compareBranch", [.i32(UInt32(bitPattern: -5)), .i32(2)]) == [.i32(1)])
        #expect(try store.invoke(inst, "compareBranch", [.i32(0), .i32(0)]) == [.i32(2)])
        #expect(try store.invoke(inst, "compareBranch", [.i32(9), .i32(2)]) == [.i32(3)])
        let ops = (0..<inst.module.code!.instructionCount).map { inst.module.code!.instructions[$0].op }
        #expect(ops.contains(.brIfI32LtS) && ops.contains(.brIfEqz))
    }

    @Test func immediatesMaskShiftCounts() throws {
        let (store, inst) = try Toolchain.instantiate(try Toolchain.wat(Self.source))
        // (-8 - 3) >> (33 & 31) = -6 as u32; 1 << (65 & 63) = 2.
        let expected = UInt64(UInt32(bitPattern: -6)) + 2
        #expect(try store.invoke(inst, "immediates", [.i32(UInt32(bitPattern: -8)), .i64(1)]) == [.i64(expected)])
    }

    @Test func localSetAndLoadFusions() throws {
        let (store, inst) = try Toolchain.instantiate(try Toolchain.wat(Self.source))
        // local1 = 5 + 3 = 8; local2 = 8; load [8] = 42; tee local1 = 7 → 49.
        #expect(try store.invoke(inst, "localForms", [.i32(5)]) == [.i32(49)])
        let ops = (0..<inst.module.code!.instructionCount).map { inst.module.code!.instructions[$0].op }
        #expect(ops.contains(.i32AddImmToLocal) && ops.contains(.localCopy) && ops.contains(.i32LoadLocal)
                && ops.contains(.i32AddImmTeeLocal))
    }
}
