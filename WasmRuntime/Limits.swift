// Every resource limit of the WebAssembly engine in one place (cf. wasm3 m3_config.h).
// An embedder may pass its own `Limits` value to a `Store`; these are the defaults.

public struct Limits: Sendable {
    /// Largest module binary accepted by the decoder, in bytes.
    public var maxModuleBytes: Int = 16 << 20
    /// Most sections (custom ones included) a module may contain.
    public var maxSections: Int = 1024
    /// Most functions, types, imports, exports, globals, segments each (decoder-side count cap).
    public var maxItemsPerSection: Int = 100_000
    /// Most locals (params included) one function may declare.
    public var maxLocalsPerFunction: Int = 50_000
    /// Maximum nesting of blocks in one function body.
    public var maxControlDepth: Int = 10_000
    /// Cap on linear-memory size in 64 KiB pages (spec max is 65536); grow beyond returns -1.
    public var maxMemoryPages: UInt32 = 16_384
    /// Cap on table length in elements; grow beyond returns -1.
    public var maxTableElements: UInt32 = 1_000_000
    /// Maximum wasm call depth before the "call stack exhausted" trap (no host recursion per call).
    public var maxCallDepth: Int = 10_000
    /// Size of the operand/local value stack in 64-bit slots (8 bytes each).
    public var valueStackSlots: Int = 1 << 20
    /// Default fuel (instructions) for an invocation; `nil` means unmetered.
    public var defaultFuel: Int64? = nil

    public init() {}
}
