// Non-allocating parser of the multiboot2 boot information (multiboot2 spec §3.6): command line (tag 1),
// modules (tag 3), memory map (tag 6); other tags (framebuffer, ...) are skipped. Runs before the heap exists.

/// A memory-map entry (multiboot2 §3.6.8). `type` 1 = available RAM.
public struct MemoryRegion: Equatable {
    public var base: UInt64
    public var length: UInt64
    public var type: UInt32
    public init(base: UInt64, length: UInt64, type: UInt32) { self.base = base; self.length = length; self.type = type }
    public var end: UInt64 { base &+ length }
    public var isAvailable: Bool { type == 1 }
}

/// A module loaded by GRUB (`module2 path name`): physical range [start, end) and the name bytes' location.
public struct BootModule: Equatable {
    public var start: UInt64
    public var end: UInt64
    /// Offset and length of the name (the module command line) inside the info block.
    public var nameOffset: Int
    public var nameLength: Int
    public var size: UInt64 { end - start }
}

public struct Multiboot2Info {
    public static let bootloaderMagic: UInt32 = 0x36D7_6289
    public let bytes: UnsafeRawBufferPointer
    /// Offset/length of the command-line string (without NUL); length 0 when absent.
    public private(set) var commandLineOffset = 0
    public private(set) var commandLineLength = 0
    /// Offset of the first memory-map entry, the entry size and count.
    public private(set) var memoryMapOffset = 0
    public private(set) var memoryMapEntrySize = 0
    public private(set) var regionCount = 0
    /// Modules in tag order (fixed capacity: no heap yet). NOTE: 32 must equal Limits.bootModulesMax
    /// (a generic value parameter cannot name a constant).
    public private(set) var modules = InlineArray<32, BootModule>(repeating: BootModule(start: 0, end: 0, nameOffset: 0, nameLength: 0))
    public private(set) var moduleCount = 0

    /// Validates every tag. `bytes` must cover at least the declared total_size.
    public init(magic: UInt32, bytes: UnsafeRawBufferPointer) throws(MultibootError) {
        guard magic == Self.bootloaderMagic else { throw .badMagic(magic) }
        self.bytes = bytes
        guard bytes.count >= 8 else { throw .infoTruncated(declared: 8, available: bytes.count) }
        let total = Int(Self.u32(bytes, 0))
        guard total >= 16, total <= bytes.count else { throw .infoTruncated(declared: total, available: bytes.count) }
        var offset = 8
        var sawEnd = false
        while offset + 8 <= total {
            let type = Self.u32(bytes, offset)
            let size = Int(Self.u32(bytes, offset + 4))
            guard size >= 8 else { throw .tagTooSmall(type: type, size: size) }
            guard offset + size <= total else { throw .tagOverrun(type: type, offset: offset, size: size) }
            switch type {
            case 0:
                sawEnd = true
            case 1:
                commandLineOffset = offset + 8
                commandLineLength = Self.cStringLength(bytes, from: offset + 8, limit: offset + size)
            case 3:
                guard size >= 16 else { throw .tagTooSmall(type: type, size: size) }
                guard moduleCount < Limits.bootModulesMax else { throw .tooManyModules(moduleCount + 1) }
                let start = UInt64(Self.u32(bytes, offset + 8)), end = UInt64(Self.u32(bytes, offset + 12))
                guard end > start else { throw .moduleInvalidRange(index: moduleCount, start: start, end: end) }
                modules[moduleCount] = BootModule(start: start, end: end, nameOffset: offset + 16,
                                                  nameLength: Self.cStringLength(bytes, from: offset + 16, limit: offset + size))
                moduleCount += 1
            case 6:
                guard size >= 16 else { throw .tagTooSmall(type: type, size: size) }
                let entrySize = Int(Self.u32(bytes, offset + 8))
                guard entrySize >= 24, entrySize % 8 == 0 else { throw .malformedMemoryMap(entrySize: entrySize) }
                let count = (size - 16) / entrySize
                guard count <= Limits.memoryRegionsMax else { throw .tooManyRegions(count) }
                memoryMapOffset = offset + 16
                memoryMapEntrySize = entrySize
                regionCount = count
                for i in 0..<count where Self.u64(bytes, memoryMapOffset + i * entrySize + 8) == 0 {
                    throw .emptyMemoryRegion(index: i)
                }
            default:
                break
            }
            if sawEnd { break }
            offset += (size + 7) & ~7
        }
        guard sawEnd else { throw .missingEndTag }
        guard memoryMapEntrySize != 0, regionCount > 0 else { throw .missingMemoryMap }
    }

    /// Declared size of the info block (bytes).
    public var totalSize: Int { Int(Self.u32(bytes, 0)) }

    public func region(_ index: Int) -> MemoryRegion {
        let at = memoryMapOffset + index * memoryMapEntrySize
        return MemoryRegion(base: Self.u64(bytes, at), length: Self.u64(bytes, at + 8), type: Self.u32(bytes, at + 16))
    }

    public func module(_ index: Int) -> BootModule { modules[index] }

    /// Command line bytes (empty when GRUB passed none).
    public var commandLine: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[commandLineOffset..<(commandLineOffset + commandLineLength)])
    }

    public func moduleName(_ index: Int) -> UnsafeRawBufferPointer {
        let m = modules[index]
        return UnsafeRawBufferPointer(rebasing: bytes[m.nameOffset..<(m.nameOffset + m.nameLength)])
    }

    static func u32(_ b: UnsafeRawBufferPointer, _ at: Int) -> UInt32 { b.loadUnaligned(fromByteOffset: at, as: UInt32.self) }
    static func u64(_ b: UnsafeRawBufferPointer, _ at: Int) -> UInt64 { b.loadUnaligned(fromByteOffset: at, as: UInt64.self) }
    static func cStringLength(_ b: UnsafeRawBufferPointer, from: Int, limit: Int) -> Int {
        var i = from
        while i < limit, b[i] != 0 { i += 1 }
        return i - from
    }
}
