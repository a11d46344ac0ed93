// Why the multiboot2 boot information (or the memory layout it describes) cannot be used.
public enum MultibootError: Error, Equatable {
    case badMagic(UInt32)
    case infoTruncated(declared: Int, available: Int)
    case tagOverrun(type: UInt32, offset: Int, size: Int)
    case tagTooSmall(type: UInt32, size: Int)
    case missingEndTag
    case missingMemoryMap
    case malformedMemoryMap(entrySize: Int)
    case emptyMemoryRegion(index: Int)
    case tooManyRegions(Int)
    case tooManyModules(Int)
    case moduleInvalidRange(index: Int, start: UInt64, end: UInt64)
    case moduleOverlapsKernel(index: Int, start: UInt64, end: UInt64)
    case noUsableMemory(above: UInt64)

    /// One-line explanation for the boot panic message.
    public var message: String {
        switch self {
        case .badMagic(let m): return "bad multiboot2 magic 0x" + hex(UInt64(m)) + " (expected 0x36d76289): not booted by a multiboot2 loader"
        case .infoTruncated(let d, let a): return "multiboot2 info truncated: total_size " + String(d) + " but only " + String(a) + " bytes valid"
        case .tagOverrun(let t, let o, let s): return "multiboot2 tag type " + String(t) + " at offset " + String(o) + " (size " + String(s) + ") runs past the info block"
        case .tagTooSmall(let t, let s): return "multiboot2 tag type " + String(t) + " too small (" + String(s) + " bytes)"
        case .missingEndTag: return "multiboot2 info has no end tag"
        case .missingMemoryMap: return "multiboot2 info has no memory map tag (type 6)"
        case .malformedMemoryMap(let e): return "multiboot2 memory map malformed (entry size " + String(e) + ")"
        case .emptyMemoryRegion(let i): return "multiboot2 memory map entry " + String(i) + " has zero length"
        case .tooManyRegions(let n): return "multiboot2 memory map has " + String(n) + " entries (limit " + String(Limits.memoryRegionsMax) + ")"
        case .tooManyModules(let n): return "multiboot2 info has " + String(n) + " modules (limit " + String(Limits.bootModulesMax) + ")"
        case .moduleInvalidRange(let i, let s, let e): return "module " + String(i) + " has invalid range 0x" + hex(s) + "..0x" + hex(e)
        case .moduleOverlapsKernel(let i, let s, let e): return "module " + String(i) + " at 0x" + hex(s) + "..0x" + hex(e) + " overlaps the kernel image"
        case .noUsableMemory(let a): return "no usable RAM (type 1) above 0x" + hex(a) + " for the heap"
        }
    }
}

/// Lower-case hexadecimal without prefix.
public func hex(_ value: UInt64) -> String {
    String(value, radix: 16)
}
