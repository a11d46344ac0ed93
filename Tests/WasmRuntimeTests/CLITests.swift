// warden-wasm end to end: results on one line, exit codes 2 (trap), 3 (invalid), 4 (link).
import Foundation
import Testing

@Suite struct CLITests {
    /// The CLI next to the test bundle (built by `swift build --build-tests`), if present.
    static let cli: URL? = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let c = dir.appendingPathComponent("warden-wasm")
            if FileManager.default.isExecutableFile(atPath: c.path) { return c }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }()

    func run(_ args: [String]) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = Self.cli!
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func file(_ wat: String) throws -> String {
        let path = Toolchain.buildDir.appendingPathComponent("cli-\(UUID().uuidString).wasm").path
        try Data(try Toolchain.wat(wat)).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(.enabled(if: cli != nil, "warden-wasm not built next to the tests"))
    func exitCodesAndOutput() throws {
        let ok = try file("""
            (module (func (export "f") (param i64 f32) (result i64 f32 i32) (local.get 0) (local.get 1) (i32.const -1))
                    (func (export "div") (param i32) (result i32) (i32.div_s (i32.const 1) (local.get 0)))
                    (func (export "spin") (loop (br 0))))
            """)
        #expect(try run([ok, "--invoke", "f", "-9", "2.5"]) == (0, "-9 2.5 -1\n", ""))
        #expect(try run([ok, "--invoke", "div", "0"]) == (2, "", "trap: integer divide by zero\n"))
        #expect(try run([ok, "--invoke", "spin", "--fuel", "1000"]) == (2, "", "trap: out of fuel\n"))
        let imports = try file("(module (import \"mcp\" \"fs_read\" (func)) (func (export \"f\")))")
        let (code, _, err) = try run([imports, "--invoke", "f"])
        #expect(code == 4 && err.contains("unknown import \"mcp\".\"fs_read\""))
        let bad = Toolchain.buildDir.appendingPathComponent("cli-bad.wasm").path
        try Data([0, 0x61, 0x73, 0x6D, 2, 0, 0, 0]).write(to: URL(fileURLWithPath: bad))
        #expect(try run([bad, "--invoke", "f"]) == (3, "", "invalid: unknown binary version\n"))
    }
}
