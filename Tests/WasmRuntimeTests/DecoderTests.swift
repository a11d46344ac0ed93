// Decoder unit tests: header, LEB128 edge cases, section ordering.
import Testing
@testable import WasmRuntime

@Suite struct DecoderTests {
    @Test func rejectsBadMagic() {
        #expect(throws: WasmError.malformed("magic header not detected")) {
            _ = try Decoder.load([0x00, 0x61, 0x73, 0x6E, 1, 0, 0, 0])
        }
    }

    @Test func acceptsEmptyModule() throws {
        let m = try Decoder.load([0x00, 0x61, 0x73, 0x6D, 1, 0, 0, 0])
        #expect(m.exports.isEmpty)
    }

    @Test func lebUnsignedEdgeCases() throws {
        var r = ByteReader([0xFF, 0xFF, 0xFF, 0xFF, 0x0F])
        #expect(try r.u32() == UInt32.max)
        var tooLarge = ByteReader([0xFF, 0xFF, 0xFF, 0xFF, 0x1F])
        #expect(throws: WasmError.malformed("integer too large")) { _ = try tooLarge.u32() }
        var tooLong = ByteReader([0x80, 0x80, 0x80, 0x80, 0x80, 0x00])
        #expect(throws: WasmError.malformed("integer representation too long")) { _ = try tooLong.u32() }
    }

    @Test func lebSignedEdgeCases() throws {
        var r = ByteReader([0x80, 0x80, 0x80, 0x80, 0x78])
        #expect(try r.s32() == Int32.min)
        var bad = ByteReader([0x80, 0x80, 0x80, 0x80, 0x70])
        #expect(throws: WasmError.malformed("integer too large")) { _ = try bad.s32() }
        var minus1 = ByteReader([0x7F])
        #expect(try minus1.s64() == -1)
        var big = ByteReader([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00])
        #expect(try big.s64() == Int64.max)
    }
}
