// A module instance (§4.2.5): the module's index spaces resolved to store addresses and objects.

public final class Instance {
    public let module: Module
    let index: Int                        // position in `Store.instances`
    var functions: [Int] = []             // store function addresses, by function index
    var typeIDs: [Int] = []               // canonical type id per module type index
    var tables: [Table] = []
    var memories: [Memory] = []
    var globals: [Global] = []
    var elements: [[UInt64]] = []         // element segments (emptied by elem.drop)
    var data: [[UInt8]] = []              // data segments (emptied by data.drop)

    init(module: Module, index: Int) {
        self.module = module
        self.index = index
    }

    /// Memory 0, if the module has one.
    public var memory: Memory? { memories.first }

    /// The export `name` as an extern value.
    public func export(_ name: String) -> Extern? {
        guard let e = module.export(named: name) else { return nil }
        let i = Int(e.index)
        switch e.kind {
        case .function: return .function(functions[i])
        case .table: return .table(tables[i])
        case .memory: return .memory(memories[i])
        case .global: return .global(globals[i])
        }
    }
}

/// An external value (§4.2.11) that can satisfy an import.
public enum Extern {
    case function(Int)    // store function address
    case table(Table)
    case memory(Memory)
    case global(Global)
}

/// A function in the store: either wasm code of an instance or a host function. Plain integers
/// only, so a call copies no reference-counted fields.
struct FunctionEntry {
    var typeID: Int        // canonical type (Store.types)
    var instance: Int      // -1 for host functions
    var index: Int         // defined-function index in the instance's module, or the host index
    var paramCount: Int
    var resultCount: Int
    var entry: Int         // first IR instruction (wasm functions)
    var localCount: Int    // non-parameter locals to zero on entry
    var maxHeight: Int     // frame size in slots: locals + deepest operand stack
}
