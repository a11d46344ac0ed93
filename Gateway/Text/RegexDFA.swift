// A Regex's NFA determinized ahead of time (subset construction) for the ASCII search: one table
// lookup per byte. Built at compile time when the reachable state count stays within
// PolicyLimits.maxRegexDFAStates; otherwise absent and the Pike VM (Regex+ASCII.swift) searches.
// Same answers as `Regex.search`: a state is the set of live threads after the bytes read so far,
// with `^` passable only at position 0 and `$` decided at the end of the text.

struct RegexDFA: Sendable {
    /// Byte (folded first under `(?i)`) → column; every byte ≥ 0x80 has the last column.
    let classOf: [UInt8]
    /// Columns per state: the byte classes, then the non-ASCII column.
    let stride: Int
    /// `row + column` → the next state's row (state × stride), `RegexDFA.matched` once a match is
    /// reachable, `RegexDFA.failed` once no thread is left (only anchored patterns get there: an
    /// unanchored search starts a thread at every byte), `RegexDFA.nonASCII` in the last column:
    /// one lookup and one compare per byte.
    let next: [UInt32]
    /// Per state: a match is reachable if the text ends here (the `$` threads).
    let acceptsAtEnd: [Bool]
    /// The row before the first byte (position 0).
    let start: UInt32

    static let matched = UInt32.max
    static let nonASCII = UInt32.max - 1
    static let failed = UInt32.max - 2
    /// `matched` in the construction's state-index table.
    private static let matchedIndex = UInt16.max

    /// Threads after an epsilon closure: consuming pcs, pcs waiting behind `$`, and whether `match` was reached.
    private struct Closure {
        var consuming: [Int32] = []
        var ends: [Int32] = []
        var matched = false
    }

    /// Nil when the automaton would exceed `maxStates` (the caller keeps the Pike VM).
    init?(_ program: [Regex.Inst], _ classes: [ScalarClass], caseInsensitive: Bool, anchoredStart: Bool,
          maxStates: Int) {
        let n = program.count
        // Consuming instructions and whether each accepts ASCII scalar c.
        func accepts(_ pc: Int, _ c: UInt32) -> Bool {
            switch program[pc] {
            case let .scalar(expected): return c == expected
            case let .set(i): return classes[i].contains(c)
            case .any: return c != 10
            default: return false
            }
        }
        // Byte classes: bytes every consuming instruction treats alike share a column.
        var consumingPCs: [Int] = []
        for pc in 0..<n {
            switch program[pc] {
            case .scalar, .set, .any: consumingPCs.append(pc)
            default: break
            }
        }
        var classOf = [UInt8](repeating: 0, count: 256)
        var signatures: [[Bool]] = []
        var representative: [UInt32] = []
        for b in UInt32(0)..<128 {
            let c = caseInsensitive && b >= 65 && b <= 90 ? b + 32 : b
            let signature = consumingPCs.map { accepts($0, c) }
            if let k = signatures.firstIndex(of: signature) {
                classOf[Int(b)] = UInt8(k)
            } else {
                guard signatures.count < 255 else { return nil }
                classOf[Int(b)] = UInt8(signatures.count)
                signatures.append(signature)
                representative.append(c)
            }
        }
        let classCount = signatures.count

        var mark = [Int32](repeating: -1, count: n)
        var stamp: Int32 = 0
        var stack: [Int32] = []
        // Epsilon closure of `seeds` at a position that is the start (`^` passes) or not; `$`
        // threads are set aside (they pass only at the end, decided by `acceptsAtEnd`).
        func closure(_ seeds: [Int32], atStart: Bool, atEnd: Bool, into out: inout Closure) {
            stamp += 1
            stack.removeAll(keepingCapacity: true)
            for s in seeds.reversed() { stack.append(s) }
            while let top = stack.popLast() {
                let pc = Int(top)
                if mark[pc] == stamp { continue }
                mark[pc] = stamp
                switch program[pc] {
                case .match: out.matched = true
                case let .jump(t): stack.append(Int32(t))
                case let .split(a, b): stack.append(Int32(b)); stack.append(Int32(a))
                case .assertStart: if atStart { stack.append(Int32(pc + 1)) }
                case .assertEnd: if atEnd { stack.append(Int32(pc + 1)) } else { out.ends.append(Int32(pc + 1)) }
                case .scalar, .set, .any: out.consuming.append(Int32(pc))
                }
            }
        }
        func key(_ c: Closure) -> [Int32] {
            var k = c.consuming.sorted()
            k.append(-1)
            k.append(contentsOf: c.ends.sorted())
            return k
        }

        var fresh = Closure()
        closure([0], atStart: false, atEnd: false, into: &fresh)
        if fresh.matched { return nil }  // nullable patterns are never searched here
        var initial = Closure()
        closure([0], atStart: true, atEnd: false, into: &initial)
        if initial.matched { return nil }

        var states: [Closure] = [initial]
        var index: [[Int32]: Int] = [key(initial): 0]
        var next: [UInt16] = []
        var acceptsAtEnd: [Bool] = []
        var byStep: [[Int32]: UInt16] = [:]
        var s = 0
        while s < states.count {
            let current = states[s]
            var end = Closure()
            closure(current.ends, atStart: false, atEnd: true, into: &end)
            acceptsAtEnd.append(end.matched)
            for k in 0..<classCount {
                let c = representative[k]
                var step: [Int32] = []
                for pc in current.consuming where accepts(Int(pc), c) { step.append(pc + 1) }
                // The next state depends only on the set of threads that advanced (most
                // transitions share a few such sets, often the empty one): build each once.
                step.sort()
                if let known = byStep[step] { next.append(known); continue }
                var target = Closure()
                closure(step, atStart: false, atEnd: false, into: &target)
                if !anchoredStart && !target.matched {
                    // A new thread starts at every position (the implicit `.*?` prefix).
                    for pc in fresh.consuming where mark[Int(pc)] != stamp { target.consuming.append(pc) }  // not in target's closure
                    for pc in fresh.ends where !target.ends.contains(pc) { target.ends.append(pc) }
                }
                if target.matched { next.append(RegexDFA.matchedIndex); byStep[step] = RegexDFA.matchedIndex; continue }
                let k = key(target)
                let entry: UInt16
                if let known = index[k] {
                    entry = UInt16(known)
                } else {
                    guard states.count < maxStates else { return nil }
                    index[k] = states.count
                    entry = UInt16(states.count)
                    states.append(target)
                }
                next.append(entry)
                byStep[step] = entry
            }
            s += 1
        }
        // Rows of the search table: premultiplied targets plus the non-ASCII column.
        let stride = classCount + 1
        // The state without threads, if reached: no later byte can revive it (no thread starts after
        // position 0 when anchored) and it does not accept at the end, so the answer is false.
        let dead = states.firstIndex { $0.consuming.isEmpty && $0.ends.isEmpty && !$0.matched }
        var rows = [UInt32](repeating: RegexDFA.nonASCII, count: states.count * stride)
        for state in 0..<states.count {
            for k in 0..<classCount {
                let target = next[state * classCount + k]
                rows[state * stride + k] = target == RegexDFA.matchedIndex ? RegexDFA.matched
                    : Int(target) == dead ? RegexDFA.failed : UInt32(target) * UInt32(stride)
            }
        }
        for b in 128..<256 { classOf[b] = UInt8(classCount) }  // classCount ≤ 255 (the guard above)
        self.classOf = classOf
        self.stride = stride
        self.next = rows
        self.acceptsAtEnd = acceptsAtEnd
        self.start = 0
    }

    /// True/false as `Regex.search` would answer; nil at the first byte ≥ 0x80 when not yet
    /// decided (the caller's scalar search decides then). `text` must be non-empty.
    func search(_ text: UnsafeBufferPointer<UInt8>) -> Bool? {
        next.withUnsafeBufferPointer { next in
            classOf.withUnsafeBufferPointer { classOf in
                var row = Int(start)
                for b in text {
                    let t = next[row &+ Int(classOf[Int(b)])]
                    if t >= RegexDFA.failed {
                        if t == RegexDFA.nonASCII { return nil }
                        return t == RegexDFA.matched
                    }
                    row = Int(t)
                }
                return acceptsAtEnd[row / stride]
            }
        }
    }
}
