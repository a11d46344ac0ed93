// Model loading errors: fixture bytes patched in place (same lengths) must give the typed error, not a crash.
import Foundation
import Testing
@testable import Inference

/// The fixture's bytes with the first occurrence of `from` replaced by `to` (equal lengths).
func patchedFixture(_ name: String, _ from: String, _ to: String) throws -> [UInt8] {
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: ModelFile.fixture(name))))
    let f = Array(from.utf8), t = Array(to.utf8)
    precondition(f.count == t.count)
    guard let i = (0...(bytes.count - f.count)).first(where: { bytes[$0..<($0 + f.count)].elementsEqual(f) }) else {
        throw InferenceError.missingMetadata(from)
    }
    bytes.replaceSubrange(i..<(i + f.count), with: t)
    return bytes
}

func loadError(_ bytes: [UInt8]) -> InferenceError? {
    bytes.withUnsafeBytes { raw in
        do {
            let gguf = try GGUFFile(bytes: raw)
            _ = try Transformer(gguf: gguf, kernels: QuantKernels(tier: .reference))
            return nil
        } catch let e as InferenceError { return e } catch { return .missingMetadata("GGUF: \(error)") }
    }
}

@Test func unsupportedArchitectureIsRejected() throws {
    // "general.architecture" is written before the other keys; its value "llama" is the first "llama" after it.
    let bytes = try patchedFixture("llama_q4_0_untied.gguf", "\u{05}\0\0\0\0\0\0\0llama", "\u{05}\0\0\0\0\0\0\0gemma")
    #expect(loadError(bytes) == .unsupportedArchitecture("gemma"))
}

@Test func missingTensorIsRejected() throws {
    let bytes = try patchedFixture("llama_q4_0_untied.gguf", "blk.1.ffn_up.weight", "blk.1.ffn_uX.weight")
    #expect(loadError(bytes) == .missingTensor("blk.1.ffn_up.weight"))
}

@Test func missingHyperParameterIsRejected() throws {
    let bytes = try patchedFixture("qwen2_q8_0_tied.gguf", "qwen2.block_count", "qwen2.block_kount")
    #expect(loadError(bytes) == .missingMetadata("qwen2.block_count"))
}

@Test func badContextCapIsRejected() throws {
    let file = try ModelFile.load(ModelFile.fixture("llama_q4_0_untied.gguf"))
    #expect(throws: InferenceError.badContextCap(0)) { try file.transformer(contextCap: 0) }
    // The cap never exceeds the trained context (256 in the fixtures).
    #expect(try file.transformer(contextCap: 4096).contextCap == 256)
}
