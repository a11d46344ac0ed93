// Per-byte start threads of a Regex: which consuming instructions of the start closure accept each
// ASCII byte, when the closure is taken away from the text's edges (`^` and `$` fail there).

struct RegexStartTable: Sendable {
    /// `pcs[offsets[b]..<offsets[b + 1]]`: the instructions a thread started at a middle position
    /// can consume raw byte `b` (0...127) with; folded first under `(?i)`.
    let offsets: [Int32]
    let pcs: [Int32]
    /// Bytes with at least one start instruction (bit b of the two words).
    let mask: (UInt64, UInt64)

    init(_ program: [Regex.Inst], _ classes: [ScalarClass], caseInsensitive: Bool) {
        // Consuming instructions reachable from pc 0 through splits and jumps only.
        var consuming: [Int] = []
        var seen = [Bool](repeating: false, count: program.count)
        var stack = [0]
        while let pc = stack.popLast() {
            if seen[pc] { continue }
            seen[pc] = true
            switch program[pc] {
            case .scalar, .set, .any: consuming.append(pc)
            case let .split(a, b): stack.append(a); stack.append(b)
            case let .jump(t): stack.append(t)
            case .assertStart, .assertEnd, .match: break
            }
        }
        consuming.sort()
        var offsets: [Int32] = [0]
        var pcs: [Int32] = []
        var lo: UInt64 = 0
        var hi: UInt64 = 0
        for b in UInt32(0)..<128 {
            let c = caseInsensitive && b >= 65 && b <= 90 ? b + 32 : b
            for pc in consuming {
                let accepts: Bool
                switch program[pc] {
                case let .scalar(expected): accepts = c == expected
                case let .set(i): accepts = classes[i].contains(c)
                default: accepts = c != 10  // .any
                }
                if accepts { pcs.append(Int32(pc)) }
            }
            if Int32(pcs.count) != offsets[offsets.count - 1] {
                if b < 64 { lo |= 1 << UInt64(b) } else { hi |= 1 << UInt64(b - 64) }
            }
            offsets.append(Int32(pcs.count))
        }
        self.offsets = offsets
        self.pcs = pcs
        self.mask = (lo, hi)
    }

    @inline(__always)
    func canStart(_ b: UInt8) -> Bool {
        b < 64 ? mask.0 & (1 << UInt64(b)) != 0 : mask.1 & (1 << UInt64(b &- 64)) != 0
    }
}
