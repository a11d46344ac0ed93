// Instantiation (§4.5.4): resolve imports, allocate functions/tables/memories/globals, apply
// active element and data segments in order, then run the start function.

extension Store {
    /// Links `module` against the store's definitions and instantiates it.
    public func instantiate(_ module: Module) throws(WasmError) -> Instance {
        let inst = Instance(module: module, index: instances.count)
        inst.typeIDs = module.types.map { typeID($0) }
        for imp in module.imports {
            guard let ext = definitions[Store.key(imp.module, imp.name)] else {
                throw .link("unknown import \"\(imp.module)\".\"\(imp.name)\"")
            }
            let what = "\"\(imp.module)\".\"\(imp.name)\""
            switch (imp.descriptor, ext) {
            case (.function(let ti), .function(let addr)):
                guard types[functions[addr].typeID] == module.types[Int(ti)] else { throw .link("incompatible import type for \(what)") }
                inst.functions.append(addr)
            case (.table(let tt), .table(let t)):
                guard t.type.element == tt.element, t.currentLimits.matches(tt.limits) else { throw .link("incompatible import type for \(what)") }
                inst.tables.append(t)
            case (.memory(let l), .memory(let m)):
                guard SizeLimits(min: UInt64(m.pages), max: m.limits.max).matches(l) else { throw .link("incompatible import type for \(what)") }
                inst.memories.append(m)
            case (.global(let gt), .global(let g)):
                guard g.type == gt else { throw .link("incompatible import type for \(what)") }
                inst.globals.append(g)
            default:
                throw .link("incompatible import type for \(what)")
            }
        }
        instances.append(inst)
        for (i, ti) in module.functionTypeIndices.enumerated() {
            let cf = module.code!.functions[i]
            functions.append(FunctionEntry(typeID: inst.typeIDs[Int(ti)], instance: inst.index, index: i,
                                           paramCount: cf.paramCount, resultCount: cf.resultCount, entry: cf.entry,
                                           localCount: cf.localCount, maxHeight: cf.maxHeight))
            inst.functions.append(functions.count - 1)
        }
        for t in module.tables { inst.tables.append(try Table(type: t, cap: limits.maxTableElements)) }
        for m in module.memories { inst.memories.append(try Memory(limits: m, pageCap: limits.maxMemoryPages)) }
        for g in module.globals { inst.globals.append(Global(type: g.type, bits: evaluate(g.initializer, inst))) }
        for seg in module.elements { inst.elements.append(seg.items.map { evaluate($0, inst) }) }
        for seg in module.data { inst.data.append(seg.bytes) }

        for (i, seg) in module.elements.enumerated() {
            switch seg.mode {
            case .passive: break
            case .declarative: inst.elements[i] = []
            case .active(let ti, let offsetExpr):
                let offset = UInt64(UInt32(truncatingIfNeeded: evaluate(offsetExpr, inst)))
                let table = inst.tables[Int(ti)]
                let items = inst.elements[i]
                guard offset + UInt64(items.count) <= UInt64(table.size) else { throw .trap(.tableOutOfBounds) }
                for (k, v) in items.enumerated() { table.elements[Int(offset) + k] = v }
                inst.elements[i] = []
            }
        }
        for (i, seg) in module.data.enumerated() {
            guard case .active(_, let offsetExpr) = seg.mode else { continue }
            let offset = UInt64(UInt32(truncatingIfNeeded: evaluate(offsetExpr, inst)))
            let mem = inst.memories[0]
            guard offset + UInt64(seg.bytes.count) <= UInt64(mem.byteCount) else { throw .trap(.memoryOutOfBounds) }
            for (k, b) in seg.bytes.enumerated() { mem.base.storeBytes(of: b, toByteOffset: Int(offset) + k, as: UInt8.self) }
            inst.data[i] = []
        }
        if let s = module.start {
            _ = try invoke(function: inst.functions[Int(s)], [])
        }
        return inst
    }

    /// Evaluates a validated constant expression in the context of a (partially built) instance.
    func evaluate(_ e: ConstExpr, _ inst: Instance) -> UInt64 {
        switch e {
        case .value(let bits, _): return bits
        case .globalGet(let g): return inst.globals[Int(g)].bits
        case .refNull: return 0
        case .refFunc(let f): return UInt64(inst.functions[Int(f)]) + 1
        }
    }
}
