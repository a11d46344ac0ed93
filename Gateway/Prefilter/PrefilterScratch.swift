// The pre-filter's working buffers: one folded and one decoded view per decode depth (a deeper view
// never overwrites a shallower one) and the raw copy of the string being scanned. Owned by the
// caller (layer 4 keeps one for the gateway's lifetime) so buffers keep their capacity across calls.

public struct PrefilterScratch: Sendable {
    var folded: [[UInt8]] = [[UInt8]](repeating: [], count: PrefilterLimits.maxDecodeDepth + 1)
    var decoded: [[UInt8]] = [[UInt8]](repeating: [], count: PrefilterLimits.maxDecodeDepth + 1)
    var raw: [UInt8] = []
    /// Bytes of every view scanned so far in this call (reset by `Prefilter.scan`), against
    /// `PrefilterLimits.maxScannedBytes`.
    var scanned = 0

    public init() {}
}
