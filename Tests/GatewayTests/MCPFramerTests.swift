// Tests of the newline framing: LF and CRLF, chunk boundaries, blank lines, overlong lines and resync.
import Testing
@testable import Gateway

private func frames(_ input: String, max: Int = 16, chunk: Int = 3) -> [MCPFrame] {
    var framer = MCPLineFramer(maxLineBytes: max)
    var out: [MCPFrame] = []
    let bytes = Array(input.utf8)
    var i = 0
    while i < bytes.count {
        framer.push(contentsOf: bytes[i..<min(i + chunk, bytes.count)]) { out.append($0) }
        i += chunk
    }
    return out
}

private func line(_ s: String) -> MCPFrame { .line(Array(s.utf8)) }

@Test func framerSplitsLinesAcrossChunks() {
    for chunk in [1, 2, 3, 7, 100] {
        #expect(frames("ab\ncd\r\n\nefg\n", chunk: chunk) == [line("ab"), line("cd"), line(""), line("efg")])
    }
}

@Test func framerKeepsAnUnfinishedLinePending() {
    var framer = MCPLineFramer(maxLineBytes: 16)
    var out: [MCPFrame] = []
    framer.push(contentsOf: Array("abc".utf8)) { out.append($0) }
    #expect(out.isEmpty)
    #expect(framer.pendingByteCount == 3)
    #expect(framer.push(UInt8(ascii: "\n")) == line("abc"))
    #expect(framer.pendingByteCount == 0)
}

@Test func framerAcceptsExactlyTheLimitAndRejectsOneMore() {
    let exact = String(repeating: "x", count: 16)
    #expect(frames(exact + "\n") == [line(exact)])
    #expect(frames(exact + "\r\n") == [line(exact)], "a CR after a full line is the terminator, not content")
    #expect(frames(exact + "y\nok\n") == [.overlong(byteCount: 17), line("ok")])
}

@Test func framerDiscardsOverlongLinesAndResyncs() {
    let long = String(repeating: "z", count: 100)
    #expect(frames("a\n" + long + "\r\nb\n", chunk: 5) == [line("a"), .overlong(byteCount: 101), line("b")])
    #expect(frames(long + "\n" + long + "\n") == [.overlong(byteCount: 100), .overlong(byteCount: 100)])
}

@Test func framerResetDropsThePartialLine() {
    var framer = MCPLineFramer(maxLineBytes: 4)
    framer.push(contentsOf: Array("abcdefgh".utf8)) { _ in Issue.record("no frame expected") }
    framer.reset()
    #expect(framer.push(UInt8(ascii: "\n")) == line(""))
}
