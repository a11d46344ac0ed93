// First-fit heap allocator over one contiguous region with arbitrary power-of-two alignment, splitting and
// coalescing. Free blocks form an address-ordered singly linked list stored inside the blocks themselves.
// Optionally (`cacheLimit` > 0) freed small blocks go to per-size LIFO lists first, so the many short-lived
// small allocations of a tool call cost O(1) instead of a walk of the free list; the cache is bounded and is
// returned to the free list (coalescing) before the heap reports exhaustion.
// Used for the kernel heap (posix_memalign/free) and tested on the host against a buffer standing in for RAM.
//
// Block layout (every block starts on a 16-byte granule, size a multiple of 16, header included):
//   allocated: [size: UInt64][tag: UInt64 = allocatedTag ^ size] payload...
//   free:      [size: UInt64][next: UInt64 (address of the next free block, 0 = none)] ...
//   cached:    [size: UInt64][tag: UInt64 = cachedTag ^ size][next cached block of this size: UInt64] ...

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
    /// Freed small blocks held by the cache (counted in `freeBytes`, not in `freeBlocks`).
    public var cachedBytes: Int = 0
    public var cachedBlocks: Int = 0
}

public struct Heap {
    static let allocatedTag: UInt64 = 0xA110_C8ED_5AFE_B10C
    static let cachedTag: UInt64 = 0xCAC4_ED5A_FEB1_0C00
    static let header = Limits.heapGranule
    static let cacheClasses = Limits.heapCacheMaxBlock / Limits.heapGranule + 1

    public let base: UInt
    public let end: UInt
    private var freeHead: UInt = 0
    public private(set) var usedBytes = 0
    public private(set) var liveAllocations = 0
    /// Small-block cache: head of the LIFO list of cached blocks per size (index = block size / granule).
    private var cacheHeads = InlineArray<65, UInt>(repeating: 0)
    private let cacheLimit: Int
    private var cachedBytes = 0
    private var cachedBlocks = 0

    /// Takes ownership of [start, start + size); the range is aligned inward to the granule. `cacheLimit`:
    /// bytes of freed small blocks kept for reuse without coalescing (0 = no cache).
    public init(start: UInt, size: Int, cacheLimit: Int = 0) {
        precondition(Self.cacheClasses <= 65, "Limits.heapCacheMaxBlock exceeds the cache's size classes")
        self.cacheLimit = cacheLimit
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
        guard size >= 0, UInt(size) < UInt(totalBytes) else { throw .outOfMemory(size: size, alignment: alignment) }
        let need = (UInt(max(size, 1)) + g - 1) & ~(g - 1) + UInt(Self.header)
        guard need < UInt(totalBytes) else { throw .outOfMemory(size: size, alignment: alignment) }
        if align == g, need <= UInt(Limits.heapCacheMaxBlock) {
            // A cached block of exactly this size, or one granule more (a split leaves no smaller tail).
            if let p = takeCached(size: need) ?? takeCached(size: need + g) { return p }
        }
        if let p = firstFit(need: need, align: align) { return p }
        if cachedBlocks > 0 {                              // give the cache back (coalescing), then retry
            flushCache()
            if let p = firstFit(need: need, align: align) { return p }
        }
        throw .outOfMemory(size: size, alignment: alignment)
    }

    /// First fit over the free list; nil when no block has room.
    private mutating func firstFit(need: UInt, align: UInt) -> UnsafeMutableRawPointer? {
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
        return nil
    }

    private mutating func takeCached(size: UInt) -> UnsafeMutableRawPointer? {
        let k = Int(size) / Limits.heapGranule
        guard k < Self.cacheClasses else { return nil }
        let block = cacheHeads[k]
        guard block != 0 else { return nil }
        cacheHeads[k] = UInt(Self.load(block, 16))
        cachedBytes -= Int(size)
        cachedBlocks -= 1
        Self.store(block, 8, Self.allocatedTag ^ UInt64(size))
        usedBytes += Int(size)
        liveAllocations += 1
        return UnsafeMutableRawPointer(bitPattern: block + UInt(Self.header))!
    }

    /// Returns every cached block to the free list (coalescing with its neighbours).
    public mutating func flushCache() {
        for k in 0..<Self.cacheClasses {
            var block = cacheHeads[k]
            cacheHeads[k] = 0
            while block != 0 {
                let next = UInt(Self.load(block, 16))
                let size = Self.load(block, 0)
                cachedBytes -= Int(size)
                cachedBlocks -= 1
                Self.store(block, 8, 0)
                releaseToFreeList(block, size: UInt(size))
                block = next
            }
        }
    }

    /// Returns a block to the small-block cache or to the free list, merging it with free neighbours.
    public mutating func free(_ pointer: UnsafeMutableRawPointer) throws(HeapError) {
        let payload = UInt(bitPattern: pointer)
        guard payload >= base + UInt(Self.header), payload < end, payload % UInt(Limits.heapGranule) == 0 else {
            throw .invalidPointer(payload)
        }
        let block = payload - UInt(Self.header)
        let size = Self.load(block, 0)
        guard Self.load(block, 8) == Self.allocatedTag ^ size, size >= UInt64(Self.header),
              block + UInt(size) <= end else { throw .doubleFreeOrCorruption(payload) }
        usedBytes -= Int(size)
        liveAllocations -= 1
        if size <= UInt64(Limits.heapCacheMaxBlock), cachedBytes + Int(size) <= cacheLimit {
            let k = Int(size) / Limits.heapGranule
            Self.store(block, 8, Self.cachedTag ^ size)     // not the allocated tag: a second free is detected
            Self.store(block, 16, UInt64(cacheHeads[k]))
            cacheHeads[k] = block
            cachedBytes += Int(size)
            cachedBlocks += 1
            return
        }
        Self.store(block, 8, 0)                           // destroy the tag: a second free is detected
        releaseToFreeList(block, size: UInt(size))
    }

    /// Inserts [block, block + size) into the address-ordered free list, merging with free neighbours.
    private mutating func releaseToFreeList(_ start: UInt, size: UInt) {
        var block = start
        var blockSize = size
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
        return HeapStatistics(totalBytes: totalBytes, usedBytes: usedBytes, freeBytes: free + cachedBytes,
                              largestFreeBlock: largest, freeBlocks: count, liveAllocations: liveAllocations,
                              cachedBytes: cachedBytes, cachedBlocks: cachedBlocks)
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
