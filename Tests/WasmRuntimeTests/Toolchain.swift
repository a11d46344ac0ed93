// Test helpers that shell out to real toolchains: wat2wasm (wabt) and clang (wasm32 + native).
import Foundation
@testable import WasmRuntime

enum Toolchain {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repoRoot.appendingPathComponent("Tests/Fixtures/wasm")
    static let buildDir = repoRoot.appendingPathComponent("build/wasm-fixtures")
    static let clang: String = {
        let swiftClang = "/opt/swift/usr/bin/clang"
        return FileManager.default.isExecutableFile(atPath: swiftClang) ? swiftClang : "clang"
    }()

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Runs a command; returns its stdout or throws with its stderr.
    @discardableResult
    static func run(_ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw Failure(description: "\(args.joined(separator: " ")) failed: \(String(decoding: e, as: UTF8.self))")
        }
        return String(decoding: o, as: UTF8.self)
    }

    /// Assembles WebAssembly text with wat2wasm.
    static func wat(_ text: String) throws -> [UInt8] {
        try FileManager.default.createDirectory(at: buildDir, withIntermediateDirectories: true)
        let name = "wat-\(UUID().uuidString)"
        let src = buildDir.appendingPathComponent("\(name).wat"), bin = buildDir.appendingPathComponent("\(name).wasm")
        try text.write(to: src, atomically: true, encoding: .utf8)
        try run(["wat2wasm", src.path, "-o", bin.path])
        defer { try? FileManager.default.removeItem(at: src); try? FileManager.default.removeItem(at: bin) }
        return [UInt8](try Data(contentsOf: bin))
    }

    /// Compiles Tests/Fixtures/wasm/NAME.c to wasm32 (the command documented in fixture.h).
    static func wasmFixture(_ name: String) throws -> [UInt8] {
        try FileManager.default.createDirectory(at: buildDir, withIntermediateDirectories: true)
        let out = buildDir.appendingPathComponent("\(name).wasm")
        try run([clang, "--target=wasm32", "-O2", "-nostdlib", "-ffp-contract=off", "-Wl,--no-entry",
                 "-o", out.path, fixtures.appendingPathComponent("\(name).c").path])
        return [UInt8](try Data(contentsOf: out))
    }

    /// Compiles the same fixture natively with the harness and returns run(n) for each n.
    static func nativeResults(_ name: String, _ inputs: [Int32]) throws -> [Int64] {
        try FileManager.default.createDirectory(at: buildDir, withIntermediateDirectories: true)
        let exe = buildDir.appendingPathComponent("\(name)-native")
        try run([clang, "-O2", "-ffp-contract=off", "-o", exe.path,
                 fixtures.appendingPathComponent("\(name).c").path, fixtures.appendingPathComponent("harness.c").path])
        let out = try run([exe.path] + inputs.map { String($0) })
        return out.split(separator: "\n").compactMap { Int64($0) }
    }

    /// Instantiates a module without imports in a fresh store.
    static func instantiate(_ bytes: [UInt8], limits: Limits = Limits()) throws -> (Store<NoHostFunctions>, Instance) {
        let store = Store(host: NoHostFunctions(), limits: limits)
        return (store, try store.instantiate(try Decoder.load(bytes, limits: limits)))
    }
}
