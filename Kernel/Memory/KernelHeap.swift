// The kernel heap: a 1 MiB early heap in .bss (used until the memory map is parsed), then the main heap
// above the kernel and every module. Exports the allocation symbols the Swift runtime calls.
import CPU
import KernelCore

enum KernelHeap {
    static var early: Heap? = nil
    static var main: Heap? = nil

    static func initializeEarly() {
        let start = UInt(hw_early_heap_start())
        let end = UInt(hw_early_heap_end())
        early = Heap(start: start, size: Int(end - start))
    }

    static func initializeMain(_ range: AddressRange) {
        main = Heap(start: UInt(range.start), size: Int(range.size), cacheLimit: Limits.heapCacheBytes)
    }

    static func allocate(size: Int, alignment: Int) -> UnsafeMutableRawPointer {
        do throws(HeapError) {
            if main != nil { return try main!.allocate(size: size, alignment: alignment) }
            return try early!.allocate(size: size, alignment: alignment)
        } catch {
            panic(error.message + heapSummary())
        }
    }

    static func free(_ pointer: UnsafeMutableRawPointer) {
        let p = UInt(bitPattern: pointer)
        do throws(HeapError) {
            if let m = main, p >= m.base, p < m.end { try main!.free(pointer) } else { try early!.free(pointer) }
        } catch {
            panic(error.message)
        }
    }

    static func usableSize(_ pointer: UnsafeMutableRawPointer) -> Int {
        let p = UInt(bitPattern: pointer)
        if let m = main, p >= m.base, p < m.end { return m.usableSize(pointer) }
        return early!.usableSize(pointer)
    }

    static func heapSummary() -> String {
        guard let m = main else { return " (early heap)" }
        let s = m.statistics()
        return " (heap \(s.totalBytes >> 20) MiB, free \(s.freeBytes >> 10) KiB, largest block \(s.largestFreeBlock >> 10) KiB)"
    }
}

@_cdecl("posix_memalign")
public func posix_memalign(_ out: UnsafeMutablePointer<UnsafeMutableRawPointer?>, _ alignment: Int, _ size: Int) -> Int32 {
    out.pointee = KernelHeap.allocate(size: size, alignment: alignment)
    return 0
}

// `malloc` and `free` are Swift-runtime-reserved names: Boot/libc_alias.asm jumps from them to these.
@_cdecl("warden_malloc")
public func warden_malloc(_ size: Int) -> UnsafeMutableRawPointer? {
    KernelHeap.allocate(size: size, alignment: 16)
}

@_cdecl("aligned_alloc")
public func aligned_alloc(_ alignment: Int, _ size: Int) -> UnsafeMutableRawPointer? {
    KernelHeap.allocate(size: size, alignment: alignment)
}

@_cdecl("calloc")
public func calloc(_ count: Int, _ size: Int) -> UnsafeMutableRawPointer? {
    let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
    if overflow { panic("calloc: element count times size overflows") }
    let p = KernelHeap.allocate(size: bytes, alignment: 16)
    p.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
    return p
}

@_cdecl("realloc")
public func realloc(_ pointer: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
    guard let old = pointer else { return KernelHeap.allocate(size: size, alignment: 16) }
    let have = KernelHeap.usableSize(old)
    if size <= have { return old }
    let new = KernelHeap.allocate(size: size, alignment: 16)
    new.copyMemory(from: old, byteCount: have)
    KernelHeap.free(old)
    return new
}

@_cdecl("warden_free")
public func warden_free(_ pointer: UnsafeMutableRawPointer?) {
    if let p = pointer { KernelHeap.free(p) }
}
