// The benign assistant (Embedded Swift, Kernel/SDK/Warden.swift): lists /notes, reads every note,
// writes a summary (line and word counts, first line of each) to /reports/summary.md and logs it.
// Returns the number of notes summarized, or a negative Warden code on the first failure.

/// A fixed byte buffer (no String: the agent stays free of the Unicode tables).
struct Bytes {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int
    var count = 0

    init(capacity: Int) {
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        self.capacity = capacity
    }

    mutating func append(_ b: UInt8) {
        if count < capacity { base[count] = b; count += 1 }
    }

    mutating func append(_ s: StaticString) {
        let p = s.utf8Start
        for i in 0..<s.utf8CodeUnitCount { append(p[i]) }
    }

    mutating func append(_ p: UnsafePointer<UInt8>, _ n: Int) {
        for i in 0..<n { append(p[i]) }
    }

    mutating func appendDecimal(_ n: Int) {
        if n >= 10 { appendDecimal(n / 10) }
        append(UInt8(48 + n % 10))
    }

    /// Appends bytes escaped for a JSON string body.
    mutating func appendEscaped(_ p: UnsafePointer<UInt8>, _ n: Int) {
        for i in 0..<n {
            let b = p[i]
            switch b {
            case 0x22: append("\\\"")
            case 0x5C: append("\\\\")
            case 0x0A: append("\\n")
            case 0..<0x20: append(" ")
            default: append(b)
            }
        }
    }
}

/// Finds `"key":"` in `json[0..<n]` from `from`; returns the index of the string body or -1.
func find(_ key: StaticString, _ json: UnsafePointer<UInt8>, _ n: Int, from: Int) -> Int {
    let k = key.utf8Start, kn = key.utf8CodeUnitCount
    var i = from
    while i + kn <= n {
        var j = 0
        while j < kn && json[i + j] == k[j] { j += 1 }
        if j == kn { return i + kn }
        i += 1
    }
    return -1
}

/// Decodes the JSON string body at `json[start...]` into `out`; returns the index after the quote.
func readString(_ json: UnsafePointer<UInt8>, _ n: Int, _ start: Int, into out: inout Bytes) -> Int {
    var i = start
    while i < n && json[i] != 0x22 {
        if json[i] == 0x5C && i + 1 < n {
            i += 1
            switch json[i] {
            case 0x6E: out.append(UInt8(0x0A))
            case 0x74: out.append(UInt8(0x09))
            case 0x75: out.append(UInt8(0x3F)); i += 4      // \uXXXX: shown as '?'
            default: out.append(json[i])
            }
        } else {
            out.append(json[i])
        }
        i += 1
    }
    return i + 1
}

let resultCap = 64 * 1024
var result = Bytes(capacity: resultCap)
var listing = Bytes(capacity: resultCap)
var args = Bytes(capacity: 40 * 1024)
var report = Bytes(capacity: 16 * 1024)
var text = Bytes(capacity: resultCap)

@_expose(wasm, "run") @_cdecl("run")
func run() -> Int32 {
    // 1. Which notes are there?
    let r = WardenTool.fsList.call("{\"path\":\"/notes\"}", listing.base, listing.capacity)
    if r < 0 { return r }
    listing.count = Int(r)
    report.count = 0
    report.append("# Notes summary\n\n")
    var notes = 0
    var at = 0
    while true {
        at = find("\"path\":\"", UnsafePointer(listing.base), listing.count, from: at)
        if at < 0 { break }
        var path = Bytes(capacity: 512)
        at = readString(UnsafePointer(listing.base), listing.count, at, into: &path)
        // 2. Read the note.
        args.count = 0
        args.append("{\"path\":\"")
        args.appendEscaped(UnsafePointer(path.base), path.count)
        args.append("\"}")
        let n = WardenTool.fsRead.call(UnsafePointer(args.base), args.count, result.base, result.capacity)
        if n < 0 { return n }
        text.count = 0
        let body = find("\"content\":\"", UnsafePointer(result.base), Int(n), from: 0)
        if body < 0 { continue }
        _ = readString(UnsafePointer(result.base), Int(n), body, into: &text)
        // 3. Summarize: lines, words, first line.
        var lines = 0, words = 0, inWord = false, firstEnd = -1
        for i in 0..<text.count {
            let b = text.base[i]
            if b == 0x0A { lines += 1; if firstEnd < 0 { firstEnd = i } }
            let space = b == 0x20 || b == 0x0A || b == 0x09
            if !space && !inWord { words += 1 }
            inWord = !space
        }
        if text.count > 0 && text.base[text.count - 1] != 0x0A { lines += 1 }
        if firstEnd < 0 { firstEnd = text.count }
        report.append("- ")
        report.append(UnsafePointer(path.base), path.count)
        report.append(": ")
        report.appendDecimal(lines)
        report.append(" lines, ")
        report.appendDecimal(words)
        report.append(" words. ")
        report.append(UnsafePointer(text.base), min(firstEnd, 120))
        report.append("\n")
        notes += 1
    }
    // 4. Write the report.
    args.count = 0
    args.append("{\"path\":\"/reports/summary.md\",\"content\":\"")
    args.appendEscaped(UnsafePointer(report.base), report.count)
    args.append("\"}")
    let w = WardenTool.fsWrite.call(UnsafePointer(args.base), args.count, result.base, result.capacity)
    if w < 0 { return w }
    // 5. Tell the operator.
    let l = WardenTool.logWrite.call("{\"level\":\"info\",\"message\":\"assistant: summary written to /reports/summary.md\"}",
                                     result.base, result.capacity)
    if l < 0 { return l }
    return Int32(notes)
}
