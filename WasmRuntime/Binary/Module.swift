// The decoded (and, after validation, compiled) form of a module (§2.5).

/// A constant expression (§3.3.10): the few forms WebAssembly 2.0 allows.
enum ConstExpr: Equatable {
    case value(UInt64, ValueType) // i32/i64/f32/f64 constant, stored as its bit pattern
    case globalGet(UInt32)
    case refNull(ValueType)
    case refFunc(UInt32)
}

public enum ImportDescriptor: Equatable {
    case function(typeIndex: UInt32)
    case table(TableType)
    case memory(SizeLimits)
    case global(GlobalType)
}

public struct Import: Equatable {
    public var module: String
    public var name: String
    public var descriptor: ImportDescriptor
}

public struct Export: Equatable {
    public var name: String
    public var kind: ExternKind
    public var index: UInt32
}

struct GlobalDefinition {
    var type: GlobalType
    var initializer: ConstExpr
}

enum ElementMode: Equatable {
    case passive
    case declarative
    case active(table: UInt32, offset: ConstExpr)
}

struct ElementSegment {
    var type: ValueType
    var mode: ElementMode
    var items: [ConstExpr]
}

enum DataMode: Equatable {
    case passive
    case active(memory: UInt32, offset: ConstExpr)
}

struct DataSegment {
    var mode: DataMode
    var bytes: [UInt8]
}

/// A function body as decoded: its locals and the byte range of its expression.
struct FunctionBody {
    var locals: [ValueType]
    var code: Range<Int>
}

/// A decoded module. `compiled` holds the IR once validation succeeded.
public final class Module {
    var bytes: [UInt8] = []
    var types: [FuncType] = []
    public internal(set) var imports: [Import] = []
    var functionTypeIndices: [UInt32] = []     // defined functions only
    var tables: [TableType] = []                // defined tables only
    var memories: [SizeLimits] = []             // defined memories only
    var globals: [GlobalDefinition] = []        // defined globals only
    public internal(set) var exports: [Export] = []
    var start: UInt32?
    var elements: [ElementSegment] = []
    var data: [DataSegment] = []
    var dataCount: UInt32?
    var bodies: [FunctionBody] = []

    // Index spaces (imports first), filled by the decoder.
    var importedFunctionCount = 0
    var importedTableCount = 0
    var importedMemoryCount = 0
    var importedGlobalCount = 0
    var allFunctionTypes: [UInt32] = []         // type index of every function in the index space
    var allTables: [TableType] = []
    var allMemories: [SizeLimits] = []
    var allGlobals: [GlobalType] = []

    /// Compiled IR of every defined function, filled by the validator.
    var code: CompiledCode?

    init() {}

    public func functionType(_ index: Int) -> FuncType { types[Int(allFunctionTypes[index])] }

    public func export(named name: String) -> Export? {
        for e in exports where e.name.utf8.elementsEqual(name.utf8) { return e }
        return nil
    }
}
