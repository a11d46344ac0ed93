// Whole-file reads for the host-only tools, benchmarks and tests (fopen/fread; never in the kernel build).

#if canImport(Glibc)
import Glibc
#endif

/// A file that could not be opened or read: the path and the C library's reason (strerror of errno).
public struct HostFileError: Error, CustomStringConvertible {
    public var path: String
    /// "open" or "read".
    public var operation: String
    /// strerror(errno), e.g. "No such file or directory".
    public var reason: String

    public var description: String { "cannot \(operation) \(path): \(reason)" }

    init(_ operation: String, _ path: String, errno code: Int32) {
        self.path = path
        self.operation = operation
        self.reason = String(cString: strerror(code))
    }
}

public enum HostFile {
    /// The whole file at `path`.
    public static func read(_ path: String) throws(HostFileError) -> [UInt8] {
        guard let f = fopen(path, "rb") else { throw HostFileError("open", path, errno: errno) }
        defer { fclose(f) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, f) }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        if ferror(f) != 0 { throw HostFileError("read", path, errno: errno) }
        return out
    }

    /// The whole file at `path` as text (invalid UTF-8 replaced by U+FFFD).
    public static func text(_ path: String) throws(HostFileError) -> String {
        String(decoding: try read(path), as: UTF8.self)
    }
}
