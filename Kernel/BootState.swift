// What the kernel learned at boot: the multiboot2 info, module table (names copied to the heap), heap range.
import CPU
import KernelCore

struct LoadedModule {
    let name: String
    /// Words after the name on the `module2` line (e.g. `crc32=1a2b3c4d size=65536`).
    let arguments: [String]
    let start: UInt64
    let size: UInt64

    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: UInt(start)), count: Int(size))
    }

    func argument(_ key: String) -> String? {
        for a in arguments where a.utf8.starts(with: (key + "=").utf8) {
            return String(decoding: a.utf8.dropFirst(key.utf8.count + 1), as: UTF8.self)
        }
        return nil
    }
}

enum BootState {
    static var commandLine = ""
    static var modules: [LoadedModule] = []
    static var kernel = AddressRange(start: 0, end: 0)
    static var heap = AddressRange(start: 0, end: 0)
    static var availableRAM: UInt64 = 0
    static var regionCount = 0

    static func module(named name: String) -> LoadedModule? {
        for m in modules where m.name == name { return m }
        return nil
    }
}
