// Tests of compact and canonical (RFC 8785 style) JSON serialization.
import Testing
@testable import Gateway

@Test func canonicalSortsKeysAndDropsWhitespace() throws {
    let v = try JSONParser.parse(#"{ "b": [1, {"z": null, "a": true}], "a": "x", "A": 1.50 }"#)
    #expect(JSONWriter.canonicalString(v) == #"{"A":1.50,"a":"x","b":[1,{"a":true,"z":null}]}"#)
    #expect(JSONWriter.compactString(v) == #"{"b":[1,{"z":null,"a":true}],"a":"x","A":1.50}"#)
}

@Test func canonicalSortsByUTF16CodeUnits() throws {
    // U+1F600 (surrogates D83D...) sorts before U+FB01 in UTF-16 order, after it in scalar order.
    let v = try JSONParser.parse(#"{"\ufb01":1,"\ud83d\ude00":2}"#)
    #expect(JSONWriter.canonicalString(v) == "{\"\u{1F600}\":2,\"\u{FB01}\":1}")
}

@Test func canonicalEscapesMinimally() throws {
    let v = try JSONParser.parse(#""a\/b\u00e9\"\\\n\u0001\t""#)
    #expect(JSONWriter.canonicalString(v) == "\"a/b\u{e9}\\\"\\\\\\n\\u0001\\t\"")
}

@Test func canonicalNormalizesIntegers() throws {
    #expect(JSONWriter.canonicalString(try JSONParser.parse("[-0, 1e2, 1.0, 10E-1, 0.5, 2.5E+3]")) == "[0,100,1,1,0.5,2500]")
    #expect(JSONWriter.canonicalString(try JSONParser.parse("1e300")) == "1e300")
}

@Test func canonicalRoundTrips() throws {
    let text = #"{"k":["\u0000",{"n":-12.75}],"e":{}, "l":[]}"#
    let once = JSONWriter.canonicalString(try JSONParser.parse(text))
    #expect(JSONWriter.canonicalString(try JSONParser.parse(once)) == once)
}
