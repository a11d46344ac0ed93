// Per-instruction validation and IR emission (§3.3 instruction typing rules).

extension FunctionCompiler {
    mutating func step(_ b: inout CodeBuilder) throws(WasmError) {
        let opcode = try r.u8()
        switch opcode {
        case 0x00:
            b.instructions.append(Instr(.unreachable))
            setUnreachable()
        case 0x01: break
        case 0x02, 0x03:
            let bt = try blockType()
            try pop(bt.params)
            try pushCtrl(opcode == 0x02 ? .block : .loop, bt.params, bt.results, pc: b.instructions.count)
            if opcode == 0x03 { labelBarrier = b.instructions.count }
        case 0x04:
            let bt = try blockType()
            try pop(.i32)
            try pop(bt.params)
            try pushCtrl(.ifThen, bt.params, bt.results, pc: b.instructions.count)
            ctrls[ctrls.count - 1].elseFixup = b.instructions.count
            b.instructions.append(Instr(.brUnless))
        case 0x05:
            guard ctrls[ctrls.count - 1].kind == .ifThen else { throw .invalid("else without if") }
            let c = try popCtrl()
            // End of the then-branch: jump over the else-branch (no stack reshaping needed).
            var fixups = c.fixups
            fixups.append(b.instructions.count)
            b.instructions.append(Instr(.br, 0, frameHeight(c.height) | UInt64(c.endTypes.count) << 32))
            if let e = c.elseFixup { b.instructions[e].a = UInt32(b.instructions.count) }
            labelBarrier = b.instructions.count
            try pushCtrl(.ifElse, c.startTypes, c.endTypes, pc: c.startPC)
            ctrls[ctrls.count - 1].fixups = fixups
        case 0x0B:
            let c = try popCtrl()
            labelBarrier = b.instructions.count
            if c.kind == .ifThen && c.startTypes != c.endTypes { throw .invalid("type mismatch") }
            if c.kind == .function {
                patch(c.fixups, to: b.instructions.count, &b)
                b.instructions.append(Instr(.ret, 0, UInt64(type.results.count)))
            } else {
                if let e = c.elseFixup { b.instructions[e].a = UInt32(b.instructions.count) }
                patch(c.fixups, to: b.instructions.count, &b)
                push(c.endTypes)
            }
        case 0x0C:
            let d = try label(try r.u32())
            try pop(ctrls[ctrls.count - 1 - d].labelTypes)
            emitBranch(.br, depth: d, &b)
            setUnreachable()
        case 0x0D:
            let d = try label(try r.u32())
            try pop(.i32)
            let types = ctrls[ctrls.count - 1 - d].labelTypes
            try pop(types)
            push(types)
            emitBranchIf(depth: d, &b)
        case 0x0E:
            let n = try r.count()
            var depths: [Int] = []
            for _ in 0...n { depths.append(try label(try r.u32())) }
            try pop(.i32)
            let arity = ctrls[ctrls.count - 1 - depths[n]].labelTypes.count
            let first = b.branchTable.count
            for d in depths {
                let types = ctrls[ctrls.count - 1 - d].labelTypes
                guard types.count == arity else { throw .invalid("type mismatch") }
                // Check the operands against each label without consuming them.
                var popped: [ValueType?] = []
                for t in types.reversed() {
                    let actual = try pop()
                    if let a = actual, a != t { throw .invalid("type mismatch") }
                    popped.append(actual)
                }
                for t in popped.reversed() { push(t) }
                branchEntry(depth: d, &b)
            }
            b.instructions.append(Instr(.brTable, UInt32(first), UInt64(n + 1)))
            try pop(ctrls[ctrls.count - 1 - depths[n]].labelTypes)
            setUnreachable()
        case 0x0F:
            try pop(type.results)
            b.instructions.append(Instr(.ret, 0, UInt64(type.results.count)))
            setUnreachable()
        case 0x10:
            let f = try r.u32()
            let ft = try functionType(f)
            try pop(ft.params)
            push(ft.results)
            b.instructions.append(Instr(.call, f))
        case 0x11:
            let ti = try r.u32()
            let table = try r.u32()
            let tt = try tableType(table)
            guard Int(ti) < module.types.count else { throw .invalid("unknown type \(ti)") }
            guard tt.element == .funcref else { throw .invalid("type mismatch") }
            let ft = module.types[Int(ti)]
            try pop(.i32)
            try pop(ft.params)
            push(ft.results)
            b.instructions.append(Instr(.callIndirect, ti, UInt64(table)))
        case 0x1A:
            _ = try pop()
            b.instructions.append(Instr(.drop))
        case 0x1B:
            try pop(.i32)
            let t1 = try pop()
            let t2 = try pop()
            if let t = t1, !t.isNumeric { throw .invalid("type mismatch") }
            if let t = t2, !t.isNumeric { throw .invalid("type mismatch") }
            if let x = t1, let y = t2, x != y { throw .invalid("type mismatch") }
            push(t1 ?? t2)
            b.instructions.append(Instr(.select))
        case 0x1C:
            let n = try r.u32()
            guard n == 1 else { throw .invalid("invalid result arity") }
            let t = try r.valueType()
            try pop(.i32)
            try pop(t)
            try pop(t)
            push(t)
            b.instructions.append(Instr(.select))
        case 0x20:
            let i = try r.u32()
            push(try localType(i))
            emitLocalGet(i, &b)
        case 0x21:
            let i = try r.u32()
            try pop(try localType(i))
            emitLocalSet(i, tee: false, &b)
        case 0x22:
            let i = try r.u32()
            let t = try localType(i)
            try pop(t)
            push(t)
            emitLocalSet(i, tee: true, &b)
        case 0x23:
            let i = try r.u32()
            push(try globalType(i).value)
            b.instructions.append(Instr(.globalGet, i))
        case 0x24:
            let i = try r.u32()
            let g = try globalType(i)
            guard g.mutable else { throw .invalid("global is immutable") }
            try pop(g.value)
            b.instructions.append(Instr(.globalSet, i))
        case 0x25:
            let i = try r.u32()
            let t = try tableType(i)
            try pop(.i32)
            push(t.element)
            b.instructions.append(Instr(.tableGet, i))
        case 0x26:
            let i = try r.u32()
            let t = try tableType(i)
            try pop(t.element)
            try pop(.i32)
            b.instructions.append(Instr(.tableSet, i))
        case 0x28...0x35:
            let (natural, result): (Int, ValueType) = Self.loadShape(opcode)
            let offset = try memarg(natural: natural)
            try pop(.i32)
            push(result)
            emitLoad(Op(rawValue: UInt16(opcode))!, offset: offset, &b)
        case 0x36...0x3E:
            let (natural, value): (Int, ValueType) = Self.storeShape(opcode)
            let offset = try memarg(natural: natural)
            try pop(value)
            try pop(.i32)
            b.instructions.append(Instr(Op(rawValue: UInt16(opcode))!, offset))
        case 0x3F:
            try zeroByte()
            try requireMemory()
            push(.i32)
            b.instructions.append(Instr(.memorySize))
        case 0x40:
            try zeroByte()
            try requireMemory()
            try pop(.i32)
            push(.i32)
            b.instructions.append(Instr(.memoryGrow))
        case 0x41:
            b.instructions.append(Instr(.const, 0, UInt64(UInt32(bitPattern: try r.s32()))))
            push(.i32)
        case 0x42:
            b.instructions.append(Instr(.const, 0, UInt64(bitPattern: try r.s64())))
            push(.i64)
        case 0x43:
            b.instructions.append(Instr(.const, 0, UInt64(try r.fixed32())))
            push(.f32)
        case 0x44:
            b.instructions.append(Instr(.const, 0, try r.fixed64()))
            push(.f64)
        case 0x45...0xC4:
            let (ins, out) = Self.numericSignature(opcode)
            try pop(ins)
            push(out)
            emitNumeric(Op(rawValue: UInt16(opcode))!, &b)
        case 0xD0:
            let t = try r.referenceType()
            push(t)
            b.instructions.append(Instr(.refNull))
        case 0xD1:
            let t = try pop()
            if let t, !t.isReference { throw .invalid("type mismatch") }
            push(.i32)
            b.instructions.append(Instr(.refIsNull))
        case 0xD2:
            let f = try r.u32()
            _ = try functionType(f)
            guard declaredRefs.contains(f) else { throw .invalid("undeclared function reference") }
            push(.funcref)
            b.instructions.append(Instr(.refFunc, f))
        case 0xFC:
            try stepPrefixed(&b)
        default:
            throw .malformed("illegal opcode \(opcode)")
        }
    }

    mutating func stepPrefixed(_ b: inout CodeBuilder) throws(WasmError) {
        let sub = try r.u32()
        switch sub {
        case 0...7:
            let from: ValueType = (sub & 2) == 0 ? .f32 : .f64
            try pop(from)
            push(sub < 4 ? .i32 : .i64)
            b.instructions.append(Instr(Op(rawValue: UInt16(0xFC00 + sub))!))
        case 8:
            let x = try r.u32()
            try zeroByte()
            try requireMemory()
            try requireDataCount(x)
            try pop([.i32, .i32, .i32])
            b.instructions.append(Instr(.memoryInit, x))
        case 9:
            let x = try r.u32()
            try requireDataCount(x)
            b.instructions.append(Instr(.dataDrop, x))
        case 10:
            try zeroByte()
            try zeroByte()
            try requireMemory()
            try pop([.i32, .i32, .i32])
            b.instructions.append(Instr(.memoryCopy))
        case 11:
            try zeroByte()
            try requireMemory()
            try pop([.i32, .i32, .i32])
            b.instructions.append(Instr(.memoryFill))
        case 12:
            let x = try r.u32()
            let t = try r.u32()
            let et = try elementType(x)
            guard try tableType(t).element == et else { throw .invalid("type mismatch") }
            try pop([.i32, .i32, .i32])
            b.instructions.append(Instr(.tableInit, x, UInt64(t)))
        case 13:
            let x = try r.u32()
            _ = try elementType(x)
            b.instructions.append(Instr(.elemDrop, x))
        case 14:
            let dst = try r.u32()
            let src = try r.u32()
            guard try tableType(dst).element == tableType(src).element else { throw .invalid("type mismatch") }
            try pop([.i32, .i32, .i32])
            b.instructions.append(Instr(.tableCopy, dst, UInt64(src)))
        case 15:
            let x = try r.u32()
            let t = try tableType(x)
            try pop(.i32)
            try pop(t.element)
            push(.i32)
            b.instructions.append(Instr(.tableGrow, x))
        case 16:
            let x = try r.u32()
            _ = try tableType(x)
            push(.i32)
            b.instructions.append(Instr(.tableSize, x))
        case 17:
            let x = try r.u32()
            let t = try tableType(x)
            try pop(.i32)
            try pop(t.element)
            try pop(.i32)
            b.instructions.append(Instr(.tableFill, x))
        default:
            throw .malformed("illegal opcode 0xfc \(sub)")
        }
    }

    static func loadShape(_ op: UInt8) -> (Int, ValueType) {
        switch op {
        case 0x28: return (4, .i32)
        case 0x29: return (8, .i64)
        case 0x2A: return (4, .f32)
        case 0x2B: return (8, .f64)
        case 0x2C, 0x2D: return (1, .i32)
        case 0x2E, 0x2F: return (2, .i32)
        case 0x30, 0x31: return (1, .i64)
        case 0x32, 0x33: return (2, .i64)
        default: return (4, .i64)
        }
    }

    static func storeShape(_ op: UInt8) -> (Int, ValueType) {
        switch op {
        case 0x36: return (4, .i32)
        case 0x37: return (8, .i64)
        case 0x38: return (4, .f32)
        case 0x39: return (8, .f64)
        case 0x3A: return (1, .i32)
        case 0x3B: return (2, .i32)
        case 0x3C: return (1, .i64)
        case 0x3D: return (2, .i64)
        default: return (4, .i64)
        }
    }

    /// Operand and result types of the numeric opcodes 0x45...0xC4.
    static func numericSignature(_ op: UInt8) -> ([ValueType], ValueType) {
        switch op {
        case 0x45: return ([.i32], .i32)
        case 0x46...0x4F: return ([.i32, .i32], .i32)
        case 0x50: return ([.i64], .i32)
        case 0x51...0x5A: return ([.i64, .i64], .i32)
        case 0x5B...0x60: return ([.f32, .f32], .i32)
        case 0x61...0x66: return ([.f64, .f64], .i32)
        case 0x67...0x69: return ([.i32], .i32)
        case 0x6A...0x78: return ([.i32, .i32], .i32)
        case 0x79...0x7B: return ([.i64], .i64)
        case 0x7C...0x8A: return ([.i64, .i64], .i64)
        case 0x8B...0x91: return ([.f32], .f32)
        case 0x92...0x98: return ([.f32, .f32], .f32)
        case 0x99...0x9F: return ([.f64], .f64)
        case 0xA0...0xA6: return ([.f64, .f64], .f64)
        case 0xA7: return ([.i64], .i32)
        case 0xA8, 0xA9: return ([.f32], .i32)
        case 0xAA, 0xAB: return ([.f64], .i32)
        case 0xAC, 0xAD: return ([.i32], .i64)
        case 0xAE, 0xAF: return ([.f32], .i64)
        case 0xB0, 0xB1: return ([.f64], .i64)
        case 0xB2, 0xB3: return ([.i32], .f32)
        case 0xB4, 0xB5: return ([.i64], .f32)
        case 0xB6: return ([.f64], .f32)
        case 0xB7, 0xB8: return ([.i32], .f64)
        case 0xB9, 0xBA: return ([.i64], .f64)
        case 0xBB: return ([.f32], .f64)
        case 0xBC: return ([.f32], .i32)
        case 0xBD: return ([.f64], .i64)
        case 0xBE: return ([.i32], .f32)
        case 0xBF: return ([.i64], .f64)
        case 0xC0, 0xC1: return ([.i32], .i32)
        default: return ([.i64], .i64)
        }
    }
}
