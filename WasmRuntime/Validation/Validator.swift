// Module validation (§3.4): index spaces, limits, constant expressions, exports, start, segments;
// then every function body is type-checked and compiled to IR by `FunctionCompiler`.

enum Validator {
    static func validate(_ m: Module, limits: Limits) throws(WasmError) {
        for t in m.allFunctionTypes where Int(t) >= m.types.count { throw .invalid("unknown type \(t)") }
        for t in m.allTables {
            if let mx = t.limits.max, mx < t.limits.min { throw .invalid("size minimum must not be greater than maximum") }
        }
        if m.allMemories.count > 1 { throw .invalid("multiple memories") }
        for l in m.allMemories {
            if l.min > 65536 || (l.max ?? 0) > 65536 { throw .invalid("memory size must be at most 65536 pages (4GiB)") }
            if let mx = l.max, mx < l.min { throw .invalid("size minimum must not be greater than maximum") }
        }
        // Functions that may be referenced by ref.func inside bodies (C.refs, §3.4.10).
        var declared = Set<UInt32>()
        func noteRefs(_ e: ConstExpr) { if case .refFunc(let f) = e { declared.insert(f) } }
        for g in m.globals { noteRefs(g.initializer) }
        for seg in m.elements { for e in seg.items { noteRefs(e) } }
        for e in m.exports where e.kind == .function { declared.insert(e.index) }

        for g in m.globals {
            try checkConst(g.initializer, g.type.value, m)
        }
        var names = Set<[UInt8]>()       // names compare by bytes, not Unicode equivalence
        for e in m.exports {
            guard names.insert(Array(e.name.utf8)).inserted else { throw .invalid("duplicate export name") }
            let bound: Int
            switch e.kind {
            case .function: bound = m.allFunctionTypes.count
            case .table: bound = m.allTables.count
            case .memory: bound = m.allMemories.count
            case .global: bound = m.allGlobals.count
            }
            guard Int(e.index) < bound else { throw .invalid("unknown export index \(e.index)") }
        }
        if let s = m.start {
            guard Int(s) < m.allFunctionTypes.count else { throw .invalid("unknown function \(s)") }
            let t = m.functionType(Int(s))
            guard t.params.isEmpty && t.results.isEmpty else { throw .invalid("start function") }
        }
        for seg in m.elements {
            for e in seg.items { try checkConst(e, seg.type, m) }
            if case .active(let table, let offset) = seg.mode {
                guard Int(table) < m.allTables.count else { throw .invalid("unknown table \(table)") }
                try checkConst(offset, .i32, m)
                guard m.allTables[Int(table)].element == seg.type else { throw .invalid("type mismatch") }
            }
        }
        for seg in m.data {
            if case .active(let mem, let offset) = seg.mode {
                guard Int(mem) < m.allMemories.count else { throw .invalid("unknown memory \(mem)") }
                try checkConst(offset, .i32, m)
            }
        }
        var builder = CodeBuilder()
        var functions: [CompiledFunction] = []
        for (i, body) in m.bodies.enumerated() {
            let index = m.importedFunctionCount + i
            var fc = FunctionCompiler(module: m, type: m.functionType(index), body: body,
                                      declaredRefs: declared, limits: limits)
            functions.append(try fc.compile(into: &builder))
        }
        m.code = CompiledCode(instructions: builder.instructions, branchTable: builder.branchTable, functions: functions)
    }

    static func checkConst(_ e: ConstExpr, _ expected: ValueType, _ m: Module) throws(WasmError) {
        let actual: ValueType
        switch e {
        case .value(_, let t): actual = t
        case .refNull(let t): actual = t
        case .refFunc(let f):
            guard Int(f) < m.allFunctionTypes.count else { throw .invalid("unknown function \(f)") }
            actual = .funcref
        case .globalGet(let g):
            // WebAssembly 2.0: constant expressions may only read imported globals.
            guard Int(g) < m.importedGlobalCount else { throw .invalid("unknown global \(g)") }
            guard !m.allGlobals[Int(g)].mutable else { throw .invalid("constant expression required") }
            actual = m.allGlobals[Int(g)].value
        }
        guard actual == expected else { throw .invalid("type mismatch") }
    }
}

/// Accumulates the IR of all functions of a module.
struct CodeBuilder {
    var instructions: [Instr] = []
    var branchTable: [BranchTarget] = []
}
