// Exact-byte name → value table (open addressing, FNV-1a over UTF-8) for the tool names the
// gateway looks up on every call. Unlike `Dictionary<String, _>`, two names match only when their
// bytes are equal: `String` equality is Unicode canonical equivalence, so "\u{212A}ubectl"
// (KELVIN SIGN) would equal "Kubectl" there while every byte-level matcher (glob, regex, the
// audit record) still sees a different name. The policy compares strings the same way
// (`UTF8Bytes`).

struct NameTable<Value>: Sendable where Value: Sendable {
    private struct Slot: Sendable {
        var hash: UInt64
        var name: [UInt8]
        var value: Value
    }

    private var slots: [Slot?]
    private(set) var count = 0

    init() {
        slots = [Slot?](repeating: nil, count: 16)
    }

    /// FNV-1a, 64-bit, over the UTF-8 bytes.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    subscript(name: String) -> Value? {
        get {
            UTF8Bytes.withBytes(name) { bytes in
                let h = NameTable.hash(bytes)
                let mask = slots.count - 1
                var i = Int(truncatingIfNeeded: h) & mask
                while let slot = slots[i] {
                    if slot.hash == h, slot.name.withUnsafeBufferPointer({ UTF8Bytes.equal($0, bytes) }) { return slot.value }
                    i = (i + 1) & mask
                }
                return nil
            }
        }
        set {
            guard let value = newValue else { preconditionFailure("NameTable: removal is not supported") }
            let bytes = Array(name.utf8)
            let h = bytes.withUnsafeBufferPointer { NameTable.hash($0) }
            if (count + 1) * 2 > slots.count { grow() }
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: h) & mask
            while let slot = slots[i] {
                if slot.hash == h, slot.name == bytes {
                    slots[i]!.value = value
                    return
                }
                i = (i + 1) & mask
            }
            slots[i] = Slot(hash: h, name: bytes, value: value)
            count += 1
        }
    }

    /// Doubles the slot array (load factor ≤ 1/2) and reinserts every entry.
    private mutating func grow() {
        let old = slots
        slots = [Slot?](repeating: nil, count: old.count * 2)
        let mask = slots.count - 1
        for case let slot? in old {
            var i = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[i] != nil { i = (i + 1) & mask }
            slots[i] = slot
        }
    }
}
