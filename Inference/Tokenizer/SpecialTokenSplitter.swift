// Splits raw text at occurrences of special tokens before pre-tokenization (llama.cpp
// tokenizer_st_partition): longest tokens first; control/unknown tokens only when parsing
// specials is asked for, user-defined tokens always.

/// A piece of the input: raw text bytes to tokenize, or a special token id.
enum Fragment {
    case text(start: Int, end: Int)
    case token(Int32)
}

struct SpecialTokenSplitter {
    /// Special token ids, longest text first (ties by id).
    let ids: [Int32]

    init(vocab: Vocabulary) {
        var ids: [Int32] = []
        for i in 0..<vocab.count where !vocab.attributes[i].isDisjoint(with: TokenAttributes.special) {
            ids.append(Int32(i))
        }
        ids.sort { a, b in
            let la = vocab.textLength(Int(a)), lb = vocab.textLength(Int(b))
            return la != lb ? la > lb : a < b
        }
        self.ids = ids
    }

    func split(_ text: [UInt8], vocab: Vocabulary, parseSpecial: Bool) -> [Fragment] {
        var fragments: [Fragment] = text.isEmpty ? [] : [.text(start: 0, end: text.count)]
        for id in ids {
            if !parseSpecial && !vocab.attributes[Int(id)].isDisjoint(with: TokenAttributes.hiddenUnlessSpecial) { continue }
            let needle = vocab.text(Int(id))
            var out: [Fragment] = []
            out.reserveCapacity(fragments.count + 2)
            var changed = false
            for f in fragments {
                guard case .text(var start, let end) = f else { out.append(f); continue }
                while let m = find(needle, in: text, from: start, to: end) {
                    if m > start { out.append(.text(start: start, end: m)) }
                    out.append(.token(id))
                    start = m + needle.count
                    changed = true
                }
                if start < end { out.append(.text(start: start, end: end)) }
            }
            if changed { fragments = out }
        }
        return fragments
    }

    /// First index ≥ from where `needle` occurs entirely inside text[from..<to].
    private func find(_ needle: ArraySlice<UInt8>, in text: [UInt8], from: Int, to: Int) -> Int? {
        guard let first = needle.first, needle.count <= to - from else { return nil }
        var i = from
        let last = to - needle.count
        while i <= last {
            if text[i] == first && text[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
