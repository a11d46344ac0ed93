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

func runB3sum(_ tool: String, _ arguments: [String]) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: tool)
    p.arguments = arguments
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
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
    var rng = SystemRandomNumberGenerator()
    var paths: [String] = []
    var expected: [String] = []
    for size in sizes {
        var bytes = [UInt8](repeating: 0, count: size)
        for i in 0..<size { bytes[i] = UInt8(truncatingIfNeeded: rng.next()) }
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
    // XOF length beyond one block, and keyed mode.
    let longOut = try runB3sum(tool, ["--length", "200", "--no-names", paths[7]])
    var h = Blake3Hasher()
    h.update(Array(try Data(contentsOf: URL(fileURLWithPath: paths[7]))))
    var reader = h.finalizeXOF()
    #expect(longOut.trimmingCharacters(in: .whitespacesAndNewlines) == Blake3Digest.hexString(reader.read(count: 200)))
}
