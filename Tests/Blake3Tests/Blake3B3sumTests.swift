// Differential test against the `b3sum` tool (Debian package b3sum) on files of many sizes.
import Foundation
import Testing
@testable import Blake3

func findB3sum() -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
        let path = "\(dir)/b3sum"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

func runB3sum(_ tool: String, _ arguments: [String], stdin: [UInt8]? = nil) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: tool)
    p.arguments = arguments
    let pipe = Pipe()
    p.standardOutput = pipe
    let input = Pipe()
    if stdin != nil { p.standardInput = input }
    try p.run()
    if let stdin {
        input.fileHandleForWriting.write(Data(stdin))
        try input.fileHandleForWriting.close()
    }
    let out = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: out, as: UTF8.self)
}

@Test func agreesWithB3sumOnManySizes() throws {
    guard let tool = findB3sum() else {
        print("SKIP: b3sum not found on PATH (apt-get install b3sum); differential test skipped")
        return
    }
    let sizes = [0, 1, 63, 64, 65, 1023, 1024, 1025, 2048, 2049, 3072, 5000, 31744, 65536, 100_000,
                 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 12345]
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("blake3-b3sum-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let random = try #require(FileHandle(forReadingAtPath: "/dev/urandom"))
    var paths: [String] = []
    var expected: [String] = []
    for size in sizes {
        let bytes = [UInt8](random.readData(ofLength: size))
        #expect(bytes.count == size)
        let path = dir.appendingPathComponent("f\(size)").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        paths.append(path)
        expected.append(Blake3.hash(bytes).hex)
    }
    // One b3sum process for all files: "<hex>  <path>" per line, in argument order.
    let lines = try runB3sum(tool, ["--num-threads", "1"] + paths).split(separator: "\n")
    #expect(lines.count == sizes.count)
    for (i, line) in lines.enumerated() {
        #expect(String(line.prefix(64)) == expected[i], "size \(sizes[i])")
    }
    // Keyed mode (key on stdin) and derive_key mode on a multi-chunk file (the 4-chunk path).
    let big = Array(try Data(contentsOf: URL(fileURLWithPath: paths[16])))
    let key = Blake3.hash("a 32-byte key for the test")
    let keyed = try runB3sum(tool, ["--keyed", "--no-names", paths[16]], stdin: key.bytes)
    #expect(keyed.trimmingCharacters(in: .whitespacesAndNewlines) == Blake3.keyedHash(key: key, big).hex)
    let context = "Warden 2026-11-28 b3sum differential test"
    let derived = try runB3sum(tool, ["--derive-key", context, "--no-names", paths[16]])
    #expect(derived.trimmingCharacters(in: .whitespacesAndNewlines) == Blake3.deriveKey(context: context, material: big).hex)
    // XOF length beyond one block.
    let longOut = try runB3sum(tool, ["--length", "200", "--no-names", paths[7]])
    var h = Blake3Hasher()
    h.update(Array(try Data(contentsOf: URL(fileURLWithPath: paths[7]))))
    var reader = h.finalizeXOF()
    #expect(longOut.trimmingCharacters(in: .whitespacesAndNewlines) == Blake3Digest.hexString(reader.read(count: 200)))
}
