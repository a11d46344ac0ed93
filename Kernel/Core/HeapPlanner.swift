// Chooses the heap's physical range: the largest available RAM region (multiboot2 memory map) above the
// kernel image, the info block and every module, below the identity-mapped limit. Validates modules.

public struct AddressRange: Equatable {
    public var start: UInt64
    public var end: UInt64
    public init(start: UInt64, end: UInt64) { self.start = start; self.end = end }
    public var size: UInt64 { end - start }
    public func overlaps(_ other: AddressRange) -> Bool { start < other.end && other.start < end }
}

public enum HeapPlanner {
    /// - Parameters:
    ///   - kernel: the kernel image (`__kernel_start..__kernel_end`, bss included).
    ///   - infoEnd: end of the multiboot2 info block.
    /// - Returns: the heap range, page (4 KiB) aligned.
    public static func plan(info: Multiboot2Info, kernel: AddressRange, infoEnd: UInt64) throws(MultibootError) -> AddressRange {
        var floor = max(kernel.end, infoEnd)
        for i in 0..<info.moduleCount {
            let m = info.module(i)
            let range = AddressRange(start: m.start, end: m.end)
            if range.overlaps(kernel) { throw .moduleOverlapsKernel(index: i, start: m.start, end: m.end) }
            floor = max(floor, m.end)
        }
        floor = (floor + 0xFFF) & ~0xFFF
        var best = AddressRange(start: 0, end: 0)
        for i in 0..<info.regionCount {
            let r = info.region(i)
            guard r.isAvailable else { continue }
            let start = max(r.base, floor)
            let end = min(r.end, Limits.identityMappedBytes) & ~0xFFF
            if end > start, end - start > best.size { best = AddressRange(start: start, end: end) }
        }
        guard best.size >= 1 << 20 else { throw .noUsableMemory(above: floor) }
        return best
    }
}
