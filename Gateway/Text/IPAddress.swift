// IPv4/IPv6 addresses and CIDR blocks: parsing (strict and inet_aton-style) and range tests.
// Used by the adversarial pre-filter (private/metadata addresses) and the policy `cidr` matcher.

/// An IP address as 128 bits; IPv4 addresses are stored IPv4-mapped (::ffff:a.b.c.d).
public struct IPAddress: Equatable, Sendable {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    public init(v4: UInt32) {
        high = 0
        low = 0x0000_FFFF_0000_0000 | UInt64(v4)
    }

    /// True for IPv4-mapped addresses (every IPv4 address parsed here).
    public var isV4: Bool { high == 0 && (low >> 32) == 0xFFFF }

    public var v4: UInt32 { UInt32(truncatingIfNeeded: low) }

    /// Strict dotted quad `a.b.c.d` (decimal, 0...255, no leading zeros beyond "0").
    public static func parseDottedQuad<C: Collection>(_ s: C) -> IPAddress? where C.Element == UInt8 {
        var value: UInt32 = 0
        var part: UInt32 = 0
        var digits = 0
        var parts = 0
        var leadingZero = false
        for b in s {
            if b >= 48, b <= 57 {
                if digits == 1 && leadingZero { return nil }
                if digits == 0 { leadingZero = b == 48 }
                part = part * 10 + UInt32(b - 48)
                digits += 1
                if digits > 3 || part > 255 { return nil }
            } else if b == 46 {  // '.'
                if digits == 0 || parts == 3 { return nil }
                value = value << 8 | part
                parts += 1
                part = 0
                digits = 0
            } else {
                return nil
            }
        }
        if digits == 0 || parts != 3 { return nil }
        return IPAddress(v4: value << 8 | part)
    }

    /// inet_aton forms as URL hosts accept them: 1–4 parts, each decimal, octal (leading 0) or hex
    /// (0x); the last part fills the remaining bytes (`2852039166`, `0xA9FEA9FE`, `0251.0376.0251.0376`).
    public static func parseLenientV4<C: Collection>(_ s: C) -> IPAddress? where C.Element == UInt8 {
        var parts: [UInt64] = []
        var current: UInt64 = 0
        var digits = 0
        var radix: UInt64 = 10
        var index = 0
        var prefix = 0  // bytes of "0x" / "0" prefix seen in this part
        for b in s {
            if b == 46 {
                if digits == 0 && prefix == 0 { return nil }
                parts.append(current)
                if parts.count > 3 { return nil }
                current = 0; digits = 0; radix = 10; prefix = 0
                index += 1
                continue
            }
            if digits == 0 && prefix == 0 && b == 48 {
                prefix = 1
                radix = 8
                continue
            }
            if prefix == 1 && digits == 0 && (b == 120 || b == 88) && radix == 8 {
                prefix = 2
                radix = 16
                continue
            }
            let d: UInt64
            switch b {
            case 48...57: d = UInt64(b - 48)
            case 97...102: d = UInt64(b - 87)
            case 65...70: d = UInt64(b - 55)
            default: return nil
            }
            if d >= radix { return nil }
            current = current * radix + d
            digits += 1
            if current > 0xFFFF_FFFF { return nil }
        }
        if digits == 0 && prefix == 0 { return nil }
        if digits == 0 && prefix == 2 { return nil }
        parts.append(current)
        var value: UInt64 = 0
        for k in 0..<(parts.count - 1) {
            if parts[k] > 255 { return nil }
            value = value << 8 | parts[k]
        }
        let tailBits = UInt64(8 * (5 - parts.count))
        let last = parts[parts.count - 1]
        if last >> tailBits != 0 { return nil }
        value = value << tailBits | last
        return IPAddress(v4: UInt32(truncatingIfNeeded: value))
    }

    /// RFC 4291 text form (`::1`, `fe80::1`, `::ffff:10.0.0.1`), without brackets or zone.
    public static func parseV6<C: Collection>(_ s: C) -> IPAddress? where C.Element == UInt8 {
        let length = s.count
        if length < 2 || length > 45 { return nil }  // before copying: values can be whole bodies
        let bytes = Array(s)
        var groups: [UInt16] = []
        var gapAt = -1
        var i = 0
        if bytes[0] == 58 {  // leading "::"
            guard bytes[1] == 58 else { return nil }
            gapAt = 0
            i = 2
        }
        while i < bytes.count {
            // An embedded IPv4 tail.
            var j = i
            while j < bytes.count, bytes[j] != 58 { j += 1 }
            let token = bytes[i..<j]
            if j == bytes.count, token.contains(46) {
                guard let v4 = parseDottedQuad(token) else { return nil }
                groups.append(UInt16(v4.v4 >> 16))
                groups.append(UInt16(v4.v4 & 0xFFFF))
                i = j
                break
            }
            if token.isEmpty || token.count > 4 { return nil }
            var g: UInt16 = 0
            for b in token {
                let d: UInt16
                switch b {
                case 48...57: d = UInt16(b - 48)
                case 97...102: d = UInt16(b - 87)
                case 65...70: d = UInt16(b - 55)
                default: return nil
                }
                g = g << 4 | d
            }
            groups.append(g)
            i = j
            if i < bytes.count {
                i += 1  // ':'
                if i < bytes.count, bytes[i] == 58 {
                    if gapAt >= 0 { return nil }
                    gapAt = groups.count
                    i += 1
                } else if i == bytes.count {
                    return nil  // trailing single ':'
                }
            }
        }
        if gapAt >= 0 {
            if groups.count > 7 { return nil }
            let fill = [UInt16](repeating: 0, count: 8 - groups.count)
            groups.insert(contentsOf: fill, at: gapAt)
        }
        if groups.count != 8 { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for k in 0..<4 { high = high << 16 | UInt64(groups[k]) }
        for k in 4..<8 { low = low << 16 | UInt64(groups[k]) }
        return IPAddress(high: high, low: low)
    }

    /// Why this address must not be reached from an agent's tool call, or nil for a public address.
    public var nonPublicReason: String? {
        if isV4 {
            let a = v4
            if a == 0xA9FE_A9FE { return "cloud metadata address 169.254.169.254" }
            if a == 0x6464_64C8 { return "cloud metadata address 100.100.100.200" }
            if a >> 24 == 0 { return "this-network address 0.0.0.0/8" }
            if a >> 24 == 10 { return "private address 10.0.0.0/8" }
            if a >> 24 == 127 { return "loopback address 127.0.0.0/8" }
            if a >> 16 == 0xA9FE { return "link-local address 169.254.0.0/16" }
            if a >> 20 == 0xAC1 { return "private address 172.16.0.0/12" }
            if a >> 16 == 0xC0A8 { return "private address 192.168.0.0/16" }
            if a >> 22 == (0x6440 >> 6) { return "shared address 100.64.0.0/10" }
            return nil
        }
        if high == 0 && low == 1 { return "loopback address ::1" }
        if high == 0 && low == 0 { return "unspecified address ::" }
        if high == 0xFD00_0EC2_0000_0000 && low == 0x254 { return "cloud metadata address fd00:ec2::254" }
        if high >> 54 == 0x3FA { return "link-local address fe80::/10" }
        if high >> 57 == 0x7E { return "unique-local address fc00::/7" }
        return nil
    }
}

/// A CIDR block (`10.0.0.0/8`, `fd00::/8`); IPv4 prefixes are stored against the mapped form.
public struct CIDRBlock: Equatable, Sendable {
    public var base: IPAddress
    /// Prefix length over the 128-bit form (an IPv4 /8 is stored as /104).
    public var prefixLength: Int

    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard let slash = bytes.firstIndex(of: 47) else { return nil }
        let addr = bytes[..<slash]
        let lenText = bytes[(slash + 1)...]
        guard !lenText.isEmpty, lenText.count <= 3, lenText.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        var len = 0
        for b in lenText { len = len * 10 + Int(b - 48) }
        if let v4 = IPAddress.parseDottedQuad(addr) {
            guard len <= 32 else { return nil }
            base = v4
            prefixLength = 96 + len
        } else if let v6 = IPAddress.parseV6(addr) {
            guard len <= 128 else { return nil }
            base = v6
            prefixLength = len
        } else {
            return nil
        }
        // The base must have no host bits set; "10.1.0.0/8" is almost always a typo.
        if base != masked(base) { return nil }
    }

    private func masked(_ a: IPAddress) -> IPAddress {
        let hiBits = min(prefixLength, 64)
        let loBits = max(prefixLength - 64, 0)
        let hiMask: UInt64 = hiBits == 0 ? 0 : ~UInt64(0) << UInt64(64 - hiBits)
        let loMask: UInt64 = loBits == 0 ? 0 : ~UInt64(0) << UInt64(64 - loBits)
        return IPAddress(high: a.high & hiMask, low: a.low & loMask)
    }

    public func contains(_ a: IPAddress) -> Bool { masked(a) == masked(base) }
}
