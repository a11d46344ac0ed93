// Test helpers for the GGUF reader and tokenizer: an in-memory GGUF writer for byte fixtures,
// file mapping via Glibc, and the locations of the fixtures and the SmolLM2 model.
#if canImport(Glibc)
import Glibc
#endif
@testable import Inference

/// Builds GGUF bytes field by field so tests can produce both valid and broken files.
struct GGUFBytes {
    var bytes: [UInt8] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u32(_ v: UInt32) { for i in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(i)))) } }
    mutating func u64(_ v: UInt64) { for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) } }
    mutating func string(_ s: String) { u64(UInt64(s.utf8.count)); bytes.append(contentsOf: Array(s.utf8)) }
    mutating func header(version: UInt32 = 3, tensors: UInt64, keys: UInt64) {
        u32(GGUFFile.magic); u32(version); u64(tensors); u64(keys)
    }
    mutating func key(_ k: String, _ type: GGUFValueType) { string(k); u32(type.rawValue) }
    mutating func tensorInfo(_ name: String, _ shape: [UInt64], _ type: UInt32, offset: UInt64) {
        string(name); u32(UInt32(shape.count)); for d in shape { u64(d) }; u32(type); u64(offset)
    }
    mutating func pad(to alignment: Int) { while bytes.count % alignment != 0 { bytes.append(0) } }
}

/// Parses `bytes` as GGUF and hands the result (or error) to `body` while the bytes are alive.
func withGGUF<R>(_ bytes: [UInt8], _ body: (Result<GGUFFile, GGUFError>) -> R) -> R {
    bytes.withUnsafeBytes { raw in
        do throws(GGUFError) { return body(.success(try GGUFFile(bytes: raw))) } catch { return body(.failure(error)) }
    }
}

/// The error parsing `bytes` throws, nil if it parses.
func ggufError(_ bytes: [UInt8]) -> GGUFError? {
    withGGUF(bytes) { r in
        if case .failure(let e) = r { return e }
        return nil
    }
}

/// Repository root, derived from this file's path (Tests/InferenceTests/<file>).
let repoRoot: String = {
    var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

/// Maps a whole file read-only; nil if it cannot be opened. The mapping lives until exit.
func mapFile(_ path: String) -> UnsafeRawBufferPointer? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, st.st_size > 0 else { return nil }
    guard let p = mmap(nil, Int(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
    return UnsafeRawBufferPointer(start: p, count: Int(st.st_size))
}

/// Reads a whole (small) file as text; nil if absent.
func readText(_ path: String) -> String? {
    guard let m = mapFile(path) else { return nil }
    return String(decoding: m, as: UTF8.self)
}

/// Path of the SmolLM2 model: $WARDEN_MODEL or <repo>/build/models/SmolLM2-135M-Instruct.Q4_1.gguf.
let smolLM2Path: String = {
    if let env = getenv("WARDEN_MODEL") { return String(cString: env) }
    return repoRoot + "/build/models/SmolLM2-135M-Instruct.Q4_1.gguf"
}()

/// The SmolLM2 file mapped once for all tests; nil when absent (tests then skip).
nonisolated(unsafe) let smolLM2Bytes: UnsafeRawBufferPointer? = mapFile(smolLM2Path)

let smolLM2Missing = "SmolLM2 model absent at \(smolLM2Path): run `make` model fetch or set WARDEN_MODEL"
