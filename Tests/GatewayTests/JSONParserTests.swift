// Tests of the strict JSON parser: RFC 8259 grammar, limits, duplicates, UTF-8, error positions.
import Testing
@testable import Gateway

private func parseError(_ text: String) -> JSONError? {
    do { _ = try JSONParser.parse(text); return nil } catch { return error }
}

private func parseError(bytes: [UInt8]) -> JSONError? {
    do { _ = try JSONParser.parse(bytes: bytes); return nil } catch { return error }
}

@Test func parsesEveryValueKind() throws {
    let v = try JSONParser.parse(#" { "a" : [1, -2.5e1, true, false, null], "b": "x\ny\u00e9\ud83d\ude00" } "#)
    #expect(v["a"] == .array([.number(text: "1", value: 1), .number(text: "-2.5e1", value: -25),
                              .bool(true), .bool(false), .null]))
    #expect(v["b"]?.stringValue == "x\ny\u{e9}\u{1F600}")
}

@Test func numbersKeepTextAndConvertExactly() throws {
    #expect(try JSONParser.parse("123456789012").doubleValue == 123456789012)
    #expect(try JSONParser.parse("0.1").doubleValue == 0.1)
    #expect(try JSONParser.parse("1e3").doubleValue == 1000)
    #expect(try JSONParser.parse("-0").doubleValue == 0)
    #expect(try JSONParser.parse("1E-2").doubleValue == 0.01)
}

@Test func rejectsBadNumbers() {
    for bad in ["01", "1.", ".5", "-", "1e", "+1", "1e+", "0x10", "NaN", "Infinity"] {
        #expect(parseError(bad) != nil, "\(bad) should fail")
    }
    #expect(parseError("1e999")?.kind == .numberOutOfRange)
    #expect(parseError(String(repeating: "1", count: 70))?.kind == .numberTooLong)
}

@Test func rejectsDuplicateKeys() {
    #expect(parseError(#"{"a":1,"a":2}"#)?.kind == .duplicateKey("a"))
    // Escaped spelling of the same key is still a duplicate.
    #expect(parseError(#"{"a":1,"\u0061":2}"#)?.kind == .duplicateKey("a"))
    // Larger objects take the set path.
    var big = "{"
    for i in 0..<40 { big += "\"k\(i)\":\(i)," }
    big += "\"k7\":0}"
    #expect(parseError(big)?.kind == .duplicateKey("k7"))
}

@Test func rejectsInvalidUTF8() {
    let quote = UInt8(ascii: "\"")
    for seq: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xF4, 0x90, 0x80, 0x80]] {
        #expect(parseError(bytes: [quote] + seq + [quote])?.kind == .invalidUTF8)
    }
    #expect(parseError(bytes: [quote, 0xE2, 0x82, 0xAC, quote]) == nil)  // U+20AC is fine
}

@Test func rejectsBadStringsAndEscapes() {
    #expect(parseError("\"a\u{01}b\"")?.kind == .controlCharacterInString)
    #expect(parseError(#""\x""#)?.kind == .invalidEscape)
    #expect(parseError(#""\ud800""#)?.kind == .invalidUnicodeEscape)
    #expect(parseError(#""\udc00""#)?.kind == .invalidUnicodeEscape)
    #expect(parseError(#""\u12g4""#)?.kind == .invalidUnicodeEscape)
    #expect(parseError(#""abc"#)?.kind == .unexpectedEnd)
}

@Test func enforcesDepthAndStructure() {
    let deep = String(repeating: "[", count: GatewayLimits.jsonMaxDepth + 1) + String(repeating: "]", count: GatewayLimits.jsonMaxDepth + 1)
    #expect(parseError(deep)?.kind == .tooDeep)
    let ok = String(repeating: "[", count: GatewayLimits.jsonMaxDepth) + String(repeating: "]", count: GatewayLimits.jsonMaxDepth)
    #expect(parseError(ok) == nil)
    #expect(parseError("")?.kind == .empty)
    #expect(parseError("[1,]") != nil)
    #expect(parseError("{\"a\":1,}") != nil)
    #expect(parseError("[1] x")?.kind == .trailingData)
    #expect(parseError("tru")?.kind == .unexpectedEnd)
    #expect(parseError("nul1")?.kind == .invalidLiteral)
    #expect(parseError("{'a':1}")?.kind == .unexpectedByte(UInt8(ascii: "'")))
}

@Test func reportsLineAndColumn() {
    let e = parseError("{\n  \"a\": 1,\n  \"b\": tru\n}")
    #expect(e?.line == 3)
    #expect(e?.column == 11)  // the newline where "e" was expected
    #expect(e?.description.hasPrefix("JSON error at line 3, column 11") == true)
}

@Test func rejectsOversizedDocument() {
    let big = [UInt8](repeating: 0x20, count: GatewayLimits.jsonMaxBytes + 1)
    #expect(parseError(bytes: big)?.kind == .tooLarge)
}
