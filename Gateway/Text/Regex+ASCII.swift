// The byte-level search of Regex for pure-ASCII text: the same lock-step NFA simulation as
// `search`, but away from position 0 new threads come from a per-byte table (only the branches
// that accept the byte are started) and stretches where no thread is alive and no byte can start
// one are skipped.

extension Regex {
    /// True/false as `search` would answer on the same text; nil at the first byte ≥ 0x80 when not
    /// yet decided (a match found in an ASCII prefix is a match of the whole text: positions there
    /// equal scalar offsets and `$` only holds at the very end).
    func searchASCII(_ text: UnsafeBufferPointer<UInt8>, _ starts: RegexStartTable, _ t: inout Scratch) -> Bool? {
        let count = text.count
        var position = 0
        while position < count {
            var b = text[position]
            if b >= 0x80 { return nil }
            if t.currentCount == 0, position > 0 {
                // No live thread: only a byte that starts one that survives the next byte matters.
                while !starts.canStart(b) || (position + 1 < count && !starts.pairCanLive(b, text[position + 1])) {
                    position += 1
                    if position == count { return false }
                    b = text[position]
                    if b >= 0x80 { return nil }
                }
            }
            var c = UInt32(b)
            if caseInsensitive, c >= 65, c <= 90 { c += 32 }
            t.nextCount = 0
            if position == 0, canStart(c) {
                // `^` can hold here: take the full closure as `search` does.
                if addThread(0, at: 0, count: count, toNext: false, &t) { return true }
            }
            for k in 0..<t.currentCount {
                let pc = Int(t.current[k])
                let advance: Bool
                switch program[pc] {
                case let .scalar(expected): advance = c == expected
                case let .set(index): advance = classes[index].contains(c)
                case .any: advance = c != 10
                default: advance = false  // split/jump/asserts were resolved in addThread
                }
                if advance, addThread(pc + 1, at: position + 1, count: count, toNext: true, &t) { return true }
            }
            if position > 0, !anchoredStart, position + 1 == count || starts.pairCanLive(b, text[position + 1]) {
                var k = Int(starts.offsets[Int(b)])
                let end = Int(starts.offsets[Int(b) + 1])
                while k < end {
                    if addThread(Int(starts.pcs[k]) + 1, at: position + 1, count: count, toNext: true, &t) { return true }
                    k += 1
                }
            }
            swap(&t.current, &t.next)
            t.currentCount = t.nextCount
            position += 1
            if t.currentCount == 0, anchoredStart { return false }
        }
        return false
    }
}
