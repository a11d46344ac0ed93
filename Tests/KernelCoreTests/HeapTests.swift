// Heap allocator against a host buffer standing in for physical RAM: alignment, reuse, coalescing, errors.
import Testing
@testable import KernelCore

/// A 2 MiB-aligned region of `size` bytes carved from a larger host allocation.
final class FakeRegion {
    let raw: UnsafeMutableRawPointer
    let start: UInt
    init(size: Int) {
        raw = UnsafeMutableRawPointer.allocate(byteCount: size + (2 << 20), alignment: 4096)
        start = (UInt(bitPattern: raw) + (2 << 20) - 1) & ~((2 << 20) - 1)
    }
    deinit { raw.deallocate() }
}

@Test func allocationsAreAlignedDisjointAndFreed() throws {
    let region = FakeRegion(size: 16 << 20)
    var heap = Heap(start: region.start + 48, size: (16 << 20) - 48)
    let total = heap.statistics().freeBytes
    var live: [(UnsafeMutableRawPointer, Int)] = []
    var seed: UInt64 = 42
    for i in 0..<2000 {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        let size = Int(seed >> 52) + 1                               // 1 ... 4096 bytes
        let align = 1 << Int((seed >> 20) % 13)                      // 1 ... 4096
        let p = try heap.allocate(size: size, alignment: align)
        #expect(UInt(bitPattern: p) % UInt(align) == 0)
        #expect(heap.usableSize(p) >= size)
        p.initializeMemory(as: UInt8.self, repeating: UInt8(truncatingIfNeeded: i), count: size)
        live.append((p, size))
        if i % 3 == 0 {                                              // free an older one
            let (q, _) = live.remove(at: Int(seed % UInt64(live.count)))
            try heap.free(q)
        }
    }
    // Every live block still holds its own fill pattern: no overlap.
    let sorted = live.sorted { UInt(bitPattern: $0.0) < UInt(bitPattern: $1.0) }
    for (a, b) in zip(sorted, sorted.dropFirst()) { #expect(UInt(bitPattern: a.0) + UInt(a.1) <= UInt(bitPattern: b.0)) }
    for (p, _) in live { try heap.free(p) }
    let s = heap.statistics()
    #expect(s.freeBytes == total && s.freeBlocks == 1 && s.usedBytes == 0 && s.liveAllocations == 0)
}

@Test func twoMiBAlignmentIsHonoured() throws {
    let region = FakeRegion(size: 12 << 20)
    var heap = Heap(start: region.start + 4096, size: (12 << 20) - 4096)
    let small = try heap.allocate(size: 100, alignment: 16)
    let big = try heap.allocate(size: 2 << 20, alignment: 2 << 20)
    #expect(UInt(bitPattern: big) % (2 << 20) == 0)
    let big2 = try heap.allocate(size: 3 << 20, alignment: 2 << 20)
    #expect(UInt(bitPattern: big2) % (2 << 20) == 0)
    #expect(UInt(bitPattern: big2) >= UInt(bitPattern: big) + (2 << 20))
    try heap.free(big); try heap.free(small); try heap.free(big2)
    #expect(heap.statistics().freeBlocks == 1)
}

@Test func freedMemoryIsReused() throws {
    let region = FakeRegion(size: 1 << 20)
    var heap = Heap(start: region.start, size: 1 << 20)
    let a = try heap.allocate(size: 1000, alignment: 8)
    try heap.free(a)
    let b = try heap.allocate(size: 1000, alignment: 8)
    #expect(a == b)
}

@Test func exhaustionAndBadRequestsAreTypedErrors() throws {
    let region = FakeRegion(size: 1 << 20)
    var heap = Heap(start: region.start, size: 1 << 20)
    #expect(throws: HeapError.outOfMemory(size: 2 << 20, alignment: 16)) { try heap.allocate(size: 2 << 20, alignment: 16) }
    #expect(throws: HeapError.badAlignment(24)) { try heap.allocate(size: 8, alignment: 24) }
    let p = try heap.allocate(size: 600 << 10, alignment: 16)
    #expect(throws: HeapError.outOfMemory(size: 600 << 10, alignment: 16)) { try heap.allocate(size: 600 << 10, alignment: 16) }
    try heap.free(p)
    #expect(throws: HeapError.doubleFreeOrCorruption(UInt(bitPattern: p))) { try heap.free(p) }
    let outside = UnsafeMutableRawPointer(bitPattern: region.start + (2 << 20))!
    #expect(throws: HeapError.invalidPointer(region.start + (2 << 20))) { try heap.free(outside) }
}

@Test func neighboursCoalesceInAnyFreeOrder() throws {
    let region = FakeRegion(size: 1 << 20)
    var heap = Heap(start: region.start, size: 1 << 20)
    let ps = try (0..<6).map { _ throws(HeapError) in try heap.allocate(size: 4000, alignment: 16) }
    for i in [1, 3, 5, 0, 4, 2] { try heap.free(ps[i]) }
    #expect(heap.statistics().freeBlocks == 1)
    #expect(heap.statistics().largestFreeBlock == heap.totalBytes)
}
