// Host (Linux) plumbing for warden-mcp: monotonic/wall clocks, full writes, stderr logging, randomness.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Gateway

enum HostSystem {
    static func monotonicNs() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    static func wallNs() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
    }

    /// Writes every byte to `fd`, retrying on EINTR and partial writes; false if the fd is gone.
    @discardableResult
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw in write(fd, raw.baseAddress! + offset, raw.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    /// One diagnostic line on stderr (stdout carries only MCP messages).
    static func log(_ message: String) {
        writeAll(2, Array(("warden-mcp: " + message + "\n").utf8))
    }

    /// The whole file as bytes, or nil if it cannot be read.
    static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { return out }
            out += chunk[0..<n]
        }
    }

    static func randomBytes(_ count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        let fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var filled = 0
        while filled < count {
            let n = bytes.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress! + filled, count - filled) }
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                return nil
            }
            filled += n
        }
        return bytes
    }
}

struct HostClock: MonotonicClock {
    mutating func nanoseconds() -> UInt64 { HostSystem.monotonicNs() }
}
