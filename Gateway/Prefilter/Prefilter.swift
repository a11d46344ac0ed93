// Layer 4's engine: walks every string of a call (argument values and keys, user intent, agent
// purpose), builds its normalized views (folded, ROT13, percent/HTML/base64/hex decoded, nested up
// to PrefilterLimits.maxDecodeDepth) and runs one Aho–Corasick automaton plus host parsing over each.

public final class Prefilter: Sendable {
    let patterns: [ThreatPattern]
    /// One automaton for every pattern and, after them, the ROT13 form of every phrase pattern
    /// (scanning folded text for ROT13'd phrases = scanning the ROT13 view for the phrases,
    /// in the same single pass). Index ≥ patterns.count → `rot13Source[index - patterns.count]`.
    let automaton: AhoCorasick
    let rot13Source: [Int]

    /// Builds the automaton once (a few thousand states); keep the instance for the gateway's lifetime.
    public init() {
        patterns = ThreatPatterns.all
        var texts = patterns.map { Array($0.text.utf8) }
        var source: [Int] = []
        for (i, p) in patterns.enumerated() where p.category.appliesToContext {
            var rot: [UInt8] = []
            Decoders.rot13(Array(p.text.utf8), into: &rot)
            texts.append(rot)
            source.append(i)
        }
        automaton = AhoCorasick(patterns: texts)
        rot13Source = source
    }

    /// Scans the whole call; returns the first finding in a fixed order (context, then arguments).
    public func scan(_ call: ToolCall) -> PrefilterResult {
        var scratch = PrefilterScratch()
        return scan(call, scratch: &scratch)
    }

    /// `scan(_:)` with caller-owned buffers: the gateway keeps one `PrefilterScratch` for its
    /// lifetime, so a warmed-up scan allocates nothing for the views it builds.
    public func scan(_ call: ToolCall, scratch state: inout PrefilterScratch) -> PrefilterResult {
        state.scanned = 0
        var input = call.context.userIntent.utf8.count + call.agent.purpose.utf8.count
        Prefilter.countBytes(call.arguments, into: &input, depth: 0)
        if input > PrefilterLimits.maxInputBytes {
            return .overLimit("call carries \(input) bytes of text, above the pre-filter limit of \(PrefilterLimits.maxInputBytes)")
        }
        if let r = scanRecurring(call.context.userIntent, inContext: true, state: &state) {
            return finish(r, location: "context.user_intent")
        }
        if let r = scanRecurring(call.agent.purpose, inContext: true, state: &state) {
            return finish(r, location: "agent.purpose")
        }
        // The path buffer lives in the scratch: a warmed-up walk allocates nothing for it.
        var path: [PathComponent] = []
        swap(&path, &state.path)
        path.removeAll(keepingCapacity: true)
        defer { swap(&path, &state.path) }
        if let r = walk(call.arguments, path: &path, depth: 0, state: &state) {
            return finish(r, location: PathComponent.render(path, in: call.arguments))
        }
        return .clean
    }

    /// Scans one free-standing string as an argument value (used by tests and by the policy tools).
    public func scan(text: String, asContext: Bool = false) -> PrefilterResult {
        if text.utf8.count > PrefilterLimits.maxInputBytes {
            return .overLimit("text of \(text.utf8.count) bytes is above the pre-filter limit")
        }
        var state = PrefilterScratch()
        if let r = scanString(text, inContext: asContext, state: &state) {
            return finish(r, location: asContext ? "context" : "text")
        }
        return .clean
    }

    // MARK: - Walking the arguments

    /// One step of the walk: positions only (no strings), so pushing and popping retains nothing;
    /// the keys are read back from the arguments when a finding's location is rendered.
    enum PathComponent {
        case member(Int)  // the value of the object's i-th member
        case memberKey(Int)  // the i-th member's key itself was the offending string
        case index(Int)
        case joined  // the array's strings (or command + args) joined by spaces

        /// "args.files[2].name", "args.cmd (key)", "args (joined)": the path's keys are looked up in `root`.
        static func render(_ path: [PathComponent], in root: JSONValue) -> String {
            var s = "args"
            var node = root
            for c in path {
                switch c {
                case let .member(i):
                    guard case let .object(members) = node, i < members.count else { return s }
                    s += "." + members[i].key
                    node = members[i].value
                case let .memberKey(i):
                    guard case let .object(members) = node, i < members.count else { return s }
                    s += "." + members[i].key + " (key)"
                case let .index(i):
                    guard case let .array(items) = node, i < items.count else { return s }
                    s += "[\(i)]"
                    node = items[i]
                case .joined:
                    s += " (joined)"
                }
            }
            return s
        }
    }

    static func countBytes(_ v: JSONValue, into total: inout Int, depth: Int) {
        guard depth < PrefilterLimits.maxArgumentDepth else { return }
        switch v {
        case let .string(s): total += s.utf8.count
        case let .array(items):
            items.withUnsafeBufferPointer { items in
                for i in items.indices { countBytes(items[i], into: &total, depth: depth + 1) }
            }
        case let .object(members):
            members.withUnsafeBufferPointer { members in
                for i in members.indices {
                    total += members[i].key.utf8.count
                    countBytes(members[i].value, into: &total, depth: depth + 1)
                }
            }
        default: break
        }
    }

    private func walk(_ v: JSONValue, path: inout [PathComponent], depth: Int, state: inout PrefilterScratch) -> Outcome? {
        if depth >= PrefilterLimits.maxArgumentDepth {
            return .overLimit("arguments nested deeper than \(PrefilterLimits.maxArgumentDepth)")
        }
        switch v {
        case let .string(s):
            return scanString(s, inContext: false, state: &state)
        case let .array(items):
            // Elements (and below, members) are read in place: iterating would copy and retain each.
            let hit: Outcome? = items.withUnsafeBufferPointer { items in
                for i in items.indices {
                    path.append(.index(i))
                    if let r = walk(items[i], path: &path, depth: depth + 1, state: &state) { return r }
                    path.removeLast()
                }
                return nil
            }
            if let hit { return hit }
            // argv-style arrays: "rm", "-rf", "/" only reads as a command line when joined.
            if items.count > 1, let line = Prefilter.joinStrings(prefix: nil, items) {
                path.append(.joined)
                if let r = scanString(line, inContext: false, state: &state) { return r }
                path.removeLast()
            }
        case let .object(members):
            let hit: Outcome? = members.withUnsafeBufferPointer { members in
                for i in members.indices {
                    path.append(.memberKey(i))
                    if let r = scanRecurring(members[i].key, inContext: false, state: &state) { return r }
                    path[path.count - 1] = .member(i)
                    if let r = walk(members[i].value, path: &path, depth: depth + 1, state: &state) { return r }
                    path.removeLast()
                }
                // A command with its arguments (proc_exec and look-alike external tools).
                var command: Int? = nil, args: Int? = nil  // the first of each, as `JSONValue[key]` finds
                for i in members.indices {
                    if command == nil, members[i].key == "command" {
                        command = i
                    } else if args == nil, members[i].key == "args" {
                        args = i
                    }
                }
                if let command, let args, case let .string(c) = members[command].value,
                   case let .array(items) = members[args].value, let line = Prefilter.joinStrings(prefix: c, items) {
                    path.append(.joined)
                    if let r = scanString(line, inContext: false, state: &state) { return r }
                    path.removeLast()
                }
                return nil
            }
            if let hit { return hit }
        default:
            break
        }
        return nil
    }

    /// The strings of `items` joined by single spaces (after `prefix`), or nil if any item is not a string.
    static func joinStrings(prefix: String?, _ items: [JSONValue]) -> String? {
        var line = prefix ?? ""
        for item in items {
            guard case let .string(s) = item else { return nil }
            if !line.isEmpty { line += " " }
            line += s
        }
        return line
    }

    // MARK: - Views of one string

    enum Outcome {
        case hit(category: ThreatCategory, id: String, detail: String, view: PrefilterView)
        case overLimit(String)
    }

    private func finish(_ o: Outcome, location: String) -> PrefilterResult {
        switch o {
        case let .hit(category, id, detail, view):
            return .threat(PrefilterFinding(category: category, patternID: id, location: location, view: view,
                                            detail: detail))
        case let .overLimit(why):
            return .overLimit(why)
        }
    }

    /// `scanString` for the strings that recur from call to call (object keys, the user's intent,
    /// the agent's purpose): a short ASCII string already found clean in the same role is not
    /// scanned again. The scan is a pure function of the bytes and the role, so the outcome is the
    /// same; the memo also carries the bytes its scan counted, so the scan budget is unchanged.
    /// Argument values are never memoized (a repeated value is scanned every time).
    private func scanRecurring(_ s: String, inContext: Bool, state: inout PrefilterScratch) -> Outcome? {
        let memoizable = s.utf8.count <= PrefilterLimits.maxMemoizedBytes && Prefilter.isASCII(s)
        if memoizable, let scanned = state.clean.lookup(s, inContext: inContext) {
            state.scanned += scanned
            return state.scanned > PrefilterLimits.maxScannedBytes ? Prefilter.overBudget : nil
        }
        let before = state.scanned
        let outcome = scanString(s, inContext: inContext, state: &state)
        if memoizable, outcome == nil { state.clean.insert(s, inContext: inContext, scanned: state.scanned - before) }
        return outcome
    }

    /// True if every UTF-8 byte of `s` is below 0x80 (one OR over the contiguous bytes).
    static func isASCII(_ s: String) -> Bool {
        if let ascii = s.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            var any: UInt8 = 0
            for b in bytes { any |= b }
            return any < 0x80
        }) {
            return ascii
        }
        return s.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Scans the string's own UTF-8 bytes in place (a native string is contiguous; any other is
    /// made so once by `withUTF8`), so the raw view costs no copy.
    private func scanString(_ s: String, inContext: Bool, state: inout PrefilterScratch) -> Outcome? {
        if s.isEmpty { return nil }
        var s = s
        return s.withUTF8 { scanView($0, depth: 0, view: .plain, inContext: inContext, state: &state) }
    }

    /// `bytes` is the view's raw text: the string itself, or a decoded view held in `state.decoded`.
    private func scanView(_ bytes: UnsafeBufferPointer<UInt8>, depth: Int, view: PrefilterView, inContext: Bool,
                          state: inout PrefilterScratch) -> Outcome? {
        // Moved out (swapped, so no copy or retain) while `state` is passed on inout.
        var folded: [UInt8] = []
        swap(&folded, &state.folded[depth])
        folded.removeAll(keepingCapacity: true)
        TextFolder.fold(bytes, into: &folded)
        let result = scanFolded(bytes, folded, depth: depth, view: view, inContext: inContext, state: &state)
        swap(&folded, &state.folded[depth])
        return result
    }

    /// A decoded view (moved out of `state.decoded`, so the deeper scan cannot touch it) as a view's raw text.
    private func scanDecoded(_ decoded: [UInt8], depth: Int, view: PrefilterView, inContext: Bool,
                             state: inout PrefilterScratch) -> Outcome? {
        decoded.withUnsafeBufferPointer { scanView($0, depth: depth, view: view, inContext: inContext, state: &state) }
    }

    static let overBudget = Outcome.overLimit(
        "decoded views exceed the pre-filter scan budget of \(PrefilterLimits.maxScannedBytes) bytes")

    private func scanFolded(_ bytes: UnsafeBufferPointer<UInt8>, _ folded: [UInt8], depth: Int, view: PrefilterView,
                            inContext: Bool, state: inout PrefilterScratch) -> Outcome? {
        state.scanned += folded.count
        if state.scanned > PrefilterLimits.maxScannedBytes {
            return Prefilter.overBudget
        }
        if let hit = match(folded, view: view, phrasesOnly: inContext) { return hit }
        if !inContext, let a = AddressScanner.scan(folded) {
            return .hit(category: a.category, id: a.id, detail: a.detail, view: view)
        }
        guard depth < PrefilterLimits.maxDecodeDepth else { return nil }
        func child(_ v: PrefilterView) -> PrefilterView { view == .plain ? v : view }

        // One pass decides which decoders can apply at all (most text needs none of them).
        let hints = DecodeHints(bytes)
        if !hints.any { return nil }
        var decoded: [UInt8] = []
        swap(&decoded, &state.decoded[depth])
        defer { swap(&decoded, &state.decoded[depth]) }
        if hints.percentOrBackslash {
            decoded.removeAll(keepingCapacity: true)
            if Decoders.percentDecode(bytes, into: &decoded),
               let r = scanDecoded(decoded, depth: depth + 1, view: child(.percentDecoded), inContext: inContext, state: &state) {
                return r
            }
        }
        if hints.ampersand {
            decoded.removeAll(keepingCapacity: true)
            if Decoders.htmlDecode(bytes, into: &decoded),
               let r = scanDecoded(decoded, depth: depth + 1, view: child(.htmlDecoded), inContext: inContext, state: &state) {
                return r
            }
        }
        // Base64 runs (on the raw bytes: folding would destroy the case the encoding depends on).
        var found: Outcome? = nil
        if !hints.longRun { return nil }
        Prefilter.forEachRun(bytes, minLength: PrefilterLimits.minBase64Run, member: Prefilter.isBase64Char) { lo, hi in
            var end = hi
            while end > lo, bytes[end - 1] == 61 { end -= 1 }  // '=' padding
            return Prefilter.forEachBase64Candidate(bytes, lo, end) { a, b in
                decoded.removeAll(keepingCapacity: true)
                guard Decoders.base64DecodePrintable(bytes[a..<b], into: &decoded) else { return false }
                if let r = scanDecoded(decoded, depth: depth + 1, view: child(.base64Decoded), inContext: inContext,
                                       state: &state) {
                    found = r
                    return true
                }
                return false
            }
        }
        if found != nil { return found }
        Prefilter.forEachRun(bytes, minLength: PrefilterLimits.minHexRun, member: { Decoders.hexValue($0) != nil }) { lo, hi in
            decoded.removeAll(keepingCapacity: true)
            guard Decoders.hexDecodePrintable(bytes[lo..<(lo + (hi - lo) / 2 * 2)], into: &decoded) else { return false }
            if let r = scanDecoded(decoded, depth: depth + 1, view: child(.hexDecoded), inContext: inContext, state: &state) {
                found = r
                return true
            }
            return false
        }
        return found
    }

    static func isBase64Char(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == 43 || b == 47 || b == 45
            || b == 95 || b == 61
    }

    /// Calls `body(a, b)` on the whole run, then (if it contains '/') on each '/'-separated piece of
    /// at least `minBase64Run` bytes, until `body` returns true: a path like `/tmp/aWdub3Jl…` is
    /// base64-alphabet end to end but only its last piece is the payload. No allocation.
    @inline(__always)
    static func forEachBase64Candidate(_ bytes: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int,
                                       _ body: (Int, Int) -> Bool) -> Bool {
        if body(lo, hi) { return true }
        var start = lo
        var k = lo
        while k <= hi {
            if k == hi || bytes[k] == 47 {
                if k - start >= PrefilterLimits.minBase64Run, !(start == lo && k == hi), body(start, k) { return true }
                start = k + 1
            }
            k += 1
        }
        return false
    }

    /// Calls `body(lo, hi)` for each maximal run of `member` bytes at least `minLength` long.
    @inline(__always)
    static func forEachRun(_ bytes: UnsafeBufferPointer<UInt8>, minLength: Int, member: (UInt8) -> Bool,
                           _ body: (Int, Int) -> Bool) {
        var k = 0
        let n = bytes.count
        while k < n {
            guard member(bytes[k]) else { k += 1; continue }
            let lo = k
            while k < n, member(bytes[k]) { k += 1 }
            if k - lo >= minLength, body(lo, k) { return }
        }
    }

    /// Runs the automaton; the first pattern occurrence that passes its boundary/recipient checks wins.
    /// Runs the automaton; the first pattern occurrence that passes its boundary/recipient checks
    /// wins. ROT13 entries report the phrase they encode, in the `rot13` view.
    private func match(_ text: [UInt8], view: PrefilterView, phrasesOnly: Bool) -> Outcome? {
        var hit: Outcome? = nil
        automaton.scan(text) { index, end in
            let isRot = index >= patterns.count
            let p = isRot ? patterns[rot13Source[index - patterns.count]] : patterns[index]
            if phrasesOnly && !p.category.appliesToContext { return false }
            let start = end - automaton.lengths[index]
            switch p.boundary {
            case .none: break
            case .start: if Prefilter.isWordByte(text, start - 1) { return false }
            case .end: if Prefilter.isWordByte(text, end) { return false }
            case .both: if Prefilter.isWordByte(text, start - 1) || Prefilter.isWordByte(text, end) { return false }
            }
            if p.needsRecipient && (isRot || !Prefilter.hasRecipient(text, after: end)) { return false }
            let detail = p.needsRecipient ? "'\(p.text)… to …@…' shape" : "'\(p.text)'"
            hit = .hit(category: p.category, id: p.id, detail: detail, view: isRot && view == .plain ? .rot13 : view)
            return true
        }
        return hit
    }

    static func isWordByte(_ text: [UInt8], _ i: Int) -> Bool {
        guard i >= 0, i < text.count else { return false }
        let b = text[i]
        return (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || (b >= 65 && b <= 90)
    }

    /// " to " followed (within the window) by `local@domain.tld`.
    static func hasRecipient(_ text: [UInt8], after end: Int) -> Bool {
        let limit = min(text.count, end + PrefilterLimits.exfilWindow)
        var k = max(end - 1, 0)
        while k + 4 <= limit {
            if text[k] == 32, text[k + 1] == 116, text[k + 2] == 111, text[k + 3] == 32 {  // " to "
                var j = k + 4
                let stop = min(text.count, j + 64)
                while j < stop {
                    if text[j] == 64, j > 0, isWordByte(text, j - 1), isEmailDomain(text, j + 1) { return true }
                    j += 1
                }
            }
            k += 1
        }
        return false
    }

    /// `label(.label)*.tld` starting at `i`, tld of at least two letters.
    static func isEmailDomain(_ text: [UInt8], _ i: Int) -> Bool {
        var k = i
        var labelLength = 0
        var dots = 0
        var lastLabelLetters = 0
        while k < text.count {
            let b = text[k]
            if (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == 45 {
                labelLength += 1
                lastLabelLetters = (b >= 97 && b <= 122) ? lastLabelLetters + 1 : 0
            } else if b == 46, labelLength > 0 {
                dots += 1
                labelLength = 0
                lastLabelLetters = 0
            } else {
                break
            }
            k += 1
        }
        return dots > 0 && labelLength >= 2 && lastLabelLetters >= 2
    }
}
