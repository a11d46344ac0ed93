// The heap's small-block cache: O(1) reuse of freed small blocks, double-free detection, the byte bound, and
// exhaustion giving the cache back to the free list (coalesced) before reporting out of memory.
import Testing
@testable import KernelCore

@Test func cachedSmallBlockIsReusedFirst() throws {
    let region = FakeRegion(size: 1 << 20)
    var heap = Heap(start: region.start, size: 1 << 20, cacheLimit: 64 << 10)
    let a = try heap.allocate(size: 40, alignment: 8)
    let b = try heap.allocate(size: 40, alignment: 8)
    try heap.free(a)
    var s = heap.statistics()
    #expect(s.cachedBlocks == 1 && s.cachedBytes == 64 && s.liveAllocations == 1)
    #expect(s.freeBytes + s.usedBytes == heap.totalBytes)
    let c = try heap.allocate(size: 33, alignment: 16)      // same 64-byte block size
    #expect(c == a)
    s = heap.statistics()
    #expect(s.cachedBlocks == 0 && s.liveAllocations == 2)
    #expect(heap.usableSize(c) >= 33)
    try heap.free(b); try heap.free(c)
    s = heap.statistics()
    #expect(s.usedBytes == 0 && s.freeBytes == heap.totalBytes && s.cachedBlocks == 2)
}

@Test func cachedBlockFreedTwiceIsCaught() throws {
    let region = FakeRegion(size: 1 << 20)
    var heap = Heap(start: region.start, size: 1 << 20, cacheLimit: 64 << 10)
    let p = try heap.allocate(size: 100, alignment: 16)
    try heap.free(p)
    #expect(throws: HeapError.doubleFreeOrCorruption(UInt(bitPattern: p))) { try heap.free(p) }
}

@Test func largeOrOverAlignedBlocksBypassTheCache() throws {
    let region = FakeRegion(size: 1 << 20)
    var heap = Heap(start: region.start, size: 1 << 20, cacheLimit: 64 << 10)
    let big = try heap.allocate(size: 2000, alignment: 16)
    let aligned = try heap.allocate(size: 64, alignment: 256)
    #expect(UInt(bitPattern: aligned) % 256 == 0)
    try heap.free(big)
    #expect(heap.statistics().cachedBlocks == 0)
    try heap.free(aligned)                                   // a small block: cached …
    let again = try heap.allocate(size: 64, alignment: 256)  // … but an over-aligned request takes the free list
    #expect(UInt(bitPattern: again) % 256 == 0)
}

@Test func cacheHoldsAtMostItsLimit() throws {
    let region = FakeRegion(size: 1 << 20)
    var heap = Heap(start: region.start, size: 1 << 20, cacheLimit: 1024)
    let ps = try (0..<100).map { _ throws(HeapError) in try heap.allocate(size: 48, alignment: 16) }
    for p in ps { try heap.free(p) }
    let s = heap.statistics()
    #expect(s.cachedBytes <= 1024 && s.cachedBytes == 1024 / 64 * 64 && s.cachedBlocks == 16)
    #expect(s.usedBytes == 0 && s.freeBytes == heap.totalBytes)
}

@Test func exhaustionFlushesTheCacheAndCoalesces() throws {
    let region = FakeRegion(size: 1 << 20)
    var heap = Heap(start: region.start, size: 64 << 10, cacheLimit: 1 << 20)
    var ps: [UnsafeMutableRawPointer] = []
    while let p = try? heap.allocate(size: 100, alignment: 16) { ps.append(p) }   // fill the heap
    #expect(ps.count > 400)
    for p in ps { try heap.free(p) }
    #expect(heap.statistics().cachedBlocks == ps.count && heap.statistics().freeBlocks <= 1)
    let big = try heap.allocate(size: 40 << 10, alignment: 16)  // only fits once the cache is coalesced
    try heap.free(big)
    let s = heap.statistics()
    #expect(s.cachedBlocks == 0 && s.freeBlocks == 1 && s.largestFreeBlock == heap.totalBytes)
}
