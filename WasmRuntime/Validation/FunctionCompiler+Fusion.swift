// Peephole fusion during IR emission: `const c; binop` becomes one op with an immediate and
// `compare; br_if` one compare-and-branch. Never fused across a label (a branch target between
// the two instructions): `labelBarrier` is the last pc some branch may land on.

extension FunctionCompiler {
    /// Emits a numeric op, folding a directly preceding `const` into it when possible.
    mutating func emitNumeric(_ op: Op, _ b: inout CodeBuilder) {
        let n = b.instructions.count
        if n > labelBarrier, let fused = Self.immediateForm(op), b.instructions[n - 1].op == .const {
            b.instructions[n - 1] = Instr(fused, 0, b.instructions[n - 1].b)
            return
        }
        if n > labelBarrier, let fused = Self.localForm(op) {
            let prev = b.instructions[n - 1]
            if prev.op == .localGet {
                b.instructions[n - 1] = Instr(fused, 0, UInt64(prev.a))
                return
            }
            if prev.op == .localGet2 {
                b.instructions[n - 1] = Instr(.localGet, prev.a)
                b.instructions.append(Instr(fused, 0, prev.b))
                return
            }
        }
        b.instructions.append(Instr(op))
    }

    /// Emits local.set / local.tee, merging `local.get x` or `local.get x; i32.const c; i32.add` into it.
    mutating func emitLocalSet(_ index: UInt32, tee: Bool, _ b: inout CodeBuilder) {
        let n = b.instructions.count
        if n >= 2 && n - 2 >= labelBarrier, b.instructions[n - 1].op == .i32AddImm, b.instructions[n - 2].op == .localGet {
            let src = UInt64(b.instructions[n - 2].a), imm = b.instructions[n - 1].b & 0xFFFF_FFFF
            b.instructions.removeLast(2)
            b.instructions.append(Instr(tee ? .i32AddImmTeeLocal : .i32AddImmToLocal, index, src | imm << 32))
            return
        }
        if !tee && n > labelBarrier && b.instructions[n - 1].op == .localGet {
            b.instructions[n - 1] = Instr(.localCopy, index, UInt64(b.instructions[n - 1].a))
            return
        }
        b.instructions.append(Instr(tee ? .localTee : .localSet, index))
    }

    /// Emits a load, merging a directly preceding `local.get` address for i32.load.
    mutating func emitLoad(_ op: Op, offset: UInt32, _ b: inout CodeBuilder) {
        let n = b.instructions.count
        if op == .i32Load && n > labelBarrier && b.instructions[n - 1].op == .localGet {
            b.instructions[n - 1] = Instr(.i32LoadLocal, offset, UInt64(b.instructions[n - 1].a))
            return
        }
        b.instructions.append(Instr(op, offset))
    }

    /// Emits local.get, merging it with a directly preceding local.get.
    mutating func emitLocalGet(_ index: UInt32, _ b: inout CodeBuilder) {
        let n = b.instructions.count
        if n > labelBarrier, b.instructions[n - 1].op == .localGet {
            b.instructions[n - 1] = Instr(.localGet2, b.instructions[n - 1].a, UInt64(index))
            return
        }
        b.instructions.append(Instr(.localGet, index))
    }

    static func localForm(_ op: Op) -> Op? {
        switch op {
        case .i32Add: return .i32AddLocal
        case .i32Sub: return .i32SubLocal
        case .i32Mul: return .i32MulLocal
        case .i32And: return .i32AndLocal
        case .i32Or: return .i32OrLocal
        case .i32Xor: return .i32XorLocal
        case .i32Shl: return .i32ShlLocal
        case .i32ShrS: return .i32ShrSLocal
        case .i32ShrU: return .i32ShrULocal
        case .i64Add: return .i64AddLocal
        case .i64Sub: return .i64SubLocal
        case .i64Mul: return .i64MulLocal
        case .i64And: return .i64AndLocal
        case .i64Or: return .i64OrLocal
        case .i64Xor: return .i64XorLocal
        case .i64Shl: return .i64ShlLocal
        case .i64ShrU: return .i64ShrULocal
        case .f64Add: return .f64AddLocal
        case .f32Add: return .f32AddLocal
        case .f64Sub: return .f64SubLocal
        case .f32Sub: return .f32SubLocal
        case .f64Mul: return .f64MulLocal
        case .f32Mul: return .f32MulLocal
        case .f64Div: return .f64DivLocal
        case .f32Div: return .f32DivLocal
        default: return nil
        }
    }

    /// Emits br_if to `depth`, folding a directly preceding i32 compare / eqz into it.
    mutating func emitBranchIf(depth: Int, _ b: inout CodeBuilder) {
        let n = b.instructions.count
        if n > labelBarrier, let fused = Self.branchForm(b.instructions[n - 1].op) {
            b.instructions.removeLast()
            emitBranch(fused, depth: depth, &b)
            return
        }
        emitBranch(.brIf, depth: depth, &b)
    }

    static func immediateForm(_ op: Op) -> Op? {
        switch op {
        case .i32Add: return .i32AddImm
        case .i32Sub: return .i32SubImm
        case .i32Mul: return .i32MulImm
        case .i32And: return .i32AndImm
        case .i32Or: return .i32OrImm
        case .i32Xor: return .i32XorImm
        case .i32Shl: return .i32ShlImm
        case .i32ShrS: return .i32ShrSImm
        case .i32ShrU: return .i32ShrUImm
        case .i32Eq: return .i32EqImm
        case .i32Ne: return .i32NeImm
        case .i32LtS: return .i32LtSImm
        case .i32LtU: return .i32LtUImm
        case .i32GtS: return .i32GtSImm
        case .i32GtU: return .i32GtUImm
        case .i32LeS: return .i32LeSImm
        case .i32LeU: return .i32LeUImm
        case .i32GeS: return .i32GeSImm
        case .i32GeU: return .i32GeUImm
        case .i64Add: return .i64AddImm
        case .i64Sub: return .i64SubImm
        case .i64Mul: return .i64MulImm
        case .i64And: return .i64AndImm
        case .i64Or: return .i64OrImm
        case .i64Xor: return .i64XorImm
        case .i64Shl: return .i64ShlImm
        case .i64ShrS: return .i64ShrSImm
        case .i64ShrU: return .i64ShrUImm
        case .f64Add: return .f64AddImm
        case .f32Add: return .f32AddImm
        case .f64Sub: return .f64SubImm
        case .f32Sub: return .f32SubImm
        case .f64Mul: return .f64MulImm
        case .f32Mul: return .f32MulImm
        case .f64Div: return .f64DivImm
        case .f32Div: return .f32DivImm
        default: return nil
        }
    }

    static func branchForm(_ op: Op) -> Op? {
        switch op {
        case .i32Eqz: return .brIfEqz
        case .i32Eq: return .brIfI32Eq
        case .i32Ne: return .brIfI32Ne
        case .i32LtS: return .brIfI32LtS
        case .i32LtU: return .brIfI32LtU
        case .i32GtS: return .brIfI32GtS
        case .i32GtU: return .brIfI32GtU
        case .i32LeS: return .brIfI32LeS
        case .i32LeU: return .brIfI32LeU
        case .i32GeS: return .brIfI32GeS
        case .i32GeU: return .brIfI32GeU
        default: return nil
        }
    }
}
