// Validation of one function body by the spec's algorithm (§3.3, Appendix "Validation Algorithm"),
// fused with translation to IR: branches get resolved targets, heights and arities.

/// One entry of the control stack: the spec's ctrl frame plus compilation state.
struct ControlFrame {
    enum Kind { case block, loop, ifThen, ifElse, function }
    var kind: Kind
    var startTypes: [ValueType]
    var endTypes: [ValueType]
    var height: Int           // operand-stack height at entry (below the params)
    var unreachable = false
    var startPC: Int          // loop: branch target
    var fixups: [Int] = []    // forward branches to patch with the end pc (negative: branch-table entry)
    var elseFixup: Int?       // `if`: the brUnless to patch with the else/end pc

    var labelTypes: [ValueType] { kind == .loop ? startTypes : endTypes }
}

struct FunctionCompiler {
    let module: Module
    let type: FuncType
    let locals: [ValueType]             // params then declared locals
    let code: Range<Int>
    let declaredRefs: Set<UInt32>
    let limits: Limits
    var vals: [ValueType?] = []         // nil = Unknown (polymorphic stack)
    var ctrls: [ControlFrame] = []
    var maxHeight = 0
    var labelBarrier = 0                // last pc a branch may land on (no fusion across it)
    var r: ByteReader

    init(module: Module, type: FuncType, body: FunctionBody, declaredRefs: Set<UInt32>, limits: Limits) {
        self.module = module
        self.type = type
        self.locals = type.params + body.locals
        self.code = body.code
        self.declaredRefs = declaredRefs
        self.limits = limits
        self.r = ByteReader(module.bytes, from: body.code.lowerBound, to: body.code.upperBound)
    }

    // MARK: Operand stack (spec algorithm)

    mutating func push(_ t: ValueType?) {
        vals.append(t)
        if vals.count > maxHeight { maxHeight = vals.count }
    }

    mutating func pop() throws(WasmError) -> ValueType? {
        let c = ctrls[ctrls.count - 1]
        if vals.count == c.height {
            if c.unreachable { return nil }
            throw .invalid("type mismatch")
        }
        return vals.removeLast()
    }

    @discardableResult
    mutating func pop(_ expected: ValueType?) throws(WasmError) -> ValueType? {
        let actual = try pop()
        if let a = actual, let e = expected, a != e { throw .invalid("type mismatch") }
        return actual ?? expected
    }

    mutating func pop(_ types: [ValueType]) throws(WasmError) {
        for t in types.reversed() { try pop(t) }
    }

    mutating func push(_ types: [ValueType]) { for t in types { push(t) } }

    mutating func pushCtrl(_ kind: ControlFrame.Kind, _ start: [ValueType], _ end: [ValueType], pc: Int) throws(WasmError) {
        guard ctrls.count < limits.maxControlDepth else { throw .limit("control nesting deeper than \(limits.maxControlDepth)") }
        ctrls.append(ControlFrame(kind: kind, startTypes: start, endTypes: end, height: vals.count, startPC: pc))
        push(start)
    }

    mutating func popCtrl() throws(WasmError) -> ControlFrame {
        guard let c = ctrls.last else { throw .invalid("type mismatch") }
        try pop(c.endTypes)
        guard vals.count == c.height else { throw .invalid("type mismatch") }
        ctrls.removeLast()
        return c
    }

    mutating func setUnreachable() {
        vals.removeSubrange(ctrls[ctrls.count - 1].height...)
        ctrls[ctrls.count - 1].unreachable = true
    }

    // MARK: Emission

    func frameHeight(_ h: Int) -> UInt64 { UInt64(locals.count + h) }

    /// Emits a branch (br / brIf) to label `depth`, recording a fixup for forward targets.
    mutating func emitBranch(_ op: Op, depth: Int, _ b: inout CodeBuilder) {
        let i = ctrls.count - 1 - depth
        let c = ctrls[i]
        let arity = UInt64(c.labelTypes.count)
        let packed = frameHeight(c.height) | arity << 32
        if c.kind == .loop {
            b.instructions.append(Instr(op, UInt32(c.startPC), packed))
        } else {
            ctrls[i].fixups.append(b.instructions.count)
            b.instructions.append(Instr(op, 0, packed))
        }
    }

    mutating func branchEntry(depth: Int, _ b: inout CodeBuilder) {
        let i = ctrls.count - 1 - depth
        let c = ctrls[i]
        let entry = BranchTarget(pc: UInt32(c.startPC), height: UInt32(frameHeight(c.height)), arity: UInt32(c.labelTypes.count))
        if c.kind != .loop { ctrls[i].fixups.append(-(b.branchTable.count + 1)) }
        b.branchTable.append(entry)
    }

    func patch(_ fixups: [Int], to pc: Int, _ b: inout CodeBuilder) {
        for f in fixups {
            if f >= 0 { b.instructions[f].a = UInt32(pc) } else { b.branchTable[-f - 1].pc = UInt32(pc) }
        }
    }

    func label(_ depth: UInt32) throws(WasmError) -> Int {
        guard Int(depth) < ctrls.count else { throw .invalid("unknown label") }
        return Int(depth)
    }

    mutating func blockType() throws(WasmError) -> FuncType {
        guard r.pos < r.end else { throw .malformed("unexpected end") }
        let b = r.bytes[r.pos]
        if b == 0x40 { r.pos += 1; return FuncType([], []) }
        if let t = ValueType(rawValue: b) { r.pos += 1; return FuncType([], [t]) }
        let idx = try r.signed(33)
        guard idx >= 0, Int(idx) < module.types.count else { throw .invalid("unknown type") }
        return module.types[Int(idx)]
    }

    func localType(_ i: UInt32) throws(WasmError) -> ValueType {
        guard Int(i) < locals.count else { throw .invalid("unknown local \(i)") }
        return locals[Int(i)]
    }

    func globalType(_ i: UInt32) throws(WasmError) -> GlobalType {
        guard Int(i) < module.allGlobals.count else { throw .invalid("unknown global \(i)") }
        return module.allGlobals[Int(i)]
    }

    func tableType(_ i: UInt32) throws(WasmError) -> TableType {
        guard Int(i) < module.allTables.count else { throw .invalid("unknown table \(i)") }
        return module.allTables[Int(i)]
    }

    func requireMemory() throws(WasmError) {
        guard !module.allMemories.isEmpty else { throw .invalid("unknown memory 0") }
    }

    func requireDataCount(_ x: UInt32) throws(WasmError) {
        guard let n = module.dataCount else { throw .malformed("data count section required") }
        guard x < n else { throw .invalid("unknown data segment \(x)") }
    }

    func elementType(_ x: UInt32) throws(WasmError) -> ValueType {
        guard Int(x) < module.elements.count else { throw .invalid("unknown elem segment \(x)") }
        return module.elements[Int(x)].type
    }

    func functionType(_ f: UInt32) throws(WasmError) -> FuncType {
        guard Int(f) < module.allFunctionTypes.count else { throw .invalid("unknown function \(f)") }
        return module.functionType(Int(f))
    }

    /// memarg (§5.4.6): alignment exponent then offset; alignment may not exceed the natural one.
    mutating func memarg(natural: Int) throws(WasmError) -> UInt32 {
        let align = try r.u32()
        let offset = try r.u32()
        try requireMemory()
        guard align < 32, (1 << Int(align)) <= natural else { throw .invalid("alignment must not be larger than natural") }
        return offset
    }

    mutating func zeroByte() throws(WasmError) {
        guard try r.u8() == 0 else { throw .malformed("zero byte expected") }
    }

    // MARK: Driver

    mutating func compile(into b: inout CodeBuilder) throws(WasmError) -> CompiledFunction {
        let entry = b.instructions.count
        labelBarrier = entry
        try pushCtrl(.function, [], type.results, pc: entry)
        while !ctrls.isEmpty {
            guard r.pos < r.end else { throw .malformed("unexpected end of section or function") }
            try step(&b)
        }
        guard r.pos == r.end else { throw .malformed("section size mismatch") }
        return CompiledFunction(entry: entry, paramCount: type.params.count, localCount: locals.count - type.params.count,
                                resultCount: type.results.count, maxHeight: locals.count + maxHeight + 1)
    }
}
