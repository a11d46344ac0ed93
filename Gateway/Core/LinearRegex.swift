// A small regular-expression engine for schema `pattern`s (and any other gateway use) that runs
// in time linear in the input: patterns compile to an NFA program run as a Pike VM (no backtracking).
// Syntax: literals, `.`, classes `[a-z]`/`[^...]`, `\d \w \s \D \W \S`, escapes, `^ $`, groups
// `( )`/`(?: )`, `|`, `* + ?`, `{m}` `{m,}` `{m,n}`. Matching is a search (unanchored unless ^/$).

public struct RegexError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// Offset in Unicode scalars of the fault in the pattern.
    public var offset: Int
    public var description: String { "regex error at \(offset): \(message)" }
}

public struct LinearRegex: Sendable {
    enum Inst: Sendable {
        case scalar(UInt32)
        case any                   // any scalar except newline
        case set(Int)              // index into `sets`
        case split(Int, Int)       // try both
        case jump(Int)
        case lineStart
        case lineEnd
        case match
    }

    struct ScalarSet: Sendable {
        var ranges: [ClosedRange<UInt32>]
        var negated: Bool
        func contains(_ c: UInt32) -> Bool {
            var hit = false
            for r in ranges where r.contains(c) { hit = true; break }
            return hit != negated
        }
    }

    let program: [Inst]
    let sets: [ScalarSet]
    public let source: String

    public init(_ pattern: String) throws(RegexError) {
        var parser = RegexParser(scalars: Array(pattern.unicodeScalars))
        if pattern.utf8.count > GatewayLimits.regexMaxPatternBytes {
            throw RegexError(message: "pattern longer than \(GatewayLimits.regexMaxPatternBytes) bytes", offset: 0)
        }
        let ast = try parser.parseAll()
        var compiler = RegexCompiler()
        try compiler.emit(ast)
        compiler.program.append(.match)
        if compiler.program.count > GatewayLimits.regexMaxProgram {
            throw RegexError(message: "pattern too large after expansion", offset: 0)
        }
        program = compiler.program
        sets = parser.sets
        source = pattern
    }

    /// True if the pattern matches anywhere in `text` (ECMA-262 `test` semantics, as JSON Schema).
    public func matches(_ text: String) -> Bool {
        let n = program.count
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 4 * n) { scratch in
            var vm = PikeVM(program: program, sets: sets, scratch: scratch.baseAddress!, n: n)
            return vm.run(text)
        }
    }
}

/// Thread lists as sparse sets over program counters, marks by generation; all in caller scratch.
struct PikeVM {
    let program: [LinearRegex.Inst]
    let sets: [LinearRegex.ScalarSet]
    var current: UnsafeMutablePointer<Int32>
    var next: UnsafeMutablePointer<Int32>
    let marks: UnsafeMutablePointer<Int32>
    let stack: UnsafeMutablePointer<Int32>
    var currentCount = 0
    var nextCount = 0
    var generation: Int32 = 0

    init(program: [LinearRegex.Inst], sets: [LinearRegex.ScalarSet], scratch: UnsafeMutablePointer<Int32>, n: Int) {
        self.program = program
        self.sets = sets
        current = scratch
        next = scratch + n
        marks = scratch + 2 * n
        stack = scratch + 3 * n
        marks.initialize(repeating: -1, count: n)
    }

    /// Adds `pc` and everything reachable through jumps, splits and satisfied assertions to `next`.
    /// Returns true if a `match` instruction is reachable.
    mutating func add(_ pc0: Int, atStart: Bool, atEnd: Bool) -> Bool {
        var sp = 0
        stack[sp] = Int32(pc0); sp += 1
        var matched = false
        while sp > 0 {
            sp -= 1
            let pc = Int(stack[sp])
            if marks[pc] == generation { continue }
            marks[pc] = generation
            switch program[pc] {
            case .jump(let t): stack[sp] = Int32(t); sp += 1
            case .split(let a, let b):
                stack[sp] = Int32(b); sp += 1
                stack[sp] = Int32(a); sp += 1
            case .lineStart: if atStart { stack[sp] = Int32(pc + 1); sp += 1 }
            case .lineEnd: if atEnd { stack[sp] = Int32(pc + 1); sp += 1 }
            case .match: matched = true
            default: next[nextCount] = Int32(pc); nextCount += 1
            }
        }
        return matched
    }

    mutating func run(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var atStart = true
        while true {
            let atEnd = index == scalars.endIndex
            // Unanchored search: a new thread starts at every position.
            if add(0, atStart: atStart, atEnd: atEnd) { return true }
            swap(&current, &next)
            currentCount = nextCount
            nextCount = 0
            generation += 1
            if atEnd { return false }
            let c = scalars[index].value
            index = scalars.index(after: index)
            let nextAtEnd = index == scalars.endIndex
            for i in 0..<currentCount {
                let pc = Int(current[i])
                let ok: Bool
                switch program[pc] {
                case .scalar(let s): ok = s == c
                case .any: ok = c != 0x0A
                case .set(let k): ok = sets[k].contains(c)
                default: ok = false
                }
                if ok, add(pc + 1, atStart: false, atEnd: nextAtEnd) { return true }
            }
            atStart = false
        }
    }
}

indirect enum RegexNode {
    case empty
    case scalar(UInt32)
    case any
    case set(Int)
    case lineStart
    case lineEnd
    case concat([RegexNode])
    case alternation([RegexNode])
    case repeatNode(RegexNode, min: Int, max: Int?)  // max nil = unbounded
}

struct RegexParser {
    let scalars: [Unicode.Scalar]
    var pos = 0
    var sets: [LinearRegex.ScalarSet] = []
    var depth = 0

    init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    func fail(_ m: String) -> RegexError { RegexError(message: m, offset: pos) }

    mutating func parseAll() throws(RegexError) -> RegexNode {
        let node = try alternationImpl()
        if pos < scalars.count { throw fail("unbalanced ')'") }
        return node
    }

    mutating func alternationImpl() throws(RegexError) -> RegexNode {
        var branches = [try concatenation()]
        while pos < scalars.count && scalars[pos] == "|" {
            pos += 1
            branches.append(try concatenation())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    mutating func concatenation() throws(RegexError) -> RegexNode {
        var items: [RegexNode] = []
        while pos < scalars.count && scalars[pos] != "|" && scalars[pos] != ")" {
            var atom = try self.atom()
            atom = try quantified(atom)
            items.append(atom)
        }
        return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .concat(items))
    }

    mutating func quantified(_ atom: RegexNode) throws(RegexError) -> RegexNode {
        guard pos < scalars.count else { return atom }
        switch scalars[pos] {
        case "*": pos += 1; return .repeatNode(atom, min: 0, max: nil)
        case "+": pos += 1; return .repeatNode(atom, min: 1, max: nil)
        case "?": pos += 1; return .repeatNode(atom, min: 0, max: 1)
        case "{":
            let save = pos
            pos += 1
            guard let lo = number() else { pos = save; return atom }
            var hi: Int? = lo
            if pos < scalars.count && scalars[pos] == "," {
                pos += 1
                hi = number()
            }
            guard pos < scalars.count && scalars[pos] == "}" else { throw fail("bad repetition") }
            pos += 1
            if let h = hi, h < lo { throw fail("repetition max below min") }
            if lo > 255 || (hi ?? 0) > 255 { throw fail("repetition bound above 255") }
            return .repeatNode(atom, min: lo, max: hi)
        default: return atom
        }
    }

    mutating func number() -> Int? {
        var v: Int? = nil
        while pos < scalars.count, let d = digit(scalars[pos]) {
            v = (v ?? 0) * 10 + d
            if v! > 1000 { return v }
            pos += 1
        }
        return v
    }

    func digit(_ s: Unicode.Scalar) -> Int? {
        s.value >= 0x30 && s.value <= 0x39 ? Int(s.value - 0x30) : nil
    }

    mutating func atom() throws(RegexError) -> RegexNode {
        let c = scalars[pos]
        pos += 1
        switch c {
        case "(":
            depth += 1
            if depth > 32 { throw fail("groups nested too deeply") }
            if pos + 1 < scalars.count && scalars[pos] == "?" {
                guard scalars[pos + 1] == ":" else { throw fail("unsupported group syntax") }
                pos += 2
            }
            let inner = try alternationImpl()
            guard pos < scalars.count && scalars[pos] == ")" else { throw fail("missing ')'") }
            pos += 1
            depth -= 1
            return inner
        case ".": return .any
        case "^": return .lineStart
        case "$": return .lineEnd
        case "[": return try bracket()
        case "\\": return try escape(inClass: false).node(&sets)
        case "*", "+", "?": throw fail("quantifier without operand")
        case ")": throw fail("unbalanced ')'")
        default: return .scalar(c.value)
        }
    }

    enum Escaped {
        case scalar(UInt32)
        case ranges([ClosedRange<UInt32>], negated: Bool)

        func node(_ sets: inout [LinearRegex.ScalarSet]) -> RegexNode {
            switch self {
            case .scalar(let v): return .scalar(v)
            case .ranges(let r, let neg):
                sets.append(LinearRegex.ScalarSet(ranges: r, negated: neg))
                return .set(sets.count - 1)
            }
        }
    }

    static let digitRanges: [ClosedRange<UInt32>] = [0x30...0x39]
    static let wordRanges: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]
    static let spaceRanges: [ClosedRange<UInt32>] = [0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x2028...0x2029, 0xFEFF...0xFEFF]

    mutating func escape(inClass: Bool) throws(RegexError) -> Escaped {
        guard pos < scalars.count else { throw fail("trailing backslash") }
        let c = scalars[pos]
        pos += 1
        switch c {
        case "d": return .ranges(Self.digitRanges, negated: false)
        case "D": return .ranges(Self.digitRanges, negated: true)
        case "w": return .ranges(Self.wordRanges, negated: false)
        case "W": return .ranges(Self.wordRanges, negated: true)
        case "s": return .ranges(Self.spaceRanges, negated: false)
        case "S": return .ranges(Self.spaceRanges, negated: true)
        case "n": return .scalar(0x0A)
        case "r": return .scalar(0x0D)
        case "t": return .scalar(0x09)
        case "f": return .scalar(0x0C)
        case "v": return .scalar(0x0B)
        case "0": return .scalar(0)
        default:
            // Only punctuation may be escaped literally; letters and digits are reserved.
            let v = c.value
            let alnum = (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
            if alnum { throw fail("unsupported escape \\\(c)") }
            return .scalar(v)
        }
    }

    mutating func bracket() throws(RegexError) -> RegexNode {
        var negated = false
        if pos < scalars.count && scalars[pos] == "^" { negated = true; pos += 1 }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while true {
            guard pos < scalars.count else { throw fail("missing ']'") }
            let c = scalars[pos]
            if c == "]" && !first { pos += 1; break }
            first = false
            pos += 1
            var lo: UInt32
            if c == "\\" {
                switch try escape(inClass: true) {
                case .scalar(let v): lo = v
                case .ranges(let r, let neg):
                    if neg { throw fail("negated class escape inside brackets is unsupported") }
                    ranges.append(contentsOf: r)
                    continue
                }
            } else {
                lo = c.value
            }
            if pos + 1 < scalars.count && scalars[pos] == "-" && scalars[pos + 1] != "]" {
                pos += 1
                var hi = scalars[pos].value
                pos += 1
                if hi == 0x5C {  // backslash
                    guard case .scalar(let v) = try escape(inClass: true) else { throw fail("class escape as range end") }
                    hi = v
                }
                if hi < lo { throw fail("range out of order") }
                ranges.append(lo...hi)
            } else {
                ranges.append(lo...lo)
            }
        }
        sets.append(LinearRegex.ScalarSet(ranges: ranges, negated: negated))
        return .set(sets.count - 1)
    }
}

struct RegexCompiler {
    var program: [LinearRegex.Inst] = []

    mutating func emit(_ node: RegexNode) throws(RegexError) {
        if program.count > GatewayLimits.regexMaxProgram {
            throw RegexError(message: "pattern too large after expansion", offset: 0)
        }
        switch node {
        case .empty: break
        case .scalar(let v): program.append(.scalar(v))
        case .any: program.append(.any)
        case .set(let k): program.append(.set(k))
        case .lineStart: program.append(.lineStart)
        case .lineEnd: program.append(.lineEnd)
        case .concat(let items): for i in items { try emit(i) }
        case .alternation(let branches):
            // split L1, next; L1: branch; jump end; next: split ... (last branch without split)
            var jumps: [Int] = []
            for (i, b) in branches.enumerated() {
                if i < branches.count - 1 {
                    let split = program.count
                    program.append(.split(split + 1, 0))
                    try emit(b)
                    jumps.append(program.count)
                    program.append(.jump(0))
                    program[split] = .split(split + 1, program.count)
                } else {
                    try emit(b)
                }
            }
            for j in jumps { program[j] = .jump(program.count) }
        case .repeatNode(let inner, let min, let max):
            for _ in 0..<min { try emit(inner) }
            if let max {
                // Nested optional copies: (inner (inner ...)?)?
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(program.count)
                    program.append(.split(program.count + 1, 0))
                    try emit(inner)
                }
                for s in splits { program[s] = .split(s + 1, program.count) }
            } else {
                let split = program.count
                program.append(.split(split + 1, 0))
                try emit(inner)
                program.append(.jump(split))
                program[split] = .split(split + 1, program.count)
            }
        }
    }
}
