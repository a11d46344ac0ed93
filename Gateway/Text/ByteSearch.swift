// The first occurrence of an ASCII byte in a range of a buffer, 16 bytes per step (ByteLanes): the
// policy's host and IP-literal readers look for ':' across whole argument values, bodies included.

enum ByteSearch {
    /// The first index in `from..<to` (a range of `b`) whose byte is `byte` (ASCII, < 0x80), or nil.
    static func firstIndex(of byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        var i = from
        if let base = b.baseAddress {
            let low = SIMD16<UInt8>(repeating: 0x7F)
            while i &+ 16 <= to {
                let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
                // Exact on the low seven bits; lanes ≥ 0x80 are excluded by `~v`. The lane mask is
                // gathered only for the block that holds a hit.
                let hits = ByteLanes.equals(v & low, byte) & ~v & ByteLanes.high
                if ByteLanes.any(hits) { return i &+ ByteLanes.mask(hits).trailingZeroBitCount }
                i &+= 16
            }
        }
        while i < to {
            if b[i] == byte { return i }
            i &+= 1
        }
        return nil
    }
}
