// Aho–Corasick multi-pattern matcher compiled to a full DFA over byte classes (Aho & Corasick 1975).
// Built once; matching is one table lookup per input byte, no allocation, linear in the text.
// Used by the pre-filter (layer 4) and by the regex engine's required-literal gate.

struct AhoCorasick: Sendable {
    /// Byte → class index; class 0 is "a byte no pattern contains".
    private let classOf: [UInt8]
    private let classCount: Int
    /// Transition table (built as `state * classCount + class` → next state, state 0 the root),
    /// stored for scanning: each entry is the next state's row offset (`state * classCount`),
    /// with `emitsFlag` set when that state has an output or a dictionary link, so the inner loop
    /// is one dependent load per byte and one bit test.
    private let scanDelta: [UInt32]
    static let emitsFlag: UInt32 = 1 << 31
    /// Per state: the index of the longest pattern ending here, or -1.
    private let output: [Int32]
    /// Per state: the nearest proper-suffix state that has an output, or -1 (dictionary suffix link).
    private let outputLink: [Int32]
    /// Pattern lengths in bytes, by pattern index.
    let lengths: [Int]

    /// `patterns` must be non-empty byte strings; duplicates keep the first index. With
    /// `foldingASCIICase` the patterns must have no uppercase ASCII letter, and each uppercase
    /// letter of the text is read as its lowercase twin (same byte class: no cost per byte).
    init(patterns: [[UInt8]], foldingASCIICase: Bool = false) {
        var classOf = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        for p in patterns {
            for b in p where classOf[Int(b)] == 0 {
                precondition(!foldingASCIICase || !(65...90).contains(b), "Aho-Corasick: uppercase pattern byte with case folding")
                precondition(classCount < 256, "Aho-Corasick: too many distinct bytes")
                classOf[Int(b)] = UInt8(classCount)
                classCount += 1
            }
        }
        if foldingASCIICase {
            for upper in 65...90 { classOf[upper] = classOf[upper + 32] }
        }
        // 1. The trie (missing edges = UInt32.max).
        let none = UInt32.max
        var delta = [UInt32](repeating: none, count: classCount)
        var output: [Int32] = [-1]
        for (index, p) in patterns.enumerated() {
            precondition(!p.isEmpty, "Aho-Corasick: empty pattern")
            var state = 0
            for b in p {
                let slot = state * classCount + Int(classOf[Int(b)])
                if delta[slot] == none {
                    delta[slot] = UInt32(output.count)
                    output.append(-1)
                    delta.append(contentsOf: [UInt32](repeating: none, count: classCount))
                }
                state = Int(delta[slot])
            }
            if output[state] < 0 { output[state] = Int32(index) }
        }
        // 2. Breadth-first: failure links, complete transitions, dictionary links.
        let stateCount = output.count
        var fail = [Int](repeating: 0, count: stateCount)
        var outputLink = [Int32](repeating: -1, count: stateCount)
        var queue: [Int] = []
        queue.reserveCapacity(stateCount)
        for c in 0..<classCount {
            let slot = c
            if delta[slot] == none {
                delta[slot] = 0
            } else {
                let child = Int(delta[slot])
                fail[child] = 0
                queue.append(child)
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            let f = fail[state]
            outputLink[state] = output[f] >= 0 ? Int32(f) : outputLink[f]
            for c in 0..<classCount {
                let slot = state * classCount + c
                if delta[slot] == none {
                    delta[slot] = delta[f * classCount + c]
                } else {
                    let child = Int(delta[slot])
                    fail[child] = Int(delta[f * classCount + c])
                    queue.append(child)
                }
            }
        }
        self.classOf = classOf
        self.classCount = classCount
        precondition(UInt64(stateCount) * UInt64(classCount) < UInt64(AhoCorasick.emitsFlag),
                     "Aho-Corasick: table too large")
        var scanDelta = [UInt32](repeating: 0, count: delta.count)
        for k in 0..<delta.count {
            let next = Int(delta[k])
            let emits = output[next] >= 0 || outputLink[next] >= 0
            scanDelta[k] = UInt32(next * classCount) | (emits ? AhoCorasick.emitsFlag : 0)
        }
        self.scanDelta = scanDelta
        self.output = output
        self.outputLink = outputLink
        self.lengths = patterns.map { $0.count }
    }

    /// Number of DFA states (for tests and the benchmark's memory figure).
    var stateCount: Int { output.count }

    /// Calls `body(patternIndex, endOffset)` for every match (end offset exclusive) in text order;
    /// stops early and returns true when `body` returns true.
    @discardableResult
    func scan(_ text: [UInt8], _ body: (Int, Int) -> Bool) -> Bool {
        text.withUnsafeBufferPointer { scan($0, body) }
    }

    @discardableResult
    func scan(_ text: UnsafeBufferPointer<UInt8>, _ body: (Int, Int) -> Bool) -> Bool {
        // Unchecked access in the loop: every index below is in range by construction
        // (classOf has 256 entries; scanDelta has stateCount * classCount; rows come from it).
        scanDelta.withUnsafeBufferPointer { delta in
            classOf.withUnsafeBufferPointer { classOf in
                output.withUnsafeBufferPointer { output in
                    outputLink.withUnsafeBufferPointer { outputLink in
                        let classCount = self.classCount
                        var row: UInt32 = 0
                        var position = 0
                        let n = text.count
                        while position < n {
                            let next = delta[Int(row &+ UInt32(classOf[Int(text[position])]))]
                            position &+= 1
                            // The common case moves on with the row as loaded (no flag to clear).
                            if next & AhoCorasick.emitsFlag == 0 { row = next; continue }
                            row = next & ~AhoCorasick.emitsFlag
                            let state = Int(row) / classCount
                            var s = output[state] >= 0 ? state : Int(outputLink[state])
                            while s >= 0 {
                                if body(Int(output[s]), position) { return true }
                                s = Int(outputLink[s])
                            }
                        }
                        return false
                    }
                }
            }
        }
    }
}
