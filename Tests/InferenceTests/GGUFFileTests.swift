// GGUF reader tests: valid byte fixtures built in the test, every validation error, and the
// real SmolLM2 file when present.
import Testing
@testable import Inference

/// A valid v3 file: 3 metadata keys (string, uint32 alignment 64, float array) and two tensors.
private func validFile(alignment: UInt32 = 64) -> [UInt8] {
    var b = GGUFBytes()
    b.header(tensors: 2, keys: 4)
    b.key("general.architecture", .string); b.string("llama")
    b.key("general.alignment", .uint32); b.u32(alignment)
    b.key("x.scores", .array); b.u32(GGUFValueType.float32.rawValue); b.u64(3)
    for f: Float in [0.5, -1.25, 3] { b.u32(f.bitPattern) }
    b.key("x.tokens", .array); b.u32(GGUFValueType.string.rawValue); b.u64(3)
    for s in ["a", "▁b", "<0x0A>"] { b.string(s) }
    b.tensorInfo("w.f32", [4, 2], GGMLType.f32.rawValue, offset: 0)                       // 32 bytes
    b.tensorInfo("w.q4", [64, 3], GGMLType.q4_0.rawValue, offset: UInt64(alignment))     // 6 × 18 bytes
    let pad = alignment == 0 || alignment > 4096 ? 32 : Int(alignment)  // Invalid alignments fail before data.
    b.pad(to: pad)
    for i in 0..<32 { b.u8(UInt8(i)) }
    b.pad(to: pad)
    for i in 0..<108 { b.u8(UInt8(truncatingIfNeeded: 200 + i)) }
    return b.bytes
}

@Test func parsesValidFile() {
    withGGUF(validFile()) { r in
        guard case .success(let f) = r else { Issue.record("parse failed: \(r)"); return }
        #expect(f.version == 3)
        #expect(f.alignment == 64)
        #expect(f.string("general.architecture") == "llama")
        #expect(f.uint32("general.alignment") == 64)
        #expect(f.float32Array("x.scores") == [0.5, -1.25, 3])
        #expect(f.stringArray("x.tokens") == ["a", "▁b", "<0x0A>"])
        #expect(f.array("x.tokens")?.value(at: 2).flatMap { if case .string(let s) = $0 { s } else { nil } } == "<0x0A>")
        #expect(f.value("missing") == nil)
        #expect(f.tensors.map { $0.name } == ["w.f32", "w.q4"])
        let t = f.tensor(named: "w.q4")
        #expect(t?.shape == [64, 3])
        #expect(t?.type == .q4_0)
        #expect(t?.byteCount == 108)
        #expect(t?.rowBytes == 36)
        #expect(t?.offset == f.dataOffset + 64)
        #expect(f.dataOffset % 64 == 0)
        if let t { #expect(Array(f.bytes(of: t)) == (0..<108).map { UInt8(truncatingIfNeeded: 200 + $0) }) }
        if let w = f.tensor(named: "w.f32") { #expect(Array(f.bytes(of: w)) == (0..<32).map { UInt8($0) }) }
    }
}

@Test func acceptsVersion2AndDefaultAlignment() {
    var b = GGUFBytes()
    b.header(version: 2, tensors: 1, keys: 1)
    b.key("k", .int16); b.u8(0xFE); b.u8(0xFF)
    b.tensorInfo("t", [2], GGMLType.f16.rawValue, offset: 0)
    b.pad(to: 32); b.u32(0x3C00_3C00)
    withGGUF(b.bytes) { r in
        guard case .success(let f) = r else { Issue.record("parse failed: \(r)"); return }
        #expect(f.version == 2)
        #expect(f.alignment == 32)
        #expect(f.int("k") == -2)
        #expect(f.uint32("k") == nil)  // −2 does not fit in UInt32.
        #expect(f.tensors[0].byteCount == 4)
    }
}

@Test func rejectsBadMagicAndVersion() {
    var b = GGUFBytes(); b.u32(0x4655_4746); b.u32(3); b.u64(0); b.u64(0)
    #expect(ggufError(b.bytes) == .badMagic(0x4655_4746))
    for v: UInt32 in [1, 4] {
        var c = GGUFBytes(); c.header(version: v, tensors: 0, keys: 0)
        #expect(ggufError(c.bytes) == .unsupportedVersion(v))
    }
}

@Test func everyTruncationIsAnErrorNotACrash() {
    let full = validFile()
    // Every strict prefix that cuts the header, metadata, infos or data must fail with a typed error.
    for n in 0..<full.count {
        let e = ggufError(Array(full[0..<n]))
        #expect(e != nil, "prefix of \(n) bytes parsed")
    }
    #expect(ggufError([]) == .truncated(at: 0, need: 4))
}

@Test func rejectsAbsurdCounts() {
    var b = GGUFBytes(); b.header(tensors: UInt64.max, keys: 0)
    #expect(ggufError(b.bytes) == .absurdCount(what: "tensor", count: UInt64.max, limit: InferenceLimits.ggufMaxTensors))
    var c = GGUFBytes(); c.header(tensors: 0, keys: 1000)  // 1000 keys cannot fit in 0 remaining bytes.
    if case .absurdCount(let what, _, _)? = ggufError(c.bytes) { #expect(what == "metadata key") } else { Issue.record("expected absurdCount") }
    var d = GGUFBytes(); d.header(tensors: 0, keys: 1)
    d.key("s", .string); d.u64(1 << 40)
    if case .absurdCount(let what, _, _)? = ggufError(d.bytes) { #expect(what == "string length") } else { Issue.record("expected absurdCount") }
    var e = GGUFBytes(); e.header(tensors: 0, keys: 1)
    e.key("a", .array); e.u32(GGUFValueType.uint32.rawValue); e.u64(1000); e.u32(1)
    if case .absurdCount(let what, _, _)? = ggufError(e.bytes) { #expect(what == "array element") } else { Issue.record("expected absurdCount") }
}

@Test func rejectsUnknownValueTypeAndDeepArrays() {
    var b = GGUFBytes(); b.header(tensors: 0, keys: 1); b.key("k", .uint8); b.bytes.removeLast(4); b.u32(13); b.u8(0)
    #expect(ggufError(b.bytes) == .unknownValueType(13, at: 33))
    var c = GGUFBytes(); c.header(tensors: 0, keys: 1); c.key("k", .array)
    for _ in 0..<4 { c.u32(GGUFValueType.array.rawValue); c.u64(1) }
    c.u32(GGUFValueType.uint8.rawValue); c.u64(1); c.u8(7)
    if case .arrayTooDeep? = ggufError(c.bytes) {} else { Issue.record("expected arrayTooDeep, got \(String(describing: ggufError(c.bytes)))") }
}

@Test func rejectsDuplicateKeysAndBadAlignment() {
    var b = GGUFBytes(); b.header(tensors: 0, keys: 2)
    b.key("k", .uint8); b.u8(1); b.key("k", .uint8); b.u8(2)
    #expect(ggufError(b.bytes) == .duplicateKey("k"))
    for a: UInt32 in [0, 48, 1 << 20] {
        #expect(ggufError(validFile(alignment: a)) == .badAlignment(UInt64(a)))
    }
    var c = GGUFBytes(); c.header(tensors: 0, keys: 1); c.key("general.alignment", .string); c.string("32")
    if case .badKey("general.alignment", _)? = ggufError(c.bytes) {} else { Issue.record("expected badKey") }
}

/// A one-tensor file with the given info fields and `dataBytes` bytes of data.
private func oneTensor(_ shape: [UInt64], type: UInt32 = 0, offset: UInt64 = 0, dataBytes: Int = 64) -> [UInt8] {
    var b = GGUFBytes(); b.header(tensors: 1, keys: 0)
    b.tensorInfo("t", shape, type, offset: offset)
    b.pad(to: 32); b.bytes += [UInt8](repeating: 0, count: dataBytes)
    return b.bytes
}

@Test func rejectsBadTensorInfos() {
    #expect(ggufError(oneTensor([4], type: 5)) == .unknownTensorType(5, tensor: "t"))
    #expect(ggufError(oneTensor([4], type: 99)) == .unknownTensorType(99, tensor: "t"))
    #expect(ggufError(oneTensor([])) == .badDimensionCount(tensor: "t", count: 0))
    #expect(ggufError(oneTensor([1, 1, 1, 1, 1])) == .badDimensionCount(tensor: "t", count: 5))
    #expect(ggufError(oneTensor([1 << 62, 1 << 3])) == .shapeOverflow(tensor: "t"))
    #expect(ggufError(oneTensor([UInt64.max])) == .shapeOverflow(tensor: "t"))   // −1 as int64
    #expect(ggufError(oneTensor([1 << 62])) == .shapeOverflow(tensor: "t"))      // f32 bytes overflow
    #expect(ggufError(oneTensor([48], type: GGMLType.q8_0.rawValue)) == .rowNotBlockAligned(tensor: "t", ne0: 48, blockSize: 32))
    #expect(ggufError(oneTensor([4], offset: 16)) == .misalignedTensor(tensor: "t", offset: 16, alignment: 32))
    #expect(ggufError(oneTensor([17])) == .offsetOutOfRange(tensor: "t", offset: 0, byteCount: 68, dataSize: 64))
    #expect(ggufError(oneTensor([4], offset: 1 << 63)) == .offsetOutOfRange(tensor: "t", offset: 1 << 63, byteCount: 16, dataSize: 64))
    #expect(ggufError(oneTensor([16], offset: 32)) == .offsetOutOfRange(tensor: "t", offset: 32, byteCount: 64, dataSize: 64))
    withGGUF(oneTensor([16])) { r in
        guard case .success(let f) = r else { Issue.record("exact fit rejected: \(r)"); return }
        #expect(f.tensors[0].elementCount == 16)
    }
}

@Test func rejectsDuplicateAndOverlappingTensors() {
    var b = GGUFBytes(); b.header(tensors: 2, keys: 0)
    b.tensorInfo("t", [4], 0, offset: 0); b.tensorInfo("t", [4], 0, offset: 32)
    b.pad(to: 32); b.bytes += [UInt8](repeating: 0, count: 64)
    #expect(ggufError(b.bytes) == .duplicateTensor("t"))
    var c = GGUFBytes(); c.header(tensors: 3, keys: 0)
    c.tensorInfo("big", [64], 0, offset: 0); c.tensorInfo("small", [4], 0, offset: 32); c.tensorInfo("z", [4], 0, offset: 64)
    c.pad(to: 32); c.bytes += [UInt8](repeating: 0, count: 256)
    #expect(ggufError(c.bytes) == .overlappingTensors("big", "small"))
}

@Test func errorMessagesAreReadable() {
    #expect(GGUFError.badMagic(0x1234_5678).description == "not a GGUF file: magic is 0x12345678, expected 0x46554747 (\"GGUF\")")
    #expect(GGUFError.truncated(at: 24, need: 8).description == "GGUF file truncated: need 8 bytes at offset 24")
    #expect(GGUFError.unknownTensorType(99, tensor: "w").description == "tensor 'w' has unknown ggml type 99")
}

@Test func blockGeometryMatchesGGML() {
    #expect(GGMLType.q4_0.blockSize == 32 && GGMLType.q4_0.bytesPerBlock == 18)
    #expect(GGMLType.q4_1.bytesPerBlock == 20 && GGMLType.q8_0.bytesPerBlock == 34)
    #expect(GGMLType.q6_K.blockSize == 256 && GGMLType.q6_K.bytesPerBlock == 210)
    #expect(GGMLType.f16.blockSize == 1 && GGMLType.f16.bytesPerBlock == 2)
    #expect(GGMLType.bf16.name == "BF16")
    #expect(GGMLType.q4_K.byteCount(elements: 512) == 288)
    #expect(GGMLType.q4_K.byteCount(elements: 100) == nil)
}

@Test(.enabled(if: smolLM2Bytes != nil, "\(smolLM2Missing)"))
func readsSmolLM2() throws {
    let f = try #require(try? GGUFFile(bytes: smolLM2Bytes!))
    #expect(f.version == 3)
    #expect(f.string("general.architecture") == "llama")
    #expect(f.uint32("llama.block_count") == 30)
    #expect(f.uint32("llama.embedding_length") == 576)
    #expect(f.uint32("llama.attention.head_count") == 9)
    #expect(f.uint32("llama.attention.head_count_kv") == 3)
    #expect(f.float32("llama.rope.freq_base") == 100_000)
    #expect(f.string("tokenizer.ggml.model") == "gpt2")
    #expect(f.string("tokenizer.ggml.pre") == "smollm")
    #expect(f.array("tokenizer.ggml.tokens")?.count == 49152)
    #expect(f.tensor(named: "output.weight") == nil)
    let emb = try #require(f.tensor(named: "token_embd.weight"))
    #expect(emb.shape == [576, 49152])
    #expect(emb.type == .q8_0)
    #expect(f.tensor(named: "blk.0.attn_q.weight")?.type == .q4_1)
    #expect(f.tensor(named: "blk.29.ffn_down.weight")?.shape == [1536, 576])
    #expect(f.tensor(named: "output_norm.weight")?.type == .f32)
    // 30 layers × 9 tensors + token_embd + output_norm.
    #expect(f.tensors.count == 272)
    let last = f.tensors.max { $0.offset < $1.offset }!
    #expect(last.offset + last.byteCount <= f.bytes.count)
}
