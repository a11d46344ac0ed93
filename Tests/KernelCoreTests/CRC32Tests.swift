// CRC-32 check value of the standard test string.
import Testing
@testable import KernelCore

@Test func crc32CheckValue() {
    let v = Array("123456789".utf8).withUnsafeBytes { CRC32.checksum($0) }
    #expect(v == 0xCBF4_3926)
    var split = CRC32()
    Array("1234".utf8).withUnsafeBytes { split.update($0) }
    Array("56789".utf8).withUnsafeBytes { split.update($0) }
    #expect(split.value == 0xCBF4_3926)
}
