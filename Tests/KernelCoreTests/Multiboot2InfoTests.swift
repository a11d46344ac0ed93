// Multiboot2 info parser and heap planner against hand-built byte fixtures (multiboot2 spec §3.6).
import Testing
@testable import KernelCore

/// Builds a multiboot2 info block tag by tag (8-byte aligned, end tag appended by `bytes`).
struct InfoBuilder {
    var body: [UInt8] = []
    mutating func u32(_ v: UInt32) { for i in 0..<4 { body.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(i)))) } }
    mutating func u64(_ v: UInt64) { for i in 0..<8 { body.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) } }
    mutating func pad() { while body.count % 8 != 0 { body.append(0) } }
    mutating func tag(_ type: UInt32, _ payload: [UInt8]) {
        u32(type); u32(UInt32(8 + payload.count)); body += payload; pad()
    }
    mutating func commandLine(_ s: String) { tag(1, Array(s.utf8) + [0]) }
    mutating func module(_ start: UInt32, _ end: UInt32, _ name: String) {
        var p = InfoBuilder(); p.u32(start); p.u32(end); tag(3, p.body + Array(name.utf8) + [0])
    }
    mutating func memoryMap(_ regions: [(UInt64, UInt64, UInt32)], entrySize: UInt32 = 24) {
        var p = InfoBuilder(); p.u32(entrySize); p.u32(0)
        for (b, l, t) in regions { p.u64(b); p.u64(l); p.u32(t); p.u32(0); for _ in 24..<max(24, Int(entrySize)) { p.body.append(0) } }
        tag(6, p.body)
    }
    func bytes(endTag: Bool = true) -> [UInt8] {
        var all = InfoBuilder(); all.u32(0); all.u32(0)
        all.body += body
        if endTag { all.u32(0); all.u32(8) }
        let n = UInt32(all.body.count)
        for i in 0..<4 { all.body[i] = UInt8(truncatingIfNeeded: n >> (8 * UInt32(i))) }
        return all.body
    }
}

let standardMap: [(UInt64, UInt64, UInt32)] = [(0, 0x9FC00, 1), (0x9FC00, 0x400, 2), (0x100000, 0x7FE0000, 1), (0xFFFC0000, 0x40000, 2)]

/// Parses `bytes` copied into memory that is never freed: the returned info views its bytes (as the
/// kernel's views the boot loader's), so they must outlive it however long the test keeps it.
func parse(_ bytes: [UInt8], magic: UInt32 = Multiboot2Info.bootloaderMagic) -> Result<Multiboot2Info, MultibootError> {
    let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
    copy.copyBytes(from: bytes)
    let buf = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(copy)[0..<bytes.count])
    do throws(MultibootError) { return .success(try Multiboot2Info(magic: magic, bytes: buf)) } catch { return .failure(error) }
}

func string(_ b: UnsafeRawBufferPointer) -> String { String(decoding: b, as: UTF8.self) }

@Test func parsesCommandLineModulesAndMemoryMap() throws {
    var b = InfoBuilder()
    b.commandLine("warden.test=boot")
    b.tag(8, [UInt8](repeating: 0xAA, count: 30))                  // framebuffer: ignored
    b.module(0x200000, 0x201000, "testmod")
    b.memoryMap(standardMap)
    let bytes = b.bytes()
    try bytes.withUnsafeBytes { buf in
        let info = try Multiboot2Info(magic: 0x36D76289, bytes: buf)
        #expect(string(info.commandLine) == "warden.test=boot")
        #expect(info.moduleCount == 1)
        #expect(info.module(0).start == 0x200000 && info.module(0).size == 0x1000)
        #expect(string(info.moduleName(0)) == "testmod")
        #expect(info.regionCount == 4)
        #expect(info.region(2) == MemoryRegion(base: 0x100000, length: 0x7FE0000, type: 1))
        #expect(info.totalSize == bytes.count)
    }
}

@Test func acceptsLargerMemoryMapEntries() throws {
    var b = InfoBuilder(); b.memoryMap([(0x100000, 0x1000000, 1), (0x2000000, 0x1000, 3)], entrySize: 32)
    let info = try parse(b.bytes()).get()
    #expect(info.regionCount == 2 && info.region(1).type == 3)
}

@Test func rejectsBadMagic() {
    var b = InfoBuilder(); b.memoryMap(standardMap)
    #expect(throws: MultibootError.badMagic(0x2BADB002)) { try parse(b.bytes(), magic: 0x2BADB002).get() }
}

@Test func rejectsMissingEndTag() {
    var b = InfoBuilder(); b.memoryMap(standardMap)
    #expect(throws: MultibootError.missingEndTag) { try parse(b.bytes(endTag: false)).get() }
}

@Test func rejectsMissingMemoryMap() {
    var b = InfoBuilder(); b.commandLine("x")
    #expect(throws: MultibootError.missingMemoryMap) { try parse(b.bytes()).get() }
}

@Test func rejectsTagRunningPastTheBlock() {
    var b = InfoBuilder(); b.memoryMap(standardMap)
    var bytes = b.bytes()
    bytes[12] = 0xFF                                                 // memory-map tag size grows past the end
    let size = Int(bytes[12]) | Int(bytes[13]) << 8
    #expect(throws: MultibootError.tagOverrun(type: 6, offset: 8, size: size)) { try parse(bytes).get() }
}

@Test func rejectsTruncatedBlockAndTinyTag() {
    var b = InfoBuilder(); b.memoryMap(standardMap)
    let bytes = b.bytes()
    #expect(throws: MultibootError.infoTruncated(declared: bytes.count, available: bytes.count - 8)) { try parse(Array(bytes.dropLast(8))).get() }
    var tiny = bytes
    tiny[12] = 4; tiny[13] = 0
    #expect(throws: MultibootError.tagTooSmall(type: 6, size: 4)) { try parse(tiny).get() }
}

@Test func rejectsMalformedAndEmptyMemoryRegions() {
    var bad = InfoBuilder(); bad.memoryMap(standardMap, entrySize: 20)
    #expect(throws: MultibootError.malformedMemoryMap(entrySize: 20)) { try parse(bad.bytes()).get() }
    var empty = InfoBuilder(); empty.memoryMap([(0, 0x9FC00, 1), (0x100000, 0, 1)])
    #expect(throws: MultibootError.emptyMemoryRegion(index: 1)) { try parse(empty.bytes()).get() }
}

@Test func rejectsModuleWithInvalidRange() {
    var b = InfoBuilder(); b.module(0x300000, 0x300000, "empty"); b.memoryMap(standardMap)
    #expect(throws: MultibootError.moduleInvalidRange(index: 0, start: 0x300000, end: 0x300000)) { try parse(b.bytes()).get() }
}

@Test func heapStartsAboveKernelInfoAndModules() throws {
    var b = InfoBuilder(); b.module(0x400000, 0x4A0123, "m0"); b.module(0x300000, 0x310000, "m1"); b.memoryMap(standardMap)
    let info = try parse(b.bytes()).get()
    let heap = try HeapPlanner.plan(info: info, kernel: AddressRange(start: 0x100000, end: 0x2F0000), infoEnd: 0x311000)
    #expect(heap == AddressRange(start: 0x4A1000, end: 0x80E0000))
}

@Test func heapPlannerRejectsModuleOverlappingKernel() throws {
    var b = InfoBuilder(); b.module(0x180000, 0x190000, "bad"); b.memoryMap(standardMap)
    let info = try parse(b.bytes()).get()
    #expect(throws: MultibootError.moduleOverlapsKernel(index: 0, start: 0x180000, end: 0x190000)) {
        try HeapPlanner.plan(info: info, kernel: AddressRange(start: 0x100000, end: 0x200000), infoEnd: 0x201000)
    }
}

@Test func heapPlannerNeedsUsableMemory() throws {
    var b = InfoBuilder(); b.memoryMap([(0, 0x9FC00, 1), (0x100000, 0x200000, 1)])
    let info = try parse(b.bytes()).get()
    #expect(throws: MultibootError.noUsableMemory(above: 0x300000)) {
        try HeapPlanner.plan(info: info, kernel: AddressRange(start: 0x100000, end: 0x2FF000), infoEnd: 0x300000)
    }
}

@Test func errorMessagesNameTheCause() {
    #expect(MultibootError.moduleOverlapsKernel(index: 2, start: 0x1000, end: 0x2000).message.contains("overlaps the kernel"))
    #expect(MultibootError.emptyMemoryRegion(index: 3).message.contains("entry 3 has zero length"))
    #expect(MultibootError.missingMemoryMap.message.contains("no memory map"))
}
