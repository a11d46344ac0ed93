// Console line editor: echo, backspace, history recall, cancel, and rejection of over-long lines.
import Testing
@testable import KernelCore

struct Screen: TerminalOutput {
    var bytes: [UInt8] = []
    mutating func write(_ byte: UInt8) { bytes.append(byte) }
    var text: String { String(decoding: bytes, as: UTF8.self) }
}

func type(_ s: String, into editor: inout LineEditor, screen: inout Screen) -> [LineEvent] {
    var events: [LineEvent] = []
    for b in s.utf8 { if let e = editor.feed(b, echo: &screen) { events.append(e) } }
    return events
}

@Test func echoesAndSubmitsLines() {
    var ed = LineEditor(), scr = Screen()
    #expect(type("help\r", into: &ed, screen: &scr) == [.line("help")])
    #expect(scr.text == "help\r\n")
    #expect(type("mem\r\n", into: &ed, screen: &scr) == [.line("mem")])   // CR LF is one line end
    #expect(type("\n", into: &ed, screen: &scr) == [.line("")])
}

@Test func backspaceErasesOneCharacter() {
    var ed = LineEditor(), scr = Screen()
    #expect(type("cpx\u{7F}u\r", into: &ed, screen: &scr) == [.line("cpu")])
    #expect(scr.text == "cpx\u{8} \u{8}u\r\n")
    #expect(type("\u{8}\u{8}x\r", into: &ed, screen: &scr) == [.line("x")])   // backspace on empty line: no-op
}

@Test func historyRecallsEarlierLines() {
    var ed = LineEditor(), scr = Screen()
    _ = type("one\rtwo\r", into: &ed, screen: &scr)
    #expect(type("\u{1B}[A\r", into: &ed, screen: &scr) == [.line("two")])
    #expect(type("\u{1B}[A\u{1B}[A\r", into: &ed, screen: &scr) == [.line("one")])
    #expect(type("\u{1B}[A\u{1B}[B\u{1B}[B\r", into: &ed, screen: &scr) == [.line("")])
    // "two" recalled and re-run is not stored again (consecutive repeat); "one" after "two" is.
    #expect(ed.history.map { String(decoding: $0, as: UTF8.self) } == ["one", "two", "one"])
}

@Test func historyKeepsOnlyTheNewestEntries() {
    var ed = LineEditor(), scr = Screen()
    for i in 0..<(Limits.consoleHistory + 5) { _ = type("c\(i)\r", into: &ed, screen: &scr) }
    #expect(ed.history.count == Limits.consoleHistory)
    #expect(String(decoding: ed.history.first!, as: UTF8.self) == "c5")
}

@Test func overLongLineIsRejectedAndEditorStaysClean() {
    var ed = LineEditor(), scr = Screen()
    let long = String(repeating: "a", count: Limits.consoleLineMax + 10)
    #expect(type(long + "\r", into: &ed, screen: &scr) == [.tooLong(length: Limits.consoleLineMax + 10)])
    #expect(ed.buffer.isEmpty && ed.overflow == 0)
    #expect(scr.bytes.filter { $0 == 7 }.count == 1)                     // one bell, no echo past the limit
    #expect(type("ok\r", into: &ed, screen: &scr) == [.line("ok")])
    #expect(ed.history.count == 1)
}

@Test func controlCCancelsAndControlUClears() {
    var ed = LineEditor(), scr = Screen()
    #expect(type("junk\u{3}", into: &ed, screen: &scr) == [.cancelled])
    #expect(type("abc\u{15}up\r", into: &ed, screen: &scr) == [.line("up")])
}
