// Module-level types of WebAssembly 2.0 (§2.3): value, function, table, memory and global types.

public enum ValueType: UInt8, Sendable, Equatable {
    case i32 = 0x7F
    case i64 = 0x7E
    case f32 = 0x7D
    case f64 = 0x7C
    case v128 = 0x7B
    case funcref = 0x70
    case externref = 0x6F

    public var isReference: Bool { self == .funcref || self == .externref }
    public var isNumeric: Bool { !isReference && self != .v128 }
}

public struct FuncType: Equatable, Sendable {
    public var params: [ValueType]
    public var results: [ValueType]
    public init(_ params: [ValueType], _ results: [ValueType]) {
        self.params = params
        self.results = results
    }
}

/// Limits of a table or memory (§2.3.7), in elements or 64 KiB pages.
public struct SizeLimits: Equatable, Sendable {
    public var min: UInt64
    public var max: UInt64?
    public init(min: UInt64, max: UInt64?) { self.min = min; self.max = max }

    /// Import subtyping (§4.5.2.5): self (actual) matches `required`.
    func matches(_ required: SizeLimits) -> Bool {
        if min < required.min { return false }
        if let rmax = required.max {
            guard let m = max, m <= rmax else { return false }
        }
        return true
    }
}

public struct TableType: Equatable, Sendable {
    public var element: ValueType
    public var limits: SizeLimits
    public init(element: ValueType, limits: SizeLimits) { self.element = element; self.limits = limits }
}

public struct GlobalType: Equatable, Sendable {
    public var value: ValueType
    public var mutable: Bool
    public init(value: ValueType, mutable: Bool) { self.value = value; self.mutable = mutable }
}

public enum ExternKind: UInt8, Sendable { case function = 0, table = 1, memory = 2, global = 3 }

/// The wasm page size in bytes.
public let wasmPageSize = 65_536
