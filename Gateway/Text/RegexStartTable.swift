// Per-byte start threads of a Regex: which consuming instructions of the start closure accept each
// ASCII byte, when the closure is taken away from the text's edges (`^` and `$` fail there).

struct RegexStartTable: Sendable {
    /// `pcs[offsets[b]..<offsets[b + 1]]`: the instructions a thread started at a middle position
    /// can consume raw byte `b` (0...127) with; folded first under `(?i)`.
    let offsets: [Int32]
    let pcs: [Int32]
    /// Bytes with at least one start instruction (bit b of the two words).
    let mask: (UInt64, UInt64)
    /// `pairs[2 * b0 + (b1 >> 6)]` bit `b1 & 63`: a thread started on byte b0 can still be alive
    /// after the following byte b1 (away from the end, where `$` fails and so cannot help).
    let pairs: [UInt64]

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
        // What can follow each start instruction: the bytes accepted by the consuming instructions
        // in the closure after it (all bytes if that closure can already match).
        var follow: [Int: (UInt64, UInt64)] = [:]
        var pairs = [UInt64](repeating: 0, count: 256)
        for b0 in 0..<128 {
            for k in Int(offsets[b0])..<Int(offsets[b0 + 1]) {
                let pc = Int(pcs[k])
                let f: (UInt64, UInt64)
                if let known = follow[pc] {
                    f = known
                } else {
                    f = RegexStartTable.followMask(after: pc, program, classes, caseInsensitive: caseInsensitive)
                    follow[pc] = f
                }
                pairs[2 * b0] |= f.0
                pairs[2 * b0 + 1] |= f.1
            }
        }
        self.pairs = pairs
    }

    /// Raw bytes (0...127) some consuming instruction reachable from `pc + 1` at a middle position
    /// accepts; every byte if `match` is reachable.
    private static func followMask(after pc: Int, _ program: [Regex.Inst], _ classes: [ScalarClass],
                                   caseInsensitive: Bool) -> (UInt64, UInt64) {
        var lo: UInt64 = 0
        var hi: UInt64 = 0
        var seen = [Bool](repeating: false, count: program.count)
        var stack = [pc + 1]
        while let q = stack.popLast() {
            if seen[q] { continue }
            seen[q] = true
            switch program[q] {
            case .match: return (~0, ~0)
            case let .split(a, b): stack.append(a); stack.append(b)
            case let .jump(t): stack.append(t)
            case .assertStart, .assertEnd: break
            case .scalar, .set, .any:
                for b in UInt32(0)..<128 {
                    let c = caseInsensitive && b >= 65 && b <= 90 ? b + 32 : b
                    let accepts: Bool
                    switch program[q] {
                    case let .scalar(expected): accepts = c == expected
                    case let .set(i): accepts = classes[i].contains(c)
                    default: accepts = c != 10
                    }
                    if accepts { if b < 64 { lo |= 1 << UInt64(b) } else { hi |= 1 << UInt64(b - 64) } }
                }
            }
        }
        return (lo, hi)
    }

    /// False only if no thread started on `b0` (ASCII) survives the next byte `b1` (any byte:
    /// non-ASCII is answered true, the caller falls back to the scalar search there).
    @inline(__always)
    func pairCanLive(_ b0: UInt8, _ b1: UInt8) -> Bool {
        if b1 >= 0x80 { return true }
        return pairs[2 * Int(b0) + Int(b1 >> 6)] & (1 << UInt64(b1 & 63)) != 0
    }

    @inline(__always)
    func canStart(_ b: UInt8) -> Bool {
        b < 64 ? mask.0 & (1 << UInt64(b)) != 0 : mask.1 & (1 << UInt64(b &- 64)) != 0
    }
}
