// The host-call ABI: an embedder implements `HostFunctions` (generic, no existentials) and
// declares each import with `Store.defineHostFunction`; arguments and results are typed slot views.

/// Implemented by the embedder. `function` is the index it chose in `defineHostFunction`.
/// `memory` is the calling instance's memory 0 (nil if it has none); use `checkedRange` on it.
public protocol HostFunctions {
    mutating func call(function: Int, args: HostArguments, results: inout HostResults, memory: Memory?) throws(Trap)
}

/// Read-only view of a host call's arguments (already type-checked against the declared signature).
public struct HostArguments {
    let base: UnsafePointer<UInt64>
    public let count: Int

    public func i32(_ i: Int) -> UInt32 { UInt32(truncatingIfNeeded: base[i]) }
    public func i64(_ i: Int) -> UInt64 { base[i] }
    public func f32(_ i: Int) -> Float { Float(bitPattern: UInt32(truncatingIfNeeded: base[i])) }
    public func f64(_ i: Int) -> Double { Double(bitPattern: base[i]) }
    public func slot(_ i: Int) -> UInt64 { base[i] }
}

/// Where a host function writes its results (one slot per declared result, zero-initialised).
public struct HostResults {
    let base: UnsafeMutablePointer<UInt64>
    public let count: Int

    public func set(_ i: Int, i32 v: UInt32) { base[i] = UInt64(v) }
    public func set(_ i: Int, i64 v: UInt64) { base[i] = v }
    public func set(_ i: Int, f32 v: Float) { base[i] = UInt64(v.bitPattern) }
    public func set(_ i: Int, f64 v: Double) { base[i] = v.bitPattern }
}

/// A host with no functions (modules without function imports).
public struct NoHostFunctions: HostFunctions {
    public init() {}
    public mutating func call(function: Int, args: HostArguments, results: inout HostResults, memory: Memory?) throws(Trap) {
        throw .host(code: -1, message: "no host functions")
    }
}
