// The GGUF reader's view of SmolLM2 must equal gguf-py's: every metadata key with its type and
// scalar value, every tensor's name, shape, type, absolute offset and size
// (Tests/Fixtures/inference/gguf_listing_smollm2.json, written by make_tokenizer_refs.py).
import Foundation
import Testing
@testable import Inference

private struct GGUFListing: Decodable {
    struct Key: Decodable {
        let key: String
        let type: UInt32
        let value: Scalar?
        let count: Int?
        let element_type: UInt32?
    }
    enum Scalar: Decodable {
        case string(String), number(Double), bool(Bool)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let d = try? c.decode(Double.self) { self = .number(d) }
            else { self = .string(try c.decode(String.self)) }
        }
    }
    struct Tensor: Decodable { let name: String; let shape: [Int]; let type: UInt32; let offset: Int; let bytes: Int }
    let alignment: Int
    let data_offset: Int
    let metadata: [Key]
    let tensors: [Tensor]
}

@Test(.enabled(if: smolLM2Bytes != nil, "\(smolLM2Missing)"))
func smolLM2ListingMatchesGGUFPy() throws {
    let text = try #require(readText(repoRoot + "/Tests/Fixtures/inference/gguf_listing_smollm2.json"))
    let ref = try JSONDecoder().decode(GGUFListing.self, from: Data(text.utf8))
    let f = try GGUFFile(bytes: smolLM2Bytes!)
    #expect(f.alignment == ref.alignment)
    #expect(f.dataOffset == ref.data_offset)
    #expect(f.metadata.map { $0.key } == ref.metadata.map { $0.key })
    for k in ref.metadata {
        let v = try #require(f.value(k.key), "missing key \(k.key)")
        #expect(v.type.rawValue == k.type, "type of \(k.key)")
        switch (v, k.value) {
        case (.array(let a), _):
            #expect(a.count == k.count && a.elementType.rawValue == k.element_type, "array \(k.key)")
        case (.string(let s), .string(let r)?):
            #expect(s == r, "value of \(k.key)")
        case (.bool(let b), .bool(let r)?):
            #expect(b == r, "value of \(k.key)")
        case (_, .number(let r)?):
            let mine = v.intValue.map(Double.init) ?? v.floatValue.map(Double.init)
            #expect(mine == r, "value of \(k.key)")
        default:
            Issue.record("unexpected value kind for \(k.key)")
        }
    }
    #expect(f.tensors.count == ref.tensors.count)
    for (mine, r) in zip(f.tensors, ref.tensors) {
        #expect(mine.name == r.name)
        #expect(mine.shape == r.shape, "shape of \(r.name)")
        #expect(mine.type.rawValue == r.type, "type of \(r.name)")
        #expect(mine.offset == r.offset, "offset of \(r.name)")
        #expect(mine.byteCount == r.bytes, "size of \(r.name)")
    }
}
