// Test helper: a GGUF file read once per process into 64-byte-aligned memory that is never freed, so the
// GGUFFile and Transformer views into it stay valid however long a test keeps them (a Transformer does not
// own the image it views: a test that dropped its ModelFile early used to read freed weights).
import Foundation
@testable import Inference

final class ModelFile: @unchecked Sendable {   // immutable after init; the bytes are read-only
    let bytes: UnsafeMutableRawBufferPointer
    let gguf: GGUFFile

    private init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes = .allocate(byteCount: data.count, alignment: 64)
        data.copyBytes(to: bytes)
        gguf = try GGUFFile(bytes: UnsafeRawBufferPointer(bytes))
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var loaded: [String: ModelFile] = [:]

    /// The file at `path`, loaded on first use and kept for the rest of the test process.
    static func load(_ path: String) throws -> ModelFile {
        lock.lock(); defer { lock.unlock() }
        if let file = loaded[path] { return file }
        let file = try ModelFile(path: path)
        loaded[path] = file
        return file
    }

    func transformer(tier: KernelTier = ModelFile.hostFeatures.bestTier, contextCap: Int = 256, batch: Int = 512) throws -> Transformer {
        try Transformer(gguf: gguf, kernels: QuantKernels(tier: tier), contextCap: contextCap, batch: batch)
    }

    static let repoRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func fixture(_ name: String) -> String { repoRoot + "/Tests/Fixtures/inference/" + name }

    /// The host's SIMD features from /proc/cpuinfo (baseline if unreadable).
    static let hostFeatures: CPUFeatures = {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return .baseline }
        return CPUFeatures(cpuinfoFlags: String(line.split(separator: ":", maxSplits: 1).last ?? ""))
    }()
}

struct FixtureLogits: Decodable {
    let tokens: [Int32]
    let vocab: Int
    let logits: [[Float]]

    static func load(_ name: String) throws -> FixtureLogits {
        let data = try Data(contentsOf: URL(fileURLWithPath: ModelFile.fixture(name + ".logits.json")))
        return try JSONDecoder().decode(FixtureLogits.self, from: data)
    }
}
