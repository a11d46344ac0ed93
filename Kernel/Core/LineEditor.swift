// Console line editor: printable input, backspace, Ctrl-U (clear), Ctrl-C (cancel), history with the up/down
// arrow keys (ESC [ A / ESC [ B). Output (echo) goes to a TerminalOutput; lines longer than
// Limits.consoleLineMax are refused whole when Enter arrives, leaving the editor clean.

public protocol TerminalOutput {
    mutating func write(_ byte: UInt8)
}

public enum LineEvent: Equatable {
    /// A complete line (may be empty).
    case line(String)
    /// The line exceeded `Limits.consoleLineMax` characters and was discarded.
    case tooLong(length: Int)
    /// Ctrl-C: the line was abandoned.
    case cancelled
}

public struct LineEditor {
    public private(set) var buffer: [UInt8] = []
    public private(set) var history: [[UInt8]] = []
    /// Characters typed past the limit (the line is rejected at Enter); 0 = within limits.
    public private(set) var overflow = 0
    private var escapeState = 0            // 0 none, 1 after ESC, 2 after ESC [
    private var historyCursor = 0          // == history.count when editing a fresh line
    private var lastWasCR = false

    public init() {}

    /// Feeds one input byte; echo is written to `out`. Returns an event when a line ends.
    public mutating func feed(_ byte: UInt8, echo out: inout some TerminalOutput) -> LineEvent? {
        if escapeState == 1 { escapeState = byte == UInt8(ascii: "[") ? 2 : 0; return nil }
        if escapeState == 2 {
            escapeState = 0
            if byte == UInt8(ascii: "A") { recall(-1, &out) } else if byte == UInt8(ascii: "B") { recall(1, &out) }
            return nil
        }
        defer { lastWasCR = byte == 13 }
        switch byte {
        case 13, 10:
            if byte == 10 && lastWasCR { return nil }          // CR LF counts once
            out.write(13); out.write(10)
            return finishLine()
        case 8, 127:
            if overflow > 0 { overflow -= 1; return nil }
            if !buffer.isEmpty { buffer.removeLast(); erase(1, &out) }
        case 3:
            out.write(UInt8(ascii: "^")); out.write(UInt8(ascii: "C")); out.write(13); out.write(10)
            reset()
            return .cancelled
        case 21:
            erase(buffer.count, &out)
            buffer.removeAll(keepingCapacity: true)
            overflow = 0
        case 27:
            escapeState = 1
        case 32...126:
            if buffer.count < Limits.consoleLineMax && overflow == 0 {
                buffer.append(byte); out.write(byte)
            } else {
                if overflow == 0 { out.write(7) }               // bell once when the limit is hit
                overflow += 1
            }
        default:
            break                                               // other control bytes are ignored
        }
        return nil
    }

    private mutating func finishLine() -> LineEvent {
        defer { reset() }
        if overflow > 0 { return .tooLong(length: buffer.count + overflow) }
        if !buffer.isEmpty && history.last != buffer {
            if history.count == Limits.consoleHistory { history.removeFirst() }
            history.append(buffer)
        }
        return .line(String(decoding: buffer, as: UTF8.self))
    }

    private mutating func reset() {
        buffer.removeAll(keepingCapacity: true)
        overflow = 0
        historyCursor = history.count
        escapeState = 0
    }

    private mutating func recall(_ step: Int, _ out: inout some TerminalOutput) {
        let target = historyCursor + step
        guard target >= 0, target <= history.count else { return }
        historyCursor = target
        erase(buffer.count, &out)
        buffer = target == history.count ? [] : history[target]
        overflow = 0
        for b in buffer { out.write(b) }
    }

    private func erase(_ count: Int, _ out: inout some TerminalOutput) {
        for _ in 0..<count { out.write(8); out.write(32); out.write(8) }
    }
}
