// Folds text to the canonical byte view layer 4 matches against: UTF-8 decoded, invisible
// characters dropped, confusables and fullwidth forms mapped to ASCII, lowercased, whitespace
// runs collapsed to one space. Appends to a caller-owned buffer (no allocation once it has grown).

enum TextFolder {
    /// Appends the folded form of `input` (UTF-8 bytes) to `out`. Invalid UTF-8 becomes `?`.
    /// Fast path: the leading ASCII run goes through raw buffers, 16 bytes per step where a block
    /// folds one byte to one byte (see `plainBlock`) and one table lookup per byte elsewhere; the
    /// rest, from the first non-ASCII byte on, takes the general loop with the same whitespace
    /// state, so the output is identical. Reads the bytes in place (the pre-filter passes a
    /// string's own UTF-8 buffer).
    static func fold(_ inp: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let n = inp.count
        let base = out.count
        // ASCII folds to at most one byte each: grow by a bulk copy of the input (cheaper than a
        // zero fill), then overwrite in place (the write index never passes the read index).
        out.append(contentsOf: inp)
        var written = base
        var consumed = 0
        var lastWasSpace = false
        out.withUnsafeMutableBufferPointer { o in
            TextFolder.asciiMap.withUnsafeBufferPointer { map in
                ascii: while consumed < n {
                    // The block and the byte after it are read, so 17 bytes must remain.
                    if consumed &+ 17 <= n,
                       let block = plainBlock(UnsafeRawPointer(inp.baseAddress! + consumed), lastWasSpace: lastWasSpace) {
                        UnsafeMutableRawPointer(o.baseAddress! + written).storeBytes(of: block.folded,
                                                                                     as: SIMD16<UInt8>.self)
                        written &+= 16
                        consumed &+= 16
                        lastWasSpace = block.endsWithSpace
                        continue
                    }
                    // Byte by byte up to the next block boundary. Branch-light: always store,
                    // then advance unless the byte is dropped (0) or is whitespace right after
                    // whitespace.
                    let stop = min(n, consumed &+ 16)
                    while consumed < stop {
                        let b = inp[consumed]
                        if b >= 0x80 { break ascii }
                        consumed &+= 1
                        let m = map[Int(b)]
                        let isSpace = m == 32
                        o[written] = m
                        let keep = m != 0 && !(isSpace && lastWasSpace)
                        written &+= keep ? 1 : 0
                        if m != 0 { lastWasSpace = isSpace }
                    }
                }
            }
        }
        out.removeLast(out.count - written)
        if consumed < n { fold(inp[consumed...], into: &out, lastWasSpace: lastWasSpace) }
    }

    /// The fold of 16 ASCII bytes at `p` when each folds to exactly one byte: no byte ≥ 0x80, no
    /// dropped control, and no whitespace byte whose predecessor (or, conservatively, successor:
    /// `p[16]` is read) is whitespace. Nil otherwise (the caller folds the block byte by byte).
    @inline(__always)
    static func plainBlock(_ p: UnsafeRawPointer, lastWasSpace: Bool) -> (folded: SIMD16<UInt8>, endsWithSpace: Bool)? {
        typealias L = ByteLanes
        let v = p.loadUnaligned(as: SIMD16<UInt8>.self)
        let next = p.loadUnaligned(fromByteOffset: 1, as: SIMD16<UInt8>.self)
        if L.any((v | next) & L.high) { return nil }
        let space = spaceLanes(v)
        let control = (L.atLeast(v, 9) ^ L.high) | L.inRange(v, 14, 32) | L.atLeast(v, 127)
        if L.any(control | (space & spaceLanes(next))) || (lastWasSpace && space[0] != 0) { return nil }
        let lowered = v &+ (L.inRange(v, 65, 91) &>> 2)  // 0x80 >> 2 = 0x20 = 'a' - 'A'
        let spaceBytes = SIMD16<UInt8>() &- (space &>> 7)  // 0xFF where whitespace
        return ((lowered & ~spaceBytes) | (spaceBytes & SIMD16(repeating: 32)), space[15] != 0)
    }

    /// 0x80 in each ASCII whitespace lane (tab, LF, VT, FF, CR, space: what `asciiMap` maps to 32).
    @inline(__always)
    static func spaceLanes(_ v: SIMD16<UInt8>) -> SIMD16<UInt8> {
        ByteLanes.inRange(v, 9, 14) | ByteLanes.equals(v, 32)
    }

    /// The general loop (any collection of bytes), starting in the given whitespace state.
    static func fold<C: Collection>(_ input: C, into out: inout [UInt8], lastWasSpace startState: Bool = false)
        where C.Element == UInt8 {
        var lastWasSpace = startState
        out.reserveCapacity(out.count + input.count)
        let asciiMap = TextFolder.asciiMap  // one lazy-global check, not one per byte
        var i = input.startIndex
        while i != input.endIndex {
            let b0 = input[i]
            input.formIndex(after: &i)
            var scalar: UInt32
            if b0 < 0x80 {
                // ASCII fast path: one table lookup (0 = drop, 32 = whitespace, else the folded byte).
                let m = asciiMap[Int(b0)]
                if m == 0 { continue }
                if m == 32 {
                    if !lastWasSpace { out.append(32) }
                    lastWasSpace = true
                    continue
                }
                lastWasSpace = false
                out.append(m)
                continue
            } else {
                // Manual UTF-8 decoding (RFC 3629): reject overlongs, surrogates, > U+10FFFF.
                let need: Int
                let minValue: UInt32
                if b0 & 0xE0 == 0xC0 { need = 1; scalar = UInt32(b0 & 0x1F); minValue = 0x80 }
                else if b0 & 0xF0 == 0xE0 { need = 2; scalar = UInt32(b0 & 0x0F); minValue = 0x800 }
                else if b0 & 0xF8 == 0xF0 { need = 3; scalar = UInt32(b0 & 0x07); minValue = 0x10000 }
                else { need = 0; scalar = 0xFFFD; minValue = 0 }
                var ok = need > 0
                var k = 0
                while ok && k < need {
                    if i == input.endIndex { ok = false; break }
                    let b = input[i]
                    if b & 0xC0 != 0x80 { ok = false; break }
                    scalar = scalar << 6 | UInt32(b & 0x3F)
                    input.formIndex(after: &i)
                    k += 1
                }
                if !ok || scalar < minValue || scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF) {
                    scalar = 63  // '?'
                }
            }
            if isInvisible(scalar) { continue }
            if isSpace(scalar) {
                if !lastWasSpace { out.append(32) }
                lastWasSpace = true
                continue
            }
            lastWasSpace = false
            let folded = foldScalar(scalar)
            appendUTF8(folded, to: &out)
        }
    }

    /// The fold of each ASCII byte: 0 = dropped (controls), 32 = whitespace, else the folded byte.
    static let asciiMap: [UInt8] = (0..<128).map { (c: Int) -> UInt8 in
        let u = UInt32(c)
        if isInvisible(u) { return 0 }
        if isSpace(u) { return 32 }
        return UInt8(foldScalar(u))
    }

    /// Zero-width, bidi-control, variation-selector and tag characters: dropped entirely.
    static func isInvisible(_ c: UInt32) -> Bool {
        switch c {
        case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F,
             0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0x3164, 0xFE00...0xFE0F,
             0xFEFF, 0xFFA0, 0xE0000...0xE007F:
            return true
        case 0...8, 14...31, 127:
            return true  // C0 controls other than whitespace, and DEL
        default:
            return false
        }
    }

    static func isSpace(_ c: UInt32) -> Bool {
        switch c {
        case 9...13, 32, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Lowercases and maps a scalar to its ASCII look-alike when it has one.
    static func foldScalar(_ c: UInt32) -> UInt32 {
        switch c {
        case 65...90: return c + 32
        case 0...127: return c
        case 0xFF01...0xFF5E: return foldScalar(c - 0xFEE0)  // fullwidth ASCII
        case 0x24B6...0x24CF: return c - 0x24B6 + 97  // circled capitals
        case 0x24D0...0x24E9: return c - 0x24D0 + 97  // circled small letters
        case 0x1D400...0x1D6A3: return (c - 0x1D400) % 52 % 26 + 97  // mathematical alphanumeric letters
        case 0x1D7CE...0x1D7FF: return (c - 0x1D7CE) % 10 + 48  // mathematical digits
        case 0xC0...0xDE where c != 0xD7: return c + 32  // Latin-1 capitals
        case 0x391...0x3A9 where c != 0x3A2: return foldScalar(c + 32)  // Greek capitals
        case 0x400...0x40F: return foldScalar(c + 80)  // Cyrillic capitals Ѐ..Џ
        case 0x410...0x42F: return foldScalar(c + 32)  // Cyrillic capitals А..Я
        default: return confusable(c) ?? c
        }
    }

    /// Lowercase Cyrillic, Greek and Latin look-alikes of ASCII letters and punctuation
    /// (a subset of Unicode TR39 confusables: the ones that render identically in common fonts).
    static func confusable(_ c: UInt32) -> UInt32? {
        switch c {
        // Cyrillic
        case 0x430: return 97  // а
        case 0x432: return 98  // в (В)
        case 0x435, 0x450, 0x451: return 101  // е ѐ ё
        case 0x43A: return 107  // к
        case 0x43C: return 109  // м (М)
        case 0x43D: return 104  // н (Н)
        case 0x43E: return 111  // о
        case 0x440: return 112  // р
        case 0x441: return 99  // с
        case 0x442: return 116  // т (Т)
        case 0x443: return 121  // у
        case 0x445: return 120  // х
        case 0x455: return 115  // ѕ
        case 0x456, 0x457: return 105  // і ї
        case 0x458: return 106  // ј
        case 0x4BB: return 104  // һ
        case 0x4CF: return 108  // ӏ
        case 0x501: return 100  // ԁ
        case 0x51B: return 113  // ԛ
        case 0x51D: return 119  // ԝ
        // Greek
        case 0x3B1: return 97  // α
        case 0x3B2: return 98  // β (Β)
        case 0x3B5: return 101  // ε (Ε)
        case 0x3B6: return 122  // ζ (Ζ)
        case 0x3B7: return 104  // η (Η)
        case 0x3B9: return 105  // ι
        case 0x3BA: return 107  // κ
        case 0x3BC: return 109  // μ (Μ)
        case 0x3BD: return 110  // ν (Ν; lowercase ν also resembles v)
        case 0x3BF: return 111  // ο
        case 0x3C1: return 112  // ρ
        case 0x3C4: return 116  // τ
        case 0x3C5: return 117  // υ
        case 0x3C7: return 120  // χ
        // Latin extensions and IPA
        case 0x131: return 105  // ı dotless i
        case 0x17F: return 115  // ſ long s
        case 0x261: return 103  // ɡ
        case 0x269: return 105  // ɩ
        case 0x26A: return 105  // ɪ small capital I
        case 0x280: return 114  // ʀ
        case 0x1D00: return 97  // ᴀ
        case 0x1D04: return 99  // ᴄ
        case 0x1D0F: return 111  // ᴏ
        // Punctuation that spells paths and commands
        case 0x2024, 0x2E31: return 46  // one-dot leader, word separator middle dot → '.'
        case 0x2044, 0x2215, 0x29F8: return 47  // fraction slash, division slash, big solidus → '/'
        case 0x2216, 0x29F9: return 92  // set minus, big reverse solidus → '\'
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2212: return 45  // hyphens, en dash, minus → '-'
        case 0x2018, 0x2019, 0x2032: return 39  // quotes, prime → '\''
        case 0x201C, 0x201D, 0x2033: return 34  // double quotes → '"'
        case 0x2223, 0x01C0: return 124  // divides, dental click → '|'
        case 0x037E: return 59  // Greek question mark → ';'
        case 0xFE68: return 92  // small reverse solidus
        default: return nil
        }
    }
}
