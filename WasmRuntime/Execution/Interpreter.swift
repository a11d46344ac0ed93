// The interpreter loop: one switch over pre-validated IR with resolved branch targets.
// Registers (pc, sp, fp, memory base/size, fuel) live in locals; calls push a `Frame` on the
// machine's frame stack instead of recursing on the host stack.

extension Store {
    func run() throws(Trap) {
        if machine.pc < 0 { return }                // a host function already ran
        let stackEnd = machine.stack + machine.stackSlots
        // Local copies: no class-property access (and no exclusivity check) per call.
        let functions = self.functions
        let instances = self.instances
        let scratch = machine.scratch
        let frames = machine.frames
        let maxFrames = machine.maxFrames
        var frameCount = machine.frameCount
        var pc = machine.pc
        var sp = machine.sp
        var fp = machine.fp
        var inst = instances[machine.instance]
        var code = inst.module.code!.instructions
        var branches = inst.module.code!.branchTable
        var memory = inst.memories.first
        var memBase = memory?.base ?? UnsafeMutableRawPointer(sp)
        var memSize = UInt64(memory?.byteCount ?? 0)
        let metered = machine.fuel != nil
        var fuel = machine.fuel ?? Int64.max

        @inline(__always) func reloadMemory() {
            memBase = memory?.base ?? memBase
            memSize = UInt64(memory?.byteCount ?? 0)
        }
        @inline(__always) func address(_ s: UInt64, _ offset: UInt32, _ size: UInt64) throws(Trap) -> Int {
            let ea = UInt64(UInt32(truncatingIfNeeded: s)) &+ UInt64(offset)
            guard ea &+ size <= memSize else { throw .memoryOutOfBounds }
            return Int(ea)
        }
        @inline(__always) func branch(_ target: Int, _ height: Int, _ arity: Int) {
            let dst = fp + height
            if arity > 0 && dst != sp - arity {
                let src = sp - arity
                for k in 0..<arity { dst[k] = src[k] }
            }
            sp = dst + arity
            pc = target
        }
        @inline(__always) func bin(_ f: (UInt64, UInt64) -> UInt64) { sp -= 1; sp[-1] = f(sp[-1], sp[0]) }
        @inline(__always) func un(_ f: (UInt64) -> UInt64) { sp[-1] = f(sp[-1]) }
        @inline(__always) func enter(_ addr: Int) throws(Trap) {
            let f = functions[addr]
            if f.instance < 0 {
                let np = f.paramCount
                let nr = f.resultCount
                guard nr <= Machine.scratchSlots, sp - np + nr <= stackEnd else { throw .valueStackExhausted }
                scratch.update(repeating: 0, count: nr)
                var results = HostResults(base: scratch, count: nr)
                try host.call(function: f.index, args: HostArguments(base: UnsafePointer(sp - np), count: np),
                              results: &results, memory: memory)
                sp -= np
                sp.update(from: scratch, count: nr)
                sp += nr
                reloadMemory()
                return
            }
            guard frameCount < maxFrames else { throw .callStackExhausted }
            let newFp = sp - f.paramCount
            guard newFp + f.maxHeight <= stackEnd else { throw .callStackExhausted }
            for k in 0..<f.localCount { newFp[f.paramCount + k] = 0 }
            frames[frameCount] = Frame(pc: pc, fp: fp, instance: inst.index)
            frameCount += 1
            fp = newFp
            sp = newFp + f.paramCount + f.localCount
            pc = f.entry
            if f.instance != inst.index {
                let callee = instances[f.instance]
                inst = callee
                code = callee.module.code!.instructions
                branches = callee.module.code!.branchTable
                memory = callee.memories.first
                reloadMemory()
            }
        }

        while true {
            if fuel <= 0 && metered {
                machine.pc = pc; machine.sp = sp; machine.fp = fp
                machine.instance = inst.index; machine.frameCount = frameCount; machine.fuel = 0
                throw .outOfFuel
            }
            fuel &-= 1
            let i = code[pc]
            pc += 1
            switch i.op {
            // MARK: Control
            case .unreachable: throw .unreachable
            case .br: branch(Int(i.a), Int(truncatingIfNeeded: i.b & 0xFFFF_FFFF), Int(i.b >> 32))
            case .brIf:
                sp -= 1
                if u32(sp[0]) != 0 { branch(Int(i.a), Int(truncatingIfNeeded: i.b & 0xFFFF_FFFF), Int(i.b >> 32)) }
            case .brUnless:
                sp -= 1
                if u32(sp[0]) == 0 { pc = Int(i.a) }
            case .brTable:
                sp -= 1
                let n = Int(i.b)
                let k = min(Int(u32(sp[0])), n - 1)
                let t = branches[Int(i.a) + k]
                branch(Int(t.pc), Int(t.height), Int(t.arity))
            case .ret:
                let n = Int(i.b)
                if n > 0 && fp != sp - n {
                    let src = sp - n
                    for k in 0..<n { fp[k] = src[k] }
                }
                sp = fp + n
                frameCount -= 1
                let fr = frames[frameCount]
                if fr.pc < 0 {
                    machine.sp = sp; machine.frameCount = 0; machine.pc = -1
                    return
                }
                pc = fr.pc
                fp = fr.fp
                if fr.instance != inst.index {
                    inst = instances[fr.instance]
                    code = inst.module.code!.instructions
                    branches = inst.module.code!.branchTable
                    memory = inst.memories.first
                }
                reloadMemory()
            case .call: try enter(inst.functions[Int(i.a)])
            case .callIndirect:
                sp -= 1
                let idx = Int(u32(sp[0]))
                let table = inst.tables[Int(i.b)]
                guard idx < table.elements.count else { throw .undefinedElement }
                let ref = table.elements[idx]
                guard ref != 0 else { throw .uninitializedElement }
                let addr = Int(ref - 1)
                guard functions[addr].typeID == inst.typeIDs[Int(i.a)] else { throw .indirectCallTypeMismatch }
                try enter(addr)
            case .const: sp[0] = i.b; sp += 1
            case .drop: sp -= 1
            case .select:
                sp -= 2
                if u32(sp[1]) == 0 { sp[-1] = sp[0] }
            case .localGet: sp[0] = fp[Int(i.a)]; sp += 1
            case .localSet: sp -= 1; fp[Int(i.a)] = sp[0]
            case .localTee: fp[Int(i.a)] = sp[-1]
            case .globalGet: sp[0] = inst.globals[Int(i.a)].bits; sp += 1
            case .globalSet: sp -= 1; inst.globals[Int(i.a)].bits = sp[0]
            case .refNull: sp[0] = 0; sp += 1
            case .refIsNull: sp[-1] = slot(sp[-1] == 0)
            case .refFunc: sp[0] = UInt64(inst.functions[Int(i.a)]) + 1; sp += 1

            // MARK: Tables
            case .tableGet:
                let t = inst.tables[Int(i.a)]
                let idx = Int(u32(sp[-1]))
                guard idx < t.elements.count else { throw .tableOutOfBounds }
                sp[-1] = t.elements[idx]
            case .tableSet:
                sp -= 2
                let t = inst.tables[Int(i.a)]
                let idx = Int(u32(sp[0]))
                guard idx < t.elements.count else { throw .tableOutOfBounds }
                t.elements[idx] = sp[1]
            case .tableSize: sp[0] = UInt64(inst.tables[Int(i.a)].size); sp += 1
            case .tableGrow:
                sp -= 1
                sp[-1] = slot(inst.tables[Int(i.a)].grow(by: u32(sp[0]), value: sp[-1]))
            case .tableFill:
                sp -= 3
                let t = inst.tables[Int(i.a)]
                let d = UInt64(u32(sp[0])), v = sp[1], n = UInt64(u32(sp[2]))
                guard d + n <= UInt64(t.elements.count) else { throw .tableOutOfBounds }
                for k in 0..<Int(n) { t.elements[Int(d) + k] = v }
            case .tableCopy:
                sp -= 3
                let dt = inst.tables[Int(i.a)], st = inst.tables[Int(i.b)]
                let d = UInt64(u32(sp[0])), s = UInt64(u32(sp[1])), n = UInt64(u32(sp[2]))
                guard d + n <= UInt64(dt.elements.count), s + n <= UInt64(st.elements.count) else { throw .tableOutOfBounds }
                if d <= s { for k in 0..<Int(n) { dt.elements[Int(d) + k] = st.elements[Int(s) + k] } }
                else { for k in (0..<Int(n)).reversed() { dt.elements[Int(d) + k] = st.elements[Int(s) + k] } }
            case .tableInit:
                sp -= 3
                let t = inst.tables[Int(i.b)]
                let d = UInt64(u32(sp[0])), s = UInt64(u32(sp[1])), n = UInt64(u32(sp[2]))
                let seg = inst.elements[Int(i.a)]
                guard s + n <= UInt64(seg.count), d + n <= UInt64(t.elements.count) else { throw .tableOutOfBounds }
                for k in 0..<Int(n) { t.elements[Int(d) + k] = seg[Int(s) + k] }
            case .elemDrop: inst.elements[Int(i.a)] = []

            // MARK: Memory
            case .memorySize: sp[0] = UInt64(memSize / UInt64(wasmPageSize)); sp += 1
            case .memoryGrow:
                sp[-1] = slot(memory!.grow(by: u32(sp[-1])))
                reloadMemory()
            case .memoryInit:
                sp -= 3
                let d = UInt64(u32(sp[0])), s = UInt64(u32(sp[1])), n = UInt64(u32(sp[2]))
                let seg = inst.data[Int(i.a)]
                guard s + n <= UInt64(seg.count), d + n <= memSize else { throw .memoryOutOfBounds }
                for k in 0..<Int(n) { memBase.storeBytes(of: seg[Int(s) + k], toByteOffset: Int(d) + k, as: UInt8.self) }
            case .dataDrop: inst.data[Int(i.a)] = []
            case .memoryCopy:
                sp -= 3
                let d = UInt64(u32(sp[0])), s = UInt64(u32(sp[1])), n = UInt64(u32(sp[2]))
                guard s + n <= memSize, d + n <= memSize else { throw .memoryOutOfBounds }
                (memBase + Int(d)).copyMemory(from: memBase + Int(s), byteCount: Int(n))
            case .memoryFill:
                sp -= 3
                let d = UInt64(u32(sp[0])), v = UInt8(truncatingIfNeeded: sp[1]), n = UInt64(u32(sp[2]))
                guard d + n <= memSize else { throw .memoryOutOfBounds }
                (memBase + Int(d)).initializeMemory(as: UInt8.self, repeating: v, count: Int(n))
            case .i32Load:
                sp[-1] = slot(memBase.loadUnaligned(fromByteOffset: try address(sp[-1], i.a, 4), as: UInt32.self))
            case .i64Load:
                sp[-1] = memBase.loadUnaligned(fromByteOffset: try address(sp[-1], i.a, 8), as: UInt64.self)
            case .f32Load:
                sp[-1] = slot(memBase.loadUnaligned(fromByteOffset: try address(sp[-1], i.a, 4), as: UInt32.self))
            case .f64Load:
                sp[-1] = memBase.loadUnaligned(fromByteOffset: try address(sp[-1], i.a, 8), as: UInt64.self)
            case .i32Load8S:
                sp[-1] = slot(Int32(memBase.load(fromByteOffset: try address(sp[-1], i.a, 1), as: Int8.self)))
            case .i32Load8U:
                sp[-1] = UInt64(memBase.load(fromByteOffset: try address(sp[-1], i.a, 1), as: UInt8.self))
            case .i32Load16S:
                sp[-1] = slot(Int32(memBase.loadUnaligned(fromByteOffset: try address(sp[-1], i.a, 2), as: Int16.self)))
            case .i32Load16U:
                sp[-1] = UInt64(memBase.loadUnaligned(fromByteOffset: try address(sp[-1], i.a, 2), as: UInt16.self))
            case .i64Load8S:
                sp[-1] = UInt64(bitPattern: Int64(memBase.load(fromByteOffset: try address(sp[-1], i.a, 1), as: Int8.self)))
            case .i64Load8U:
                sp[-1] = UInt64(memBase.load(fromByteOffset: try address(sp[-1], i.a, 1), as: UInt8.self))
            case .i64Load16S:
                sp[-1] = UInt64(bitPattern: Int64(memBase.loadUnaligned(fromByteOffset: try address(sp[-1], i.a, 2), as: Int16.self)))
            case .i64Load16U:
                sp[-1] = UInt64(memBase.loadUnaligned(fromByteOffset: try address(sp[-1], i.a, 2), as: UInt16.self))
            case .i64Load32S:
                sp[-1] = UInt64(bitPattern: Int64(memBase.loadUnaligned(fromByteOffset: try address(sp[-1], i.a, 4), as: Int32.self)))
            case .i64Load32U:
                sp[-1] = UInt64(memBase.loadUnaligned(fromByteOffset: try address(sp[-1], i.a, 4), as: UInt32.self))
            case .i32Store, .f32Store:
                sp -= 2
                memBase.storeBytes(of: u32(sp[1]), toByteOffset: try address(sp[0], i.a, 4), as: UInt32.self)
            case .i64Store, .f64Store:
                sp -= 2
                memBase.storeBytes(of: sp[1], toByteOffset: try address(sp[0], i.a, 8), as: UInt64.self)
            case .i32Store8, .i64Store8:
                sp -= 2
                memBase.storeBytes(of: UInt8(truncatingIfNeeded: sp[1]), toByteOffset: try address(sp[0], i.a, 1), as: UInt8.self)
            case .i32Store16, .i64Store16:
                sp -= 2
                memBase.storeBytes(of: UInt16(truncatingIfNeeded: sp[1]), toByteOffset: try address(sp[0], i.a, 2), as: UInt16.self)
            case .i64Store32:
                sp -= 2
                memBase.storeBytes(of: u32(sp[1]), toByteOffset: try address(sp[0], i.a, 4), as: UInt32.self)

            // MARK: i32
            case .i32Eqz: un { slot(u32($0) == 0) }
            case .i32Eq: bin { slot(u32($0) == u32($1)) }
            case .i32Ne: bin { slot(u32($0) != u32($1)) }
            case .i32LtS: bin { slot(s32($0) < s32($1)) }
            case .i32LtU: bin { slot(u32($0) < u32($1)) }
            case .i32GtS: bin { slot(s32($0) > s32($1)) }
            case .i32GtU: bin { slot(u32($0) > u32($1)) }
            case .i32LeS: bin { slot(s32($0) <= s32($1)) }
            case .i32LeU: bin { slot(u32($0) <= u32($1)) }
            case .i32GeS: bin { slot(s32($0) >= s32($1)) }
            case .i32GeU: bin { slot(u32($0) >= u32($1)) }
            case .i32Clz: un { UInt64(u32($0).leadingZeroBitCount) }
            case .i32Ctz: un { UInt64(u32($0).trailingZeroBitCount) }
            case .i32Popcnt: un { UInt64(u32($0).nonzeroBitCount) }
            case .i32Add: bin { slot(u32($0) &+ u32($1)) }
            case .i32Sub: bin { slot(u32($0) &- u32($1)) }
            case .i32Mul: bin { slot(u32($0) &* u32($1)) }
            case .i32DivS:
                let b = s32(sp[-1]), a = s32(sp[-2])
                if b == 0 { throw .integerDivideByZero }
                if a == Int32.min && b == -1 { throw .integerOverflow }
                sp -= 1; sp[-1] = slot(a / b)
            case .i32DivU:
                let b = u32(sp[-1]), a = u32(sp[-2])
                if b == 0 { throw .integerDivideByZero }
                sp -= 1; sp[-1] = slot(a / b)
            case .i32RemS:
                let b = s32(sp[-1]), a = s32(sp[-2])
                if b == 0 { throw .integerDivideByZero }
                sp -= 1; sp[-1] = slot(b == -1 ? 0 : a % b)
            case .i32RemU:
                let b = u32(sp[-1]), a = u32(sp[-2])
                if b == 0 { throw .integerDivideByZero }
                sp -= 1; sp[-1] = slot(a % b)
            case .i32And: bin { $0 & $1 & 0xFFFF_FFFF }
            case .i32Or: bin { ($0 | $1) & 0xFFFF_FFFF }
            case .i32Xor: bin { ($0 ^ $1) & 0xFFFF_FFFF }
            case .i32Shl: bin { slot(u32($0) &<< u32($1)) }
            case .i32ShrS: bin { slot(s32($0) &>> s32($1)) }
            case .i32ShrU: bin { slot(u32($0) &>> u32($1)) }
            case .i32Rotl: bin { let k = u32($1) & 31; let x = u32($0); return slot(x &<< k | x &>> ((32 - k) & 31)) }
            case .i32Rotr: bin { let k = u32($1) & 31; let x = u32($0); return slot(x &>> k | x &<< ((32 - k) & 31)) }

            // MARK: i64
            case .i64Eqz: un { slot($0 == 0) }
            case .i64Eq: bin { slot($0 == $1) }
            case .i64Ne: bin { slot($0 != $1) }
            case .i64LtS: bin { slot(Int64(bitPattern: $0) < Int64(bitPattern: $1)) }
            case .i64LtU: bin { slot($0 < $1) }
            case .i64GtS: bin { slot(Int64(bitPattern: $0) > Int64(bitPattern: $1)) }
            case .i64GtU: bin { slot($0 > $1) }
            case .i64LeS: bin { slot(Int64(bitPattern: $0) <= Int64(bitPattern: $1)) }
            case .i64LeU: bin { slot($0 <= $1) }
            case .i64GeS: bin { slot(Int64(bitPattern: $0) >= Int64(bitPattern: $1)) }
            case .i64GeU: bin { slot($0 >= $1) }
            case .i64Clz: un { UInt64($0.leadingZeroBitCount) }
            case .i64Ctz: un { UInt64($0.trailingZeroBitCount) }
            case .i64Popcnt: un { UInt64($0.nonzeroBitCount) }
            case .i64Add: bin { $0 &+ $1 }
            case .i64Sub: bin { $0 &- $1 }
            case .i64Mul: bin { $0 &* $1 }
            case .i64DivS:
                let b = Int64(bitPattern: sp[-1]), a = Int64(bitPattern: sp[-2])
                if b == 0 { throw .integerDivideByZero }
                if a == Int64.min && b == -1 { throw .integerOverflow }
                sp -= 1; sp[-1] = UInt64(bitPattern: a / b)
            case .i64DivU:
                let b = sp[-1], a = sp[-2]
                if b == 0 { throw .integerDivideByZero }
                sp -= 1; sp[-1] = a / b
            case .i64RemS:
                let b = Int64(bitPattern: sp[-1]), a = Int64(bitPattern: sp[-2])
                if b == 0 { throw .integerDivideByZero }
                sp -= 1; sp[-1] = UInt64(bitPattern: b == -1 ? 0 : a % b)
            case .i64RemU:
                let b = sp[-1], a = sp[-2]
                if b == 0 { throw .integerDivideByZero }
                sp -= 1; sp[-1] = a % b
            case .i64And: bin { $0 & $1 }
            case .i64Or: bin { $0 | $1 }
            case .i64Xor: bin { $0 ^ $1 }
            case .i64Shl: bin { $0 &<< $1 }
            case .i64ShrS: bin { UInt64(bitPattern: Int64(bitPattern: $0) &>> Int64(bitPattern: $1)) }
            case .i64ShrU: bin { $0 &>> $1 }
            case .i64Rotl: bin { let k = $1 & 63; return $0 &<< k | $0 &>> ((64 - k) & 63) }
            case .i64Rotr: bin { let k = $1 & 63; return $0 &>> k | $0 &<< ((64 - k) & 63) }

            // MARK: f32 / f64
            case .f32Eq: bin { slot(f32($0) == f32($1)) }
            case .f32Ne: bin { slot(f32($0) != f32($1)) }
            case .f32Lt: bin { slot(f32($0) < f32($1)) }
            case .f32Gt: bin { slot(f32($0) > f32($1)) }
            case .f32Le: bin { slot(f32($0) <= f32($1)) }
            case .f32Ge: bin { slot(f32($0) >= f32($1)) }
            case .f64Eq: bin { slot(f64($0) == f64($1)) }
            case .f64Ne: bin { slot(f64($0) != f64($1)) }
            case .f64Lt: bin { slot(f64($0) < f64($1)) }
            case .f64Gt: bin { slot(f64($0) > f64($1)) }
            case .f64Le: bin { slot(f64($0) <= f64($1)) }
            case .f64Ge: bin { slot(f64($0) >= f64($1)) }
            case .f32Abs: un { $0 & 0x7FFF_FFFF }
            case .f32Neg: un { ($0 ^ 0x8000_0000) & 0xFFFF_FFFF }
            case .f32Ceil: un { slot(f32($0).rounded(.up)) }
            case .f32Floor: un { slot(f32($0).rounded(.down)) }
            case .f32Trunc: un { slot(f32($0).rounded(.towardZero)) }
            case .f32Nearest: un { slot(f32($0).rounded(.toNearestOrEven)) }
            case .f32Sqrt: un { slot(f32($0).squareRoot()) }
            case .f32Add: bin { slot(f32($0) + f32($1)) }
            case .f32Sub: bin { slot(f32($0) - f32($1)) }
            case .f32Mul: bin { slot(f32($0) * f32($1)) }
            case .f32Div: bin { slot(f32($0) / f32($1)) }
            case .f32Min: bin { slot(wasmMin(f32($0), f32($1))) }
            case .f32Max: bin { slot(wasmMax(f32($0), f32($1))) }
            case .f32Copysign: bin { ($0 & 0x7FFF_FFFF) | ($1 & 0x8000_0000) }
            case .f64Abs: un { $0 & 0x7FFF_FFFF_FFFF_FFFF }
            case .f64Neg: un { $0 ^ 0x8000_0000_0000_0000 }
            case .f64Ceil: un { slot(f64($0).rounded(.up)) }
            case .f64Floor: un { slot(f64($0).rounded(.down)) }
            case .f64Trunc: un { slot(f64($0).rounded(.towardZero)) }
            case .f64Nearest: un { slot(f64($0).rounded(.toNearestOrEven)) }
            case .f64Sqrt: un { slot(f64($0).squareRoot()) }
            case .f64Add: bin { slot(f64($0) + f64($1)) }
            case .f64Sub: bin { slot(f64($0) - f64($1)) }
            case .f64Mul: bin { slot(f64($0) * f64($1)) }
            case .f64Div: bin { slot(f64($0) / f64($1)) }
            case .f64Min: bin { slot(wasmMin(f64($0), f64($1))) }
            case .f64Max: bin { slot(wasmMax(f64($0), f64($1))) }
            case .f64Copysign: bin { ($0 & 0x7FFF_FFFF_FFFF_FFFF) | ($1 & 0x8000_0000_0000_0000) }

            // MARK: Fused forms
            case .i32AddImm: let x = sp[-1], c = u32(i.b); sp[-1] = slot(u32(x) &+ c)
            case .i32SubImm: let x = sp[-1], c = u32(i.b); sp[-1] = slot(u32(x) &- c)
            case .i32MulImm: let x = sp[-1], c = u32(i.b); sp[-1] = slot(u32(x) &* c)
            case .i32AndImm: let x = sp[-1], c = u32(i.b); sp[-1] = slot(u32(x) & c)
            case .i32OrImm: let x = sp[-1], c = u32(i.b); sp[-1] = slot(u32(x) | c)
            case .i32XorImm: let x = sp[-1], c = u32(i.b); sp[-1] = slot(u32(x) ^ c)
            case .i32ShlImm: let x = sp[-1], c = u32(i.b); sp[-1] = slot(u32(x) &<< c)
            case .i32ShrSImm: let x = sp[-1], c = u32(i.b); sp[-1] = slot(s32(x) &>> Int32(bitPattern: c))
            case .i32ShrUImm: let x = sp[-1], c = u32(i.b); sp[-1] = slot(u32(x) &>> c)
            case .i32EqImm: let x = sp[-1], c = u32(i.b); sp[-1] = slot(u32(x) == c)
            case .i32NeImm: let x = sp[-1], c = u32(i.b); sp[-1] = slot(u32(x) != c)
            case .i32LtSImm: let x = sp[-1], c = u32(i.b); sp[-1] = slot(s32(x) < Int32(bitPattern: c))
            case .i32LtUImm: let x = sp[-1], c = u32(i.b); sp[-1] = slot(u32(x) < c)
            case .i32GtSImm: let x = sp[-1], c = u32(i.b); sp[-1] = slot(s32(x) > Int32(bitPattern: c))
            case .i32GtUImm: let x = sp[-1], c = u32(i.b); sp[-1] = slot(u32(x) > c)
            case .i32LeSImm: let x = sp[-1], c = u32(i.b); sp[-1] = slot(s32(x) <= Int32(bitPattern: c))
            case .i32LeUImm: let x = sp[-1], c = u32(i.b); sp[-1] = slot(u32(x) <= c)
            case .i32GeSImm: let x = sp[-1], c = u32(i.b); sp[-1] = slot(s32(x) >= Int32(bitPattern: c))
            case .i32GeUImm: let x = sp[-1], c = u32(i.b); sp[-1] = slot(u32(x) >= c)
            case .i64AddImm: let x = sp[-1], c = i.b; sp[-1] = x &+ c
            case .i64SubImm: let x = sp[-1], c = i.b; sp[-1] = x &- c
            case .i64MulImm: let x = sp[-1], c = i.b; sp[-1] = x &* c
            case .i64AndImm: let x = sp[-1], c = i.b; sp[-1] = x & c
            case .i64OrImm: let x = sp[-1], c = i.b; sp[-1] = x | c
            case .i64XorImm: let x = sp[-1], c = i.b; sp[-1] = x ^ c
            case .i64ShlImm: let x = sp[-1], c = i.b; sp[-1] = x &<< c
            case .i64ShrSImm: let x = sp[-1], c = i.b; sp[-1] = UInt64(bitPattern: Int64(bitPattern: x) &>> Int64(bitPattern: c))
            case .i64ShrUImm: let x = sp[-1], c = i.b; sp[-1] = x &>> c
            case .f64AddImm: sp[-1] = slot(f64(sp[-1]) + f64(i.b))
            case .f32AddImm: sp[-1] = slot(f32(sp[-1]) + f32(i.b))
            case .f64AddLocal: sp[-1] = slot(f64(sp[-1]) + f64(fp[Int(truncatingIfNeeded: i.b)]))
            case .f32AddLocal: sp[-1] = slot(f32(sp[-1]) + f32(fp[Int(truncatingIfNeeded: i.b)]))
            case .f64SubImm: sp[-1] = slot(f64(sp[-1]) - f64(i.b))
            case .f32SubImm: sp[-1] = slot(f32(sp[-1]) - f32(i.b))
            case .f64SubLocal: sp[-1] = slot(f64(sp[-1]) - f64(fp[Int(truncatingIfNeeded: i.b)]))
            case .f32SubLocal: sp[-1] = slot(f32(sp[-1]) - f32(fp[Int(truncatingIfNeeded: i.b)]))
            case .f64MulImm: sp[-1] = slot(f64(sp[-1]) * f64(i.b))
            case .f32MulImm: sp[-1] = slot(f32(sp[-1]) * f32(i.b))
            case .f64MulLocal: sp[-1] = slot(f64(sp[-1]) * f64(fp[Int(truncatingIfNeeded: i.b)]))
            case .f32MulLocal: sp[-1] = slot(f32(sp[-1]) * f32(fp[Int(truncatingIfNeeded: i.b)]))
            case .f64DivImm: sp[-1] = slot(f64(sp[-1]) / f64(i.b))
            case .f32DivImm: sp[-1] = slot(f32(sp[-1]) / f32(i.b))
            case .f64DivLocal: sp[-1] = slot(f64(sp[-1]) / f64(fp[Int(truncatingIfNeeded: i.b)]))
            case .f32DivLocal: sp[-1] = slot(f32(sp[-1]) / f32(fp[Int(truncatingIfNeeded: i.b)]))
            case .localCopy: fp[Int(i.a)] = fp[Int(truncatingIfNeeded: i.b)]
            case .i32AddImmToLocal:
                fp[Int(i.a)] = slot(u32(fp[Int(truncatingIfNeeded: i.b & 0xFFFF_FFFF)]) &+ UInt32(truncatingIfNeeded: i.b >> 32))
            case .i32AddImmTeeLocal:
                let v = slot(u32(fp[Int(truncatingIfNeeded: i.b & 0xFFFF_FFFF)]) &+ UInt32(truncatingIfNeeded: i.b >> 32))
                fp[Int(i.a)] = v
                sp[0] = v
                sp += 1
            case .i32LoadLocal:
                sp[0] = slot(memBase.loadUnaligned(fromByteOffset: try address(fp[Int(truncatingIfNeeded: i.b)], i.a, 4), as: UInt32.self))
                sp += 1
            case .localGet2: sp[0] = fp[Int(i.a)]; sp[1] = fp[Int(i.b)]; sp += 2
            case .i32AddLocal: let x = sp[-1], c = u32(fp[Int(i.b)]); sp[-1] = slot(u32(x) &+ c)
            case .i32SubLocal: let x = sp[-1], c = u32(fp[Int(i.b)]); sp[-1] = slot(u32(x) &- c)
            case .i32MulLocal: let x = sp[-1], c = u32(fp[Int(i.b)]); sp[-1] = slot(u32(x) &* c)
            case .i32AndLocal: let x = sp[-1], c = u32(fp[Int(i.b)]); sp[-1] = slot(u32(x) & c)
            case .i32OrLocal: let x = sp[-1], c = u32(fp[Int(i.b)]); sp[-1] = slot(u32(x) | c)
            case .i32XorLocal: let x = sp[-1], c = u32(fp[Int(i.b)]); sp[-1] = slot(u32(x) ^ c)
            case .i32ShlLocal: let x = sp[-1], c = u32(fp[Int(i.b)]); sp[-1] = slot(u32(x) &<< c)
            case .i32ShrSLocal: let x = sp[-1], c = u32(fp[Int(i.b)]); sp[-1] = slot(s32(x) &>> Int32(bitPattern: c))
            case .i32ShrULocal: let x = sp[-1], c = u32(fp[Int(i.b)]); sp[-1] = slot(u32(x) &>> c)
            case .i64AddLocal: let x = sp[-1], c = fp[Int(i.b)]; sp[-1] = x &+ c
            case .i64SubLocal: let x = sp[-1], c = fp[Int(i.b)]; sp[-1] = x &- c
            case .i64MulLocal: let x = sp[-1], c = fp[Int(i.b)]; sp[-1] = x &* c
            case .i64AndLocal: let x = sp[-1], c = fp[Int(i.b)]; sp[-1] = x & c
            case .i64OrLocal: let x = sp[-1], c = fp[Int(i.b)]; sp[-1] = x | c
            case .i64XorLocal: let x = sp[-1], c = fp[Int(i.b)]; sp[-1] = x ^ c
            case .i64ShlLocal: let x = sp[-1], c = fp[Int(i.b)]; sp[-1] = x &<< c
            case .i64ShrULocal: let x = sp[-1], c = fp[Int(i.b)]; sp[-1] = x &>> c
            case .brIfEqz:
                sp -= 1
                if u32(sp[0]) == 0 { branch(Int(i.a), Int(truncatingIfNeeded: i.b & 0xFFFF_FFFF), Int(i.b >> 32)) }
            case .brIfI32Eq:
                sp -= 2
                let a = sp[0], b = sp[1]
                if u32(a) == u32(b) { branch(Int(i.a), Int(truncatingIfNeeded: i.b & 0xFFFF_FFFF), Int(i.b >> 32)) }
            case .brIfI32Ne:
                sp -= 2
                let a = sp[0], b = sp[1]
                if u32(a) != u32(b) { branch(Int(i.a), Int(truncatingIfNeeded: i.b & 0xFFFF_FFFF), Int(i.b >> 32)) }
            case .brIfI32LtS:
                sp -= 2
                let a = sp[0], b = sp[1]
                if s32(a) < s32(b) { branch(Int(i.a), Int(truncatingIfNeeded: i.b & 0xFFFF_FFFF), Int(i.b >> 32)) }
            case .brIfI32LtU:
                sp -= 2
                let a = sp[0], b = sp[1]
                if u32(a) < u32(b) { branch(Int(i.a), Int(truncatingIfNeeded: i.b & 0xFFFF_FFFF), Int(i.b >> 32)) }
            case .brIfI32GtS:
                sp -= 2
                let a = sp[0], b = sp[1]
                if s32(a) > s32(b) { branch(Int(i.a), Int(truncatingIfNeeded: i.b & 0xFFFF_FFFF), Int(i.b >> 32)) }
            case .brIfI32GtU:
                sp -= 2
                let a = sp[0], b = sp[1]
                if u32(a) > u32(b) { branch(Int(i.a), Int(truncatingIfNeeded: i.b & 0xFFFF_FFFF), Int(i.b >> 32)) }
            case .brIfI32LeS:
                sp -= 2
                let a = sp[0], b = sp[1]
                if s32(a) <= s32(b) { branch(Int(i.a), Int(truncatingIfNeeded: i.b & 0xFFFF_FFFF), Int(i.b >> 32)) }
            case .brIfI32LeU:
                sp -= 2
                let a = sp[0], b = sp[1]
                if u32(a) <= u32(b) { branch(Int(i.a), Int(truncatingIfNeeded: i.b & 0xFFFF_FFFF), Int(i.b >> 32)) }
            case .brIfI32GeS:
                sp -= 2
                let a = sp[0], b = sp[1]
                if s32(a) >= s32(b) { branch(Int(i.a), Int(truncatingIfNeeded: i.b & 0xFFFF_FFFF), Int(i.b >> 32)) }
            case .brIfI32GeU:
                sp -= 2
                let a = sp[0], b = sp[1]
                if u32(a) >= u32(b) { branch(Int(i.a), Int(truncatingIfNeeded: i.b & 0xFFFF_FFFF), Int(i.b >> 32)) }

            // MARK: Conversions
            case .i32WrapI64: un { $0 & 0xFFFF_FFFF }
            case .i32TruncF32S: sp[-1] = try i32TruncS(f32(sp[-1]))
            case .i32TruncF32U: sp[-1] = try i32TruncU(f32(sp[-1]))
            case .i32TruncF64S: sp[-1] = try i32TruncS(f64(sp[-1]))
            case .i32TruncF64U: sp[-1] = try i32TruncU(f64(sp[-1]))
            case .i64ExtendI32S: un { UInt64(bitPattern: Int64(s32($0))) }
            case .i64ExtendI32U: un { $0 & 0xFFFF_FFFF }
            case .i64TruncF32S: sp[-1] = try i64TruncS(f32(sp[-1]))
            case .i64TruncF32U: sp[-1] = try i64TruncU(f32(sp[-1]))
            case .i64TruncF64S: sp[-1] = try i64TruncS(f64(sp[-1]))
            case .i64TruncF64U: sp[-1] = try i64TruncU(f64(sp[-1]))
            case .f32ConvertI32S: un { slot(Float(s32($0))) }
            case .f32ConvertI32U: un { slot(Float(u32($0))) }
            case .f32ConvertI64S: un { slot(Float(Int64(bitPattern: $0))) }
            case .f32ConvertI64U: un { slot(Float($0)) }
            case .f32DemoteF64: un { slot(Float(f64($0))) }
            case .f64ConvertI32S: un { slot(Double(s32($0))) }
            case .f64ConvertI32U: un { slot(Double(u32($0))) }
            case .f64ConvertI64S: un { slot(Double(Int64(bitPattern: $0))) }
            case .f64ConvertI64U: un { slot(Double($0)) }
            case .f64PromoteF32: un { slot(Double(f32($0))) }
            case .i32ReinterpretF32, .i64ReinterpretF64, .f32ReinterpretI32, .f64ReinterpretI64: break
            case .i32Extend8S: un { slot(Int32(Int8(truncatingIfNeeded: $0))) }
            case .i32Extend16S: un { slot(Int32(Int16(truncatingIfNeeded: $0))) }
            case .i64Extend8S: un { UInt64(bitPattern: Int64(Int8(truncatingIfNeeded: $0))) }
            case .i64Extend16S: un { UInt64(bitPattern: Int64(Int16(truncatingIfNeeded: $0))) }
            case .i64Extend32S: un { UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: $0))) }
            case .i32TruncSatF32S: un { i32TruncSatS(f32($0)) }
            case .i32TruncSatF32U: un { i32TruncSatU(f32($0)) }
            case .i32TruncSatF64S: un { i32TruncSatS(f64($0)) }
            case .i32TruncSatF64U: un { i32TruncSatU(f64($0)) }
            case .i64TruncSatF32S: un { i64TruncSatS(f32($0)) }
            case .i64TruncSatF32U: un { i64TruncSatU(f32($0)) }
            case .i64TruncSatF64S: un { i64TruncSatS(f64($0)) }
            case .i64TruncSatF64U: un { i64TruncSatU(f64($0)) }
            }
        }
    }
}
