// A table instance (§4.2.7): references stored as 64-bit slots (0 = null).

public final class Table {
    var elements: [UInt64]
    public let type: TableType
    let cap: UInt64

    public init(type: TableType, cap: UInt32, initial: UInt64 = 0) throws(WasmError) {
        guard type.limits.min <= UInt64(cap) else { throw .limit("table of \(type.limits.min) elements exceeds the cap of \(cap)") }
        self.type = type
        self.cap = min(UInt64(cap), type.limits.max ?? UInt64(UInt32.max))
        self.elements = Array(repeating: initial, count: Int(type.limits.min))
    }

    public var size: UInt32 { UInt32(elements.count) }

    /// table.grow (§4.4.6): the old size, or -1 when the maximum or the cap forbids it.
    func grow(by delta: UInt32, value: UInt64) -> Int32 {
        let old = UInt64(elements.count)
        guard old + UInt64(delta) <= cap else { return -1 }
        elements.append(contentsOf: repeatElement(value, count: Int(delta)))
        return Int32(truncatingIfNeeded: old)
    }

    /// Current limits as seen by import matching (§4.5.2.5).
    var currentLimits: SizeLimits { SizeLimits(min: UInt64(elements.count), max: type.limits.max) }
}

/// A global instance (§4.2.9).
public final class Global {
    public var bits: UInt64
    public let type: GlobalType
    public init(type: GlobalType, bits: UInt64) { self.type = type; self.bits = bits }
}
