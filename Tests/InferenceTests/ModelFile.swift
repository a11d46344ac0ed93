// Test helper: a GGUF file read into 64-byte-aligned memory that outlives the GGUFFile and Transformer views.
import Foundation
@testable import Inference

final class ModelFile {
    let bytes: UnsafeMutableRawBufferPointer
    let gguf: GGUFFile

    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes = .allocate(byteCount: data.count, alignment: 64)
        data.copyBytes(to: bytes)
        gguf = try GGUFFile(bytes: UnsafeRawBufferPointer(bytes))
    }

    deinit { bytes.deallocate() }

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
