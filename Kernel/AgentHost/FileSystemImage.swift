// The boot image format of the RAM file system (docs/agents.md §File-system image): a text
// header `WARDENFS 1`, then records `D <path>` (a directory) and `F <path> <size>` followed by
// exactly <size> raw bytes and one newline. `#` lines are comments. Paths contain no spaces.

public enum FileSystemImage {
    /// Loads `image` into a fresh file system with `quota` (quota violations are image errors).
    public static func load(_ image: [UInt8], quota: FileSystemQuota = FileSystemQuota()) throws(FileSystemError) -> RamFileSystem {
        var fs = RamFileSystem(quota: quota)
        var i = 0, line = 0
        func nextLine() -> [UInt8]? {
            guard i < image.count else { return nil }
            var end = i
            while end < image.count, image[end] != 0x0A { end += 1 }
            let l = Array(image[i..<end])
            i = end + 1
            line += 1
            return l
        }
        guard let header = nextLine(), header == Array("WARDENFS 1".utf8) else {
            throw .image(line: 1, "missing header \"WARDENFS 1\"")
        }
        while let l = nextLine() {
            if l.isEmpty || l.first == 0x23 { continue }
            let recordLine = line
            let fields = l.split(separator: 0x20, omittingEmptySubsequences: true).map { String(decoding: $0, as: UTF8.self) }
            do throws(FileSystemError) {
                switch (fields.first, fields.count) {
                case ("D", 2):
                    try fs.makeDirectory(fields[1], now: 0)
                case ("F", 3):
                    guard let size = Int(fields[2]), size >= 0 else { throw .image(line: line, "bad size \"\(fields[2])\"") }
                    guard size <= image.count - i, i + size < image.count, image[i + size] == 0x0A else {
                        throw .image(line: line, "file \(fields[1]) needs \(size) bytes and a newline after them")
                    }
                    let bytes = Array(image[i..<(i + size)])
                    for b in bytes where b == 0x0A { line += 1 }
                    i += size + 1
                    line += 1
                    try fs.write(fields[1], bytes, append: false, now: 0)
                default:
                    throw .image(line: line, "expected `D <path>` or `F <path> <size>`")
                }
            } catch {
                if case .image = error { throw error }
                throw .image(line: recordLine, error.message)
            }
        }
        return fs
    }

    /// Serializes `files` (path, contents) into the image format (used by tests and tools).
    public static func make(_ files: [(path: String, contents: String)]) -> [UInt8] {
        var out = Array("WARDENFS 1\n".utf8)
        for f in files {
            out += Array("F \(f.path) \(f.contents.utf8.count)\n".utf8)
            out += Array(f.contents.utf8)
            out.append(0x0A)
        }
        return out
    }
}
