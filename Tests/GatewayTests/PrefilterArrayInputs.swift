// Array-input forms of the pre-filter's buffer functions, for the tests only: the library reads
// strings and decoded views in place, so it takes buffers; tests build their inputs as arrays.
@testable import Gateway

extension TextFolder {
    static func fold(_ input: [UInt8], into out: inout [UInt8]) {
        input.withUnsafeBufferPointer { fold($0, into: &out) }
    }
}

extension DecodeHints {
    init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { DecodeHints($0) }
    }
}

extension Decoders {
    @discardableResult
    static func percentDecode(_ s: [UInt8], into out: inout [UInt8]) -> Bool {
        s.withUnsafeBufferPointer { percentDecode($0, into: &out) }
    }

    @discardableResult
    static func htmlDecode(_ s: [UInt8], into out: inout [UInt8]) -> Bool {
        s.withUnsafeBufferPointer { htmlDecode($0, into: &out) }
    }
}
