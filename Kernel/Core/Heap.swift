// First-fit heap allocator over one contiguous region with arbitrary power-of-two alignment, splitting and
// coalescing. Free blocks form an address-ordered singly linked list stored inside the blocks themselves.
// Used for the kernel heap (posix_memalign/free) and tested on the host against a buffer standing in for RAM.
//
// Block layout (every block starts on a 16-byte granule, size a multiple of 16, header included):
//   allocated: [size: UInt64][tag: UInt64 = allocatedTag ^ size] payload...
//   free:      [size: UInt64][next: UInt64 (address of the next free block, 0 = none)] ...

public enum HeapError: Error, Equatable {
    case outOfMemory(size: Int, alignment: Int)
    case badAlignment(Int)
    case invalidPointer(UInt)
    case doubleFreeOrCorruption(UInt)

    public var message: String {
        switch self {
        case .outOfMemory(let s, let a): return "heap exhausted: no free block for " + String(s) + " bytes aligned to " + String(a)
        case .badAlignment(let a): return "allocation alignment " + String(a) + " is not a power of two"
        case .invalidPointer(let p): return "free of pointer 0x" + hex(UInt64(p)) + " outside the heap"
        case .doubleFreeOrCorruption(let p): return "free of 0x" + hex(UInt64(p)) + ": block header corrupt or already freed"
        }
    }
}

public struct HeapStatistics: Equatable {
    public var totalBytes: Int
    public var usedBytes: Int
    public var freeBytes: Int
    public var largestFreeBlock: Int
    public var freeBlocks: Int
    public var liveAllocations: Int
}

public struct Heap {
    static let allocatedTag: UInt64 = 0xA110_C8ED_5AFE_B10C
    static let header = Limits.heapGranule

    public let base: UInt
    public let end: UInt
    private var freeHead: UInt = 0
    public private(set) var usedBytes = 0
    public private(set) var liveAllocations = 0

    /// Takes ownership of [start, start + size); the range is aligned inward to the granule.
    public init(start: UInt, size: Int) {
        let g = UInt(Limits.heapGranule)
        base = (start + g - 1) & ~(g - 1)
        end = (start + UInt(size)) & ~(g - 1)
        if end > base + UInt(Limits.heapMinBlock) {
            freeHead = base
            Self.store(base, 0, UInt64(end - base))
            Self.store(base, 8, 0)
        }
    }

    public var totalBytes: Int { Int(end - base) }

    /// Allocates `size` bytes whose address is a multiple of `alignment` (a power of two, any size).
    public mutating func allocate(size: Int, alignment: Int) throws(HeapError) -> UnsafeMutableRawPointer {
        guard alignment > 0, alignment & (alignment - 1) == 0 else { throw .badAlignment(alignment) }
        let align = UInt(max(alignment, Limits.heapGranule))
        let g = UInt(Limits.heapGranule)
        let need = (UInt(max(size, 1)) + g - 1) & ~(g - 1) + UInt(Self.header)
        guard size >= 0, need < UInt(totalBytes) else { throw .outOfMemory(size: size, alignment: alignment) }
        var prev: UInt = 0
        var block = freeHead
        while block != 0 {
            let blockSize = UInt(Self.load(block, 0))
            let next = UInt(Self.load(block, 8))
            let blockEnd = block + blockSize
            // First payload position with room for the header; a leading gap must be empty or a whole block.
            var payload = (block + UInt(Self.header) + align - 1) & ~(align - 1)
            while payload - UInt(Self.header) != block, payload - UInt(Self.header) - block < UInt(Limits.heapMinBlock) {
                payload += align
            }
            let start = payload - UInt(Self.header)
            if start + need <= blockEnd {
                // Leading fragment stays a free block in place of `block`; otherwise unlink `block`.
                var linkPrev = prev
                if start != block {
                    Self.store(block, 0, UInt64(start - block))
                    linkPrev = block
                } else {
                    setNext(of: prev, to: next)
                }
                var used = need
                let tail = blockEnd - (start + need)
                if tail >= UInt(Limits.heapMinBlock) {
                    let t = start + need
                    Self.store(t, 0, UInt64(tail))
                    Self.store(t, 8, UInt64(next))
                    setNext(of: linkPrev, to: t)
                } else {
                    used += tail
                    setNext(of: linkPrev, to: next)
                }
                Self.store(start, 0, UInt64(used))
                Self.store(start, 8, Self.allocatedTag ^ UInt64(used))
                usedBytes += Int(used)
                liveAllocations += 1
                return UnsafeMutableRawPointer(bitPattern: payload)!
            }
            prev = block
            block = next
        }
        throw .outOfMemory(size: size, alignment: alignment)
    }

    /// Returns a block to the free list, merging it with free neighbours.
    public mutating func free(_ pointer: UnsafeMutableRawPointer) throws(HeapError) {
        let payload = UInt(bitPattern: pointer)
        guard payload >= base + UInt(Self.header), payload < end, payload % UInt(Limits.heapGranule) == 0 else {
            throw .invalidPointer(payload)
        }
        var block = payload - UInt(Self.header)
        let size = Self.load(block, 0)
        guard Self.load(block, 8) == Self.allocatedTag ^ size, size >= UInt64(Self.header),
              block + UInt(size) <= end else { throw .doubleFreeOrCorruption(payload) }
        usedBytes -= Int(size)
        liveAllocations -= 1
        var blockSize = UInt(size)
        Self.store(block, 8, 0)                           // destroy the tag: a second free is detected
        var prev: UInt = 0
        var next = freeHead
        while next != 0, next < block { prev = next; next = UInt(Self.load(next, 8)) }
        if next != 0, block + blockSize == next {         // merge with the following free block
            blockSize += UInt(Self.load(next, 0))
            next = UInt(Self.load(next, 8))
        }
        if prev != 0, prev + UInt(Self.load(prev, 0)) == block {   // merge into the preceding free block
            block = prev
            blockSize += UInt(Self.load(prev, 0))
        } else {
            setNext(of: prev, to: block)
        }
        Self.store(block, 0, UInt64(blockSize))
        Self.store(block, 8, UInt64(next))
    }

    /// Usable bytes of an allocated block (at least the size requested).
    public func usableSize(_ pointer: UnsafeMutableRawPointer) -> Int {
        let block = UInt(bitPattern: pointer) - UInt(Self.header)
        return Int(block + UInt(Self.load(block, 0)) - UInt(bitPattern: pointer))
    }

    public func statistics() -> HeapStatistics {
        var free = 0, largest = 0, count = 0
        var block = freeHead
        while block != 0 {
            let s = Int(Self.load(block, 0))
            free += s; largest = max(largest, s); count += 1
            block = UInt(Self.load(block, 8))
        }
        return HeapStatistics(totalBytes: totalBytes, usedBytes: usedBytes, freeBytes: free,
                              largestFreeBlock: largest, freeBlocks: count, liveAllocations: liveAllocations)
    }

    private mutating func setNext(of prev: UInt, to value: UInt) {
        if prev == 0 { freeHead = value } else { Self.store(prev, 8, UInt64(value)) }
    }
    private static func load(_ address: UInt, _ offset: Int) -> UInt64 {
        UnsafeRawPointer(bitPattern: address)!.load(fromByteOffset: offset, as: UInt64.self)
    }
    private static func store(_ address: UInt, _ offset: Int, _ value: UInt64) {
        UnsafeMutableRawPointer(bitPattern: address)!.storeBytes(of: value, toByteOffset: offset, as: UInt64.self)
    }
}
