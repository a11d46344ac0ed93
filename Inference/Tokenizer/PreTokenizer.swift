// Pre-tokenizers of GPT-2-style BPE vocabularies: hand-written scanners equivalent to the regexes
// llama.cpp uses for each `tokenizer.ggml.pre` (llama-vocab.cpp, unicode.cpp). They split a text
// (as code points) into words that BPE then encodes independently.

public enum PreTokenizer: Sendable, Equatable {
    /// 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)
    case gpt2
    /// \p{N} (each digit alone), then gpt2 inside the pieces (smollm, starcoder, refact, …).
    case smollm
    /// (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+
    case qwen2
    /// As qwen2 with \p{N}{1,3} (llama3, llama-bpe, dbrx, smaug-bpe, …).
    case llama3

    /// The pre-tokenizer for a `tokenizer.ggml.pre` name, nil if unsupported.
    public init?(ggufName name: String) {
        switch name {
        case "gpt-2", "phi-2", "jina-es", "jina-de", "gigachat", "jina-v2-es", "jina-v2-de", "a.x-4.0", "mellum",
             "modern-bert", "exaone4", "mpt", "olmo", "jais", "trillion", "granite-docling",
             "jina-v1-en", "jina-v2-code", "roberta-bpe":
            self = .gpt2
        case "smollm", "starcoder", "refact", "command-r", "codeshell", "exaone", "minerva-7b", "mellum2":
            self = .smollm
        case "qwen2", "deepseek-r1-qwen", "kormo", "f2llmv2", "stablelm2", "hunyuan", "solar-open", "megrez":
            self = .qwen2
        case "llama3", "llama-v3", "llama-bpe", "falcon3", "falcon-h1", "pixtral", "midm-2.0", "lfm2",
             "jina-v5-nano", "dbrx", "smaug-bpe":
            self = .llama3
        default:
            return nil
        }
    }

    /// Splits `cps[range]` into words; appends each word's end index (exclusive) to `ends`.
    func split(_ cps: [UInt32], _ cls: [CodePointClass], into ends: inout [Int]) {
        switch self {
        case .gpt2:
            splitGPT2(cps, cls, 0, cps.count, &ends)
        case .smollm:
            // Every number code point is its own word; gpt2 runs on the text between them.
            var pieceStart = 0
            for i in 0..<cps.count where cls[i] == .number {
                if i > pieceStart { splitGPT2(cps, cls, pieceStart, i, &ends) }
                ends.append(i + 1)
                pieceStart = i + 1
            }
            if pieceStart < cps.count { splitGPT2(cps, cls, pieceStart, cps.count, &ends) }
        case .qwen2:
            splitLlama3(cps, cls, 0, cps.count, maxDigits: 1, &ends)
        case .llama3:
            splitLlama3(cps, cls, 0, cps.count, maxDigits: 3, &ends)
        }
    }
}

/// The three character classes the regexes look at; everything else is `.other`.
enum CodePointClass: UInt8 {
    case other, whitespace, letter, number

    /// \s (Unicode White_Space), \p{L} and \p{N} as llama.cpp's tables define them.
    init(_ cp: UInt32) {
        if cp < 0x80 {
            let c = UInt8(cp)
            if c == 0x20 || (c >= 0x09 && c <= 0x0D) { self = .whitespace; return }
            if (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) { self = .letter; return }
            if c >= 0x30 && c <= 0x39 { self = .number; return }
            self = .other
            return
        }
        guard let s = Unicode.Scalar(cp) else { self = .other; return }
        let p = s.properties
        if p.isWhitespace { self = .whitespace; return }
        switch p.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: self = .letter
        case .decimalNumber, .letterNumber, .otherNumber: self = .number
        default: self = .other
        }
    }
}

private let apostrophe: UInt32 = 0x27, cr: UInt32 = 0x0D, lf: UInt32 = 0x0A, space: UInt32 = 0x20

/// Length of a contraction ('s 't 'm 'd 're 've 'll) at `pos`, 0 if none.
private func contraction(_ cps: [UInt32], _ pos: Int, _ end: Int, caseInsensitive: Bool) -> Int {
    guard cps[pos] == apostrophe, pos + 1 < end else { return 0 }
    func lower(_ c: UInt32) -> UInt32 { caseInsensitive && c >= 0x41 && c <= 0x5A ? c + 32 : c }
    let a = lower(cps[pos + 1])
    if a == 0x73 || a == 0x74 || a == 0x6D || a == 0x64 { return 2 }  // s t m d
    guard pos + 2 < end else { return 0 }
    let b = lower(cps[pos + 2])
    if (a == 0x72 && b == 0x65) || (a == 0x76 && b == 0x65) || (a == 0x6C && b == 0x6C) { return 3 }  // re ve ll
    return 0
}

/// GPT-2 regex over cps[start..<end] (llama.cpp unicode_regex_split_custom_gpt2).
private func splitGPT2(_ cps: [UInt32], _ cls: [CodePointClass], _ start: Int, _ end: Int, _ ends: inout [Int]) {
    func cl(_ i: Int) -> CodePointClass? { i < end ? cls[i] : nil }
    var pos = start
    while pos < end {
        let c = contraction(cps, pos, end, caseInsensitive: false)
        if c > 0 { pos += c; ends.append(pos); continue }
        // " ?X+" for X in letters, numbers, others: an optional leading space joins the run.
        let lead = cps[pos] == space ? 1 : 0
        if let k = cl(pos + lead), k != .whitespace {
            pos += lead
            while cl(pos) == k { pos += 1 }
            ends.append(pos)
            continue
        }
        var n = 0
        while cl(pos + n) == .whitespace { n += 1 }
        if n > 1 && pos + n < end {
            pos += n - 1  // \s+(?!\S): leave the last space to lead the next word.
        } else {
            pos += max(n, 1)
        }
        ends.append(pos)
    }
}

/// Llama-3 / Qwen2 regex over cps[start..<end]; maxDigits is 3 for llama3, 1 for qwen2
/// (llama.cpp unicode_regex_split_custom_llama3, and std::regex for qwen2 with the same result).
private func splitLlama3(_ cps: [UInt32], _ cls: [CodePointClass], _ start: Int, _ end: Int,
                         maxDigits: Int, _ ends: inout [Int]) {
    func cl(_ i: Int) -> CodePointClass? { i < end ? cls[i] : nil }
    var pos = start
    while pos < end {
        let cp = cps[pos], k = cls[pos]
        let c = contraction(cps, pos, end, caseInsensitive: true)
        if c > 0 { pos += c; ends.append(pos); continue }
        // [^\r\n\p{L}\p{N}]?\p{L}+
        if k == .letter || (cp != cr && cp != lf && k != .number && cl(pos + 1) == .letter) {
            pos += 1
            while cl(pos) == .letter { pos += 1 }
            ends.append(pos)
            continue
        }
        // \p{N}{1,maxDigits}
        if k == .number {
            var n = 0
            while n < maxDigits && cl(pos) == .number { pos += 1; n += 1 }
            ends.append(pos)
            continue
        }
        // " ?[^\s\p{L}\p{N}]+[\r\n]*"
        let lead = cp == space ? 1 : 0
        if cl(pos + lead) == .other {
            pos += lead
            while cl(pos) == .other { pos += 1 }
            while pos < end && (cps[pos] == cr || cps[pos] == lf) { pos += 1 }
            ends.append(pos)
            continue
        }
        // Whitespace run: \s*[\r\n]+ ends after its last CR/LF; else \s+(?!\S); else \s+.
        var n = 0, lastNewline = -1
        while cl(pos + n) == .whitespace {
            if cps[pos + n] == cr || cps[pos + n] == lf { lastNewline = pos + n }
            n += 1
        }
        if lastNewline >= 0 {
            pos = lastNewline + 1
        } else if n > 1 && pos + n < end {
            pos += n - 1
        } else {
            pos += max(n, 1)
        }
        ends.append(pos)
    }
}
