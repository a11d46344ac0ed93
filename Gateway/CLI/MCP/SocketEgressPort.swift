// The egress port of warden-mcp on the host: a listening Unix socket that the egress peer
// (Kernel/Host/egress_peer.py --connect unix:PATH) connects to, like QEMU's `server=on` chardev.
// Unconnected, written bytes are dropped, as on a serial port with nothing attached.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Gateway

struct SocketEgressPort: EgressPort {
    let listenFD: Int32
    var connFD: Int32 = -1

    /// Creates the listening socket at `path` (replacing a stale socket file).
    init?(path: String) {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return nil }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: addr.sun_path) else { close(fd); return nil }
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
        }
        unlink(path)
        let ok = withUnsafePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard ok == 0, listen(fd, 1) == 0 else { close(fd); return nil }
        listenFD = fd
    }

    /// Accepts a waiting peer connection, if any (non-blocking).
    mutating func acceptIfNeeded() {
        guard connFD < 0 else { return }
        let fd = accept(listenFD, nil, nil)
        if fd >= 0 {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            connFD = fd
            HostSystem.log("egress peer connected")
        }
    }

    mutating func write(_ bytes: [UInt8]) {
        acceptIfNeeded()
        guard connFD >= 0 else { return }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw in send(connFD, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL)) }
            if n > 0 { offset += n; continue }
            if n < 0 && (errno == EINTR || errno == EAGAIN) { idle(); continue }
            disconnect()
            return
        }
    }

    mutating func read() -> UInt8? {
        acceptIfNeeded()
        guard connFD >= 0 else { return nil }
        var byte: UInt8 = 0
        let n = recv(connFD, &byte, 1, 0)
        if n == 1 { return byte }
        if n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR) { disconnect() }
        return nil
    }

    mutating func milliseconds() -> UInt64 { HostSystem.monotonicNs() / 1_000_000 }

    mutating func idle() {
        var fds = [pollfd(fd: connFD >= 0 ? connFD : listenFD, events: Int16(POLLIN), revents: 0)]
        _ = poll(&fds, 1, 1)
    }

    mutating func disconnect() {
        if connFD >= 0 {
            close(connFD)
            connFD = -1
            HostSystem.log("egress peer disconnected")
        }
    }
}
