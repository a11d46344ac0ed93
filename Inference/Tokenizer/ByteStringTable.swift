// Open-addressing hash table from byte strings to Int32 (FNV-1a, linear probing). Keys are
// compared byte for byte (no Unicode normalization, unlike String), lookups do not allocate,
// and no Hasher seed is needed in the kernel.

struct ByteStringTable {
    /// All keys back to back.
    private var keyBytes: [UInt8] = []
    /// keyStart[i]..<keyStart[i+1] is key i.
    private var keyStart: [Int32] = [0]
    private var values: [Int32] = []
    /// Entry index + 1 per slot (0 = empty); capacity is a power of two, at most half full.
    private var slots: [Int32]
    private var mask: Int

    init(expectedCount: Int) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity <<= 1 }
        slots = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
        keyBytes.reserveCapacity(expectedCount * 6)
        keyStart.reserveCapacity(expectedCount + 1)
        values.reserveCapacity(expectedCount)
    }

    var count: Int { values.count }

    /// Inserts `key → value` unless the key is present; returns the existing value if it was.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, value: Int32) -> Int32? {
        if let existing = self[key] { return existing }
        if (values.count + 1) * 2 > slots.count { grow() }
        keyBytes.append(contentsOf: key)
        keyStart.append(Int32(keyBytes.count))
        values.append(value)
        place(entry: values.count - 1, hash: ByteStringTable.hash(key))
        return nil
    }

    mutating func insert(_ key: [UInt8], value: Int32) -> Int32? {
        key.withUnsafeBufferPointer { insert($0, value: value) }
    }

    /// The value stored for `key`, if any.
    subscript(key: UnsafeBufferPointer<UInt8>) -> Int32? {
        var slot = Int(truncatingIfNeeded: ByteStringTable.hash(key)) & mask
        while true {
            let e = Int(slots[slot])
            if e == 0 { return nil }
            if keyEquals(e - 1, key) { return values[e - 1] }
            slot = (slot + 1) & mask
        }
    }

    subscript(key: [UInt8]) -> Int32? {
        key.withUnsafeBufferPointer { self[$0] }
    }

    private func keyEquals(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(keyStart[entry]), end = Int(keyStart[entry + 1])
        guard end - start == key.count else { return false }
        var i = 0
        while i < key.count {
            if keyBytes[start + i] != key[i] { return false }
            i += 1
        }
        return true
    }

    private mutating func place(entry: Int, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry + 1)
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for e in 0..<values.count {
            let start = Int(keyStart[e]), end = Int(keyStart[e + 1])
            let h = keyBytes.withUnsafeBufferPointer { ByteStringTable.hash(UnsafeBufferPointer(rebasing: $0[start..<end])) }
            place(entry: e, hash: h)
        }
    }

    /// FNV-1a 64-bit.
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }
}
