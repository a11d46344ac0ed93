// A linear memory instance (§4.2.8): zero-filled bytes in 64 KiB pages, every access bounds-checked.

public final class Memory {
    /// Base of the bytes; valid for `byteCount` bytes until the next grow.
    public private(set) var base: UnsafeMutableRawPointer
    public private(set) var byteCount: Int
    private var capacity: Int
    let limits: SizeLimits
    let pageCap: UInt64

    /// Creates a memory of `limits.min` pages; `pageCap` is the engine-wide cap from `Limits`.
    public init(limits: SizeLimits, pageCap: UInt32) throws(WasmError) {
        guard limits.min <= UInt64(pageCap) else { throw .limit("memory of \(limits.min) pages exceeds the cap of \(pageCap)") }
        self.limits = limits
        self.pageCap = min(UInt64(pageCap), limits.max ?? 65536)
        self.byteCount = Int(limits.min) * wasmPageSize
        self.capacity = Swift.max(byteCount, 1)
        self.base = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        base.initializeMemory(as: UInt8.self, repeating: 0, count: capacity)
    }

    deinit { base.deallocate() }

    public var pages: UInt32 { UInt32(byteCount / wasmPageSize) }

    /// memory.grow (§4.4.7): the old size in pages, or -1 when the maximum or the cap forbids it.
    func grow(by delta: UInt32) -> Int32 {
        let old = UInt64(pages)
        let new = old + UInt64(delta)
        guard new <= pageCap else { return -1 }
        let newBytes = Int(new) * wasmPageSize
        if newBytes > capacity {
            let newCapacity = Swift.min(Swift.max(newBytes, capacity * 2), Int(pageCap) * wasmPageSize)
            let fresh = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
            fresh.copyMemory(from: base, byteCount: byteCount)
            (fresh + byteCount).initializeMemory(as: UInt8.self, repeating: 0, count: newCapacity - byteCount)
            base.deallocate()
            base = fresh
            capacity = newCapacity
        }
        byteCount = newBytes
        return Int32(truncatingIfNeeded: old)
    }

    /// The one bounds-checked view host functions use: `len` bytes at guest address `ptr`.
    public func checkedRange(_ ptr: UInt32, _ len: UInt32) throws(Trap) -> UnsafeMutableRawBufferPointer {
        let end = UInt64(ptr) + UInt64(len)
        guard end <= UInt64(byteCount) else { throw .memoryOutOfBounds }
        return UnsafeMutableRawBufferPointer(start: base + Int(ptr), count: Int(len))
    }

    /// Copies `bytes` to guest address `ptr` (bounds-checked).
    public func write(_ bytes: [UInt8], at ptr: UInt32) throws(Trap) {
        let dst = try checkedRange(ptr, UInt32(truncatingIfNeeded: bytes.count))
        guard UInt64(bytes.count) <= UInt64(UInt32.max) else { throw .memoryOutOfBounds }
        for i in 0..<bytes.count { dst[i] = bytes[i] }
    }

    /// Reads `len` bytes at guest address `ptr` (bounds-checked).
    public func read(_ ptr: UInt32, _ len: UInt32) throws(Trap) -> [UInt8] {
        let src = try checkedRange(ptr, len)
        return Array(src)
    }
}
