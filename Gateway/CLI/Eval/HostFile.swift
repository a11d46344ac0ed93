// warden-eval's file access: whole-file reads (rows, policy, score TSVs, /proc/cpuinfo).

import Gateway
#if canImport(Glibc)
import Glibc
#endif

enum HostFile {
    static func readAll(_ path: String) throws(EvalError) -> [UInt8] {
        guard let f = fopen(path, "rb") else { throw EvalError(description: "cannot open \(path)") }
        defer { fclose(f) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, 1 << 16, f) }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }
}
