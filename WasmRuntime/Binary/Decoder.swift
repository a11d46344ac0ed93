// Binary-format decoder (§5.5): sections in order, sizes checked, limits from `Limits` enforced.

public enum Decoder {
    /// Decodes, validates and compiles a module binary.
    public static func load(_ bytes: [UInt8], limits: Limits = Limits()) throws(WasmError) -> Module {
        let module = try decode(bytes, limits: limits)
        try Validator.validate(module, limits: limits)
        return module
    }

    /// Decodes without validating function bodies.
    static func decode(_ bytes: [UInt8], limits: Limits) throws(WasmError) -> Module {
        guard bytes.count <= limits.maxModuleBytes else { throw .limit("module larger than \(limits.maxModuleBytes) bytes") }
        var r = ByteReader(bytes)
        let m = Module()
        m.bytes = bytes
        guard bytes.count >= 4 else { throw .malformed("unexpected end") }
        guard try r.fixed32() == 0x6D73_6100 else { throw .malformed("magic header not detected") }
        guard bytes.count >= 8 else { throw .malformed("unexpected end") }
        guard try r.fixed32() == 1 else { throw .malformed("unknown binary version") }
        var lastID: UInt8 = 0
        var sections = 0
        var functionCount: Int?
        while !r.atEnd {
            let id = try r.u8()
            let size = Int(try r.u32())
            sections += 1
            guard sections <= limits.maxSections else { throw .limit("more than \(limits.maxSections) sections") }
            let range = try r.take(size)
            var s = ByteReader(bytes, from: range.lowerBound, to: range.upperBound)
            if id != 0 {
                // Order: 1..9, 12 (datacount) before 10 (code), 11 (data) last.
                let order = sectionOrder(id)
                guard order > 0 else { throw .malformed("malformed section id") }
                guard order > lastID else { throw .malformed("unexpected content after last section") }
                lastID = order
            }
            switch id {
            case 0: _ = try s.name(); s.pos = s.end
            case 1: try decodeTypes(&s, m, limits)
            case 2: try decodeImports(&s, m, limits)
            case 3:
                let n = try s.count()
                for _ in 0..<n { m.functionTypeIndices.append(try s.u32()) }
                functionCount = n
            case 4:
                let n = try s.count()
                for _ in 0..<n {
                    let t = try s.referenceType()
                    m.tables.append(TableType(element: t, limits: try s.limits(maxBits: 32)))
                }
            case 5:
                let n = try s.count()
                for _ in 0..<n { m.memories.append(try s.limits(maxBits: 32)) }
            case 6:
                let n = try s.count()
                for _ in 0..<n {
                    let t = try s.valueType()
                    let mut = try s.u8()
                    guard mut <= 1 else { throw .malformed("malformed mutability") }
                    m.globals.append(GlobalDefinition(type: GlobalType(value: t, mutable: mut == 1), initializer: try constExpr(&s)))
                }
            case 7:
                let n = try s.count()
                for _ in 0..<n {
                    let name = try s.name()
                    let kind = try s.u8()
                    guard let k = ExternKind(rawValue: kind) else { throw .malformed("malformed export kind") }
                    m.exports.append(Export(name: name, kind: k, index: try s.u32()))
                }
            case 8: m.start = try s.u32()
            case 9: try decodeElements(&s, m)
            case 10:
                let n = try s.count()
                guard n == (functionCount ?? 0) else { throw .malformed("function and code section have inconsistent lengths") }
                for _ in 0..<n { m.bodies.append(try decodeBody(&s, limits)) }
            case 11:
                let n = try s.count()
                if let dc = m.dataCount, dc != n { throw .malformed("data count and data section have inconsistent lengths") }
                for _ in 0..<n { m.data.append(try decodeData(&s)) }
            case 12: m.dataCount = try s.u32()
            default: throw .malformed("malformed section id")
            }
            guard s.pos == s.end else { throw .malformed("section size mismatch") }
        }
        if (functionCount ?? 0) != m.bodies.count { throw .malformed("function and code section have inconsistent lengths") }
        if let dc = m.dataCount, Int(dc) != m.data.count { throw .malformed("data count and data section have inconsistent lengths") }
        try buildIndexSpaces(m)
        return m
    }

    private static func sectionOrder(_ id: UInt8) -> UInt8 {
        switch id {
        case 1...9: return id
        case 12: return 10
        case 10: return 11
        case 11: return 12
        default: return 0
        }
    }

    private static func decodeTypes(_ s: inout ByteReader, _ m: Module, _ limits: Limits) throws(WasmError) {
        let n = try s.count()
        guard n <= limits.maxItemsPerSection else { throw .limit("too many types") }
        for _ in 0..<n {
            guard try s.u8() == 0x60 else { throw .malformed("integer representation too long") }
            let np = try s.count()
            var params: [ValueType] = []
            for _ in 0..<np { params.append(try s.valueType()) }
            let nr = try s.count()
            var results: [ValueType] = []
            for _ in 0..<nr { results.append(try s.valueType()) }
            m.types.append(FuncType(params, results))
        }
    }

    private static func decodeImports(_ s: inout ByteReader, _ m: Module, _ limits: Limits) throws(WasmError) {
        let n = try s.count()
        guard n <= limits.maxItemsPerSection else { throw .limit("too many imports") }
        for _ in 0..<n {
            let module = try s.name()
            let name = try s.name()
            let kind = try s.u8()
            let d: ImportDescriptor
            switch kind {
            case 0: d = .function(typeIndex: try s.u32())
            case 1:
                let t = try s.referenceType()
                d = .table(TableType(element: t, limits: try s.limits(maxBits: 32)))
            case 2: d = .memory(try s.limits(maxBits: 32))
            case 3:
                let t = try s.valueType()
                let mut = try s.u8()
                guard mut <= 1 else { throw .malformed("malformed mutability") }
                d = .global(GlobalType(value: t, mutable: mut == 1))
            default: throw .malformed("malformed import kind")
            }
            m.imports.append(Import(module: module, name: name, descriptor: d))
        }
    }

    /// Constant expression: one instruction followed by `end` (§5.4.9).
    static func constExpr(_ s: inout ByteReader) throws(WasmError) -> ConstExpr {
        let op = try s.u8()
        let e: ConstExpr
        switch op {
        case 0x41: e = .value(UInt64(UInt32(bitPattern: try s.s32())), .i32)
        case 0x42: e = .value(UInt64(bitPattern: try s.s64()), .i64)
        case 0x43: e = .value(UInt64(try s.fixed32()), .f32)
        case 0x44: e = .value(try s.fixed64(), .f64)
        case 0x23: e = .globalGet(try s.u32())
        case 0xD0: e = .refNull(try s.referenceType())
        case 0xD2: e = .refFunc(try s.u32())
        case 0x0B: throw .invalid("type mismatch: empty constant expression")
        default:
            // Unknown opcodes are malformed; known non-constant ones are invalid.
            if op <= 0xD2 && op != 0x06 && op != 0x07 && op != 0x08 && op != 0x09 && op != 0x0A { throw .invalid("constant expression required") }
            throw .malformed("illegal opcode")
        }
        guard try s.u8() == 0x0B else { throw .invalid("constant expression required") }
        return e
    }

    private static func decodeElements(_ s: inout ByteReader, _ m: Module) throws(WasmError) {
        let n = try s.count()
        for _ in 0..<n {
            let flags = try s.u32()
            guard flags <= 7 else { throw .malformed("malformed elements segment kind") }
            var mode: ElementMode
            var table: UInt32 = 0
            if flags & 1 == 0 {
                if flags & 2 != 0 { table = try s.u32() }
                mode = .active(table: table, offset: try constExpr(&s))
            } else {
                mode = flags & 2 != 0 ? .declarative : .passive
            }
            var type: ValueType = .funcref
            var items: [ConstExpr] = []
            let usesExprs = flags & 4 != 0
            if flags & 3 != 0 {
                if usesExprs { type = try s.referenceType() }
                else { guard try s.u8() == 0x00 else { throw .malformed("malformed element kind") } }
            }
            let count = try s.count()
            for _ in 0..<count {
                if usesExprs { items.append(try constExpr(&s)) }
                else { items.append(.refFunc(try s.u32())) }
            }
            m.elements.append(ElementSegment(type: type, mode: mode, items: items))
        }
    }

    private static func decodeBody(_ s: inout ByteReader, _ limits: Limits) throws(WasmError) -> FunctionBody {
        let size = Int(try s.u32())
        let range = try s.take(size)
        var b = ByteReader(s.bytes, from: range.lowerBound, to: range.upperBound)
        let groups = try b.count()
        var locals: [ValueType] = []
        var total = 0
        for _ in 0..<groups {
            let c = Int(try b.u32())
            total += c
            guard total <= limits.maxLocalsPerFunction else { throw .malformed("too many locals") }
            let t = try b.valueType()
            locals.append(contentsOf: repeatElement(t, count: c))
        }
        return FunctionBody(locals: locals, code: b.pos..<range.upperBound)
    }

    private static func decodeData(_ s: inout ByteReader) throws(WasmError) -> DataSegment {
        let flags = try s.u32()
        let mode: DataMode
        switch flags {
        case 0: mode = .active(memory: 0, offset: try constExpr(&s))
        case 1: mode = .passive
        case 2:
            let mem = try s.u32()
            mode = .active(memory: mem, offset: try constExpr(&s))
        default: throw .malformed("malformed data segment kind")
        }
        let n = try s.count()
        let r = try s.take(n)
        return DataSegment(mode: mode, bytes: Array(s.bytes[r]))
    }

    private static func buildIndexSpaces(_ m: Module) throws(WasmError) {
        for imp in m.imports {
            switch imp.descriptor {
            case .function(let t): m.allFunctionTypes.append(t); m.importedFunctionCount += 1
            case .table(let t): m.allTables.append(t); m.importedTableCount += 1
            case .memory(let l): m.allMemories.append(l); m.importedMemoryCount += 1
            case .global(let g): m.allGlobals.append(g); m.importedGlobalCount += 1
            }
        }
        m.allFunctionTypes.append(contentsOf: m.functionTypeIndices)
        m.allTables.append(contentsOf: m.tables)
        m.allMemories.append(contentsOf: m.memories)
        for g in m.globals { m.allGlobals.append(g.type) }
    }
}
