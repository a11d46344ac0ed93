// A compiled regex: Thompson construction to a tiny instruction set, matched by simulating every
// NFA thread in lock step (Pike VM without captures). Time O(pattern × text), no backtracking.
//
// `matches(_:)` has search semantics (like ECMAScript `RegExp.test` and JSON Schema `pattern`):
// it is true if the pattern matches anywhere; anchor with `^…$` for a whole-string match.
// Shared by the policy language (layer 6) and JSON Schema `pattern` (layer 1).

/// A final class (immutable after init): matchers and schema nodes that hold one copy a single
/// reference, not the seven arrays below (the policy and schema layers copy matchers per call).
public final class Regex: Sendable {
    enum Inst: Sendable {
        case scalar(UInt32)
        case set(Int)  // index into `classes`
        case any  // any scalar except '\n'
        case split(Int, Int)  // try both (order irrelevant: no captures)
        case jump(Int)
        case assertStart
        case assertEnd
        case match
    }

    let program: [Inst]
    let classes: [ScalarClass]
    let caseInsensitive: Bool
    /// Which ASCII scalars can begin a match (bit c of the two words), and whether a non-ASCII
    /// scalar can; nil when the pattern can match the empty string (no filtering possible).
    let firstASCII: (UInt64, UInt64)?
    let firstNonASCII: Bool
    /// Every match starts at position 0 (the pattern begins with `^` in all branches).
    let anchoredStart: Bool
    /// For the ASCII search: the threads a byte starts away from the text's edges (nil for a
    /// pattern that can match the empty string).
    let starts: RegexStartTable?
    /// The determinized search for ASCII text (nil for nullable patterns and oversized automata).
    let dfa: RegexDFA?
    /// Literals one of which every match contains, checked before the NFA paths (nil when the
    /// pattern has no useful set, see RegexLiterals).
    let gate: RegexLiteralGate?
    /// The pattern as written (for audit reasons and error messages).
    public let pattern: String

    public init(_ pattern: String) throws(RegexError) {
        var parser = try RegexParser(pattern)
        let tree = try parser.parse()
        var compiler = RegexCompiler(caseInsensitive: parser.caseInsensitive)
        try compiler.emit(tree)
        compiler.program.append(.match)
        try compiler.checkSize()
        self.program = compiler.program
        self.classes = compiler.classes
        self.caseInsensitive = parser.caseInsensitive
        self.pattern = pattern
        let first = Regex.firstScalars(compiler.program, compiler.classes)
        self.firstASCII = first.ascii
        self.firstNonASCII = first.nonASCII
        self.anchoredStart = first.anchored
        self.starts = first.ascii == nil ? nil
            : RegexStartTable(compiler.program, compiler.classes, caseInsensitive: parser.caseInsensitive)
        self.dfa = first.ascii == nil ? nil
            : RegexDFA(compiler.program, compiler.classes, caseInsensitive: parser.caseInsensitive,
                       anchoredStart: first.anchored, maxStates: PolicyLimits.maxRegexDFAStates)
        self.gate = RegexLiteralGate(tree)
    }

    /// Consuming instructions reachable from pc 0 through epsilon edges (assertions treated as
    /// passable, an over-approximation that can only make the filter less selective).
    private static func firstScalars(_ program: [Inst], _ classes: [ScalarClass])
        -> (ascii: (UInt64, UInt64)?, nonASCII: Bool, anchored: Bool) {
        var lo: UInt64 = 0
        var hi: UInt64 = 0
        var nonASCII = false
        var nullable = false
        func mark(_ c: UInt32) {
            if c < 64 { lo |= 1 << UInt64(c) } else if c < 128 { hi |= 1 << UInt64(c - 64) } else { nonASCII = true }
        }
        // Pass 1: the first-scalar set, walking through every assertion.
        var seen = [Bool](repeating: false, count: program.count)
        var stack = [0]
        while let pc = stack.popLast() {
            if seen[pc] { continue }
            seen[pc] = true
            switch program[pc] {
            case let .scalar(c): mark(c)
            case let .set(i):
                for c in UInt32(0)..<128 where classes[i].contains(c) { mark(c) }
                if classes[i].negated || classes[i].ranges.contains(where: { $0.upperBound >= 128 }) { nonASCII = true }
            case .any:
                for c in UInt32(0)..<128 where c != 10 { mark(c) }
                nonASCII = true
            case let .split(a, b): stack.append(a); stack.append(b)
            case let .jump(t): stack.append(t)
            case .assertStart, .assertEnd: stack.append(pc + 1)
            case .match: nullable = true
            }
        }
        // Pass 2: anchored if nothing consumes or matches before a `^` on every path from pc 0.
        var anchored = true
        seen = [Bool](repeating: false, count: program.count)
        stack = [0]
        while let pc = stack.popLast() {
            if seen[pc] { continue }
            seen[pc] = true
            switch program[pc] {
            case let .split(a, b): stack.append(a); stack.append(b)
            case let .jump(t): stack.append(t)
            case .assertEnd: stack.append(pc + 1)
            case .assertStart: break
            default: anchored = false
            }
        }
        if nullable { return (nil, true, anchored) }
        return ((lo, hi), nonASCII, anchored)
    }

    @inline(__always)
    func canStart(_ c: UInt32) -> Bool {
        guard let (lo, hi) = firstASCII else { return true }
        if c < 64 { return lo & (1 << UInt64(c)) != 0 }
        if c < 128 { return hi & (1 << UInt64(c - 64)) != 0 }
        return firstNonASCII
    }

    /// True if the pattern matches some substring of `text`.
    public func matches(_ text: String) -> Bool {
        var text = text
        // Fast path: native strings are contiguous UTF-8; pure ASCII is matched byte by byte
        // (nil = a non-ASCII byte was met, so the NFA paths below decide).
        if let dfa, !text.isEmpty, let found = text.withUTF8({ dfa.search($0) }) { return found }
        // The NFA paths cost O(pattern × text): first one pass for the required literals.
        if let gate, !text.withUTF8({ gate.mayMatch($0) }) { return false }
        if dfa == nil, let starts {
            let ascii: Bool? = text.withUTF8 { bytes in withScratch { searchASCII(bytes, starts, &$0) } }
            if let ascii { return ascii }
        }
        return withScratch { search(text, &$0) }
    }

    /// The Pike VM's ASCII path (nil = non-ASCII met), for differential tests of the DFA.
    func matchesByNFA(_ text: String) -> Bool? {
        guard let starts else { return nil }
        var text = text
        return text.withUTF8 { bytes in withScratch { searchASCII(bytes, starts, &$0) } }
    }

    /// The general (Unicode scalar) path alone, for differential tests of the ASCII fast path.
    func matchesByScalars(_ text: String) -> Bool {
        withScratch { search(text, &$0) }
    }

    /// Runs `body` with a fresh scratch block.
    func withScratch<R>(_ body: (inout Scratch) -> R) -> R {
        let n = program.count
        // One scratch block, on the stack when small: [0,n) the position whose list holds each pc
        // (-1 = none), the current list and the next list (n each: a pc is listed once per
        // position), and the closure stack (2n+1: each newly listed pc pushes at most two).
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 5 * n + 1) { buffer in
            let base = buffer.baseAddress!
            base.initialize(repeating: -1, count: n)
            var scratch = Scratch(onList: base, current: base + n, next: base + 2 * n, stack: base + 3 * n)
            return body(&scratch)
        }
    }

    /// Pointers into the scratch block of `matches`; the lists hold program counters.
    struct Scratch {
        var onList: UnsafeMutablePointer<Int32>
        var current: UnsafeMutablePointer<Int32>
        var next: UnsafeMutablePointer<Int32>
        var stack: UnsafeMutablePointer<Int32>
        var currentCount = 0
        var nextCount = 0
    }

    private func search(_ text: String, _ t: inout Scratch) -> Bool {
        let count = text.unicodeScalars.count
        var position = 0
        for u in text.unicodeScalars {
            var c = u.value
            if caseInsensitive, c >= 65, c <= 90 { c += 32 }
            // Unanchored search: a new thread starts at every position where a match could begin
            // (the NFA's implicit `.*?` prefix, filtered by the first-scalar set).
            if (position == 0 || !anchoredStart) && canStart(c) {
                if addThread(0, at: position, count: count, toNext: false, &t) { return true }
            }
            if t.currentCount == 0 {
                if anchoredStart { return false }
                position += 1
                continue
            }
            t.nextCount = 0
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
            position += 1
            swap(&t.current, &t.next)
            t.currentCount = t.nextCount
        }
        // Empty matches at the end (`$`, `a*`): only possible for nullable patterns.
        if firstASCII == nil, position == 0 || !anchoredStart {
            return addThread(0, at: position, count: count, toNext: false, &t)
        }
        return false
    }

    /// Adds `start` and its epsilon closure at `position` to the current or next list; returns
    /// true if a `match` is reachable.
    func addThread(_ start: Int, at position: Int, count: Int, toNext: Bool, _ t: inout Scratch) -> Bool {
        let stamp = Int32(truncatingIfNeeded: position)
        var depth = 0
        t.stack[0] = Int32(start)
        depth = 1
        while depth > 0 {
            depth -= 1
            let pc = Int(t.stack[depth])
            if t.onList[pc] == stamp { continue }
            t.onList[pc] = stamp
            if toNext {
                t.next[t.nextCount] = Int32(pc)
                t.nextCount += 1
            } else {
                t.current[t.currentCount] = Int32(pc)
                t.currentCount += 1
            }
            switch program[pc] {
            case .match: return true
            case let .jump(target):
                t.stack[depth] = Int32(target); depth += 1
            case let .split(a, b):
                t.stack[depth] = Int32(b); depth += 1
                t.stack[depth] = Int32(a); depth += 1
            case .assertStart: if position == 0 { t.stack[depth] = Int32(pc + 1); depth += 1 }
            case .assertEnd: if position == count { t.stack[depth] = Int32(pc + 1); depth += 1 }
            default: break
            }
        }
        return false
    }
}

/// Thompson construction of a RegexNode into Regex.Inst.
struct RegexCompiler {
    var program: [Regex.Inst] = []
    var classes: [ScalarClass] = []
    let caseInsensitive: Bool

    init(caseInsensitive: Bool) {
        self.caseInsensitive = caseInsensitive
    }

    func checkSize() throws(RegexError) {
        if program.count > PolicyLimits.maxRegexProgram {
            throw RegexError(offset: 0, message: "compiled program exceeds \(PolicyLimits.maxRegexProgram) instructions")
        }
    }

    mutating func emit(_ node: RegexNode) throws(RegexError) {
        try checkSize()
        switch node {
        case .empty: break
        case var .scalar(c):
            if caseInsensitive, c >= 65, c <= 90 { c += 32 }
            program.append(.scalar(c))
        case var .set(cls):
            if caseInsensitive {
                // Input is folded to lowercase, so every uppercase ASCII range gains its lowercase twin.
                for r in cls.ranges where r.upperBound >= 65 && r.lowerBound <= 90 {
                    cls.ranges.append((max(r.lowerBound, 65) + 32)...(min(r.upperBound, 90) + 32))
                }
            }
            classes.append(cls)
            program.append(.set(classes.count - 1))
        case .any: program.append(.any)
        case .lineStart: program.append(.assertStart)
        case .lineEnd: program.append(.assertEnd)
        case let .concat(items):
            for item in items { try emit(item) }
        case let .alternate(branches):
            // split L1, next; L1: branch0; jmp end; next: split L2, ... last branch
            var jumps: [Int] = []
            for (k, branch) in branches.enumerated() {
                if k < branches.count - 1 {
                    let split = program.count
                    program.append(.split(split + 1, -1))
                    try emit(branch)
                    jumps.append(program.count)
                    program.append(.jump(-1))
                    program[split] = .split(split + 1, program.count)
                } else {
                    try emit(branch)
                }
            }
            for j in jumps { program[j] = .jump(program.count) }
        case let .repetition(inner, minCount, maxCount):
            for _ in 0..<minCount { try emit(inner) }
            if let maxCount {
                // (inner)? repeated (max - min) times, each optional part skipping to the end.
                var splits: [Int] = []
                for _ in minCount..<maxCount {
                    splits.append(program.count)
                    program.append(.split(program.count + 1, -1))
                    try emit(inner)
                }
                for sp in splits { program[sp] = .split(sp + 1, program.count) }
            } else {
                // L: split body, end; body; jmp L
                let loop = program.count
                program.append(.split(loop + 1, -1))
                try emit(inner)
                program.append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            }
        }
    }
}
