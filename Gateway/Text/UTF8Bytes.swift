// Byte-exact comparisons of Strings' UTF-8 (no canonical equivalence, no per-call allocation): the
// policy's ==, in, prefix, suffix, contains and under, over each string's contiguous UTF-8 storage.
enum UTF8Bytes {
    /// a and b have the same UTF-8 bytes.
    static func equal(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        return withBytes(a, b) { x, y in same(x, 0, y) }
    }

    /// Two byte buffers are equal.
    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && same(a, 0, b)
    }

    /// text's UTF-8 starts with p's.
    static func hasPrefix(_ text: String, _ p: String) -> Bool {
        withBytes(text, p) { t, q in q.count <= t.count && same(t, 0, q) }
    }

    /// text's UTF-8 ends with p's.
    static func hasSuffix(_ text: String, _ p: String) -> Bool {
        withBytes(text, p) { t, q in q.count <= t.count && same(t, t.count - q.count, q) }
    }

    /// text's UTF-8 starts with p's followed by `next` (for "under": base + "/" without building it).
    static func hasPrefix(_ text: String, _ p: String, then next: UInt8) -> Bool {
        withBytes(text, p) { t, q in q.count < t.count && t[q.count] == next && same(t, 0, q) }
    }

    /// needle's UTF-8 occurs in text's (the empty needle occurs everywhere).
    static func contains(_ text: String, _ needle: String) -> Bool {
        withBytes(text, needle) { t, n in
            if n.isEmpty { return true }
            if n.count > t.count { return false }
            let first = n[0]
            var i = 0
            while i + n.count <= t.count {
                if t[i] == first && same(t, i, n) { return true }
                i += 1
            }
            return false
        }
    }

    /// t[at ..< at + q.count] == q (the caller guarantees the range is inside t).
    @inline(__always)
    private static func same(_ t: UnsafeBufferPointer<UInt8>, _ at: Int, _ q: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        while k < q.count {
            if t[at + k] != q[k] { return false }
            k += 1
        }
        return true
    }

    /// Runs `body` on the UTF-8 bytes of `s`: read in place for native strings (no copy, no retain),
    /// copied only for the others.
    @inline(__always)
    static func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
        return Array(s.utf8).withUnsafeBufferPointer(body)
    }

    @inline(__always)
    private static func withBytes<R>(_ a: String, _ b: String,
                                     _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        withBytes(a) { x in withBytes(b) { y in body(x, y) } }
    }
}
