// The pre-filter's working buffers: one folded and one decoded view per decode depth (a deeper view
// never overwrites a shallower one) and the argument path.
// Owned by the caller (layer 4 keeps one for the gateway's lifetime) so buffers keep their capacity.

public struct PrefilterScratch: Sendable {
    var folded: [[UInt8]] = [[UInt8]](repeating: [], count: PrefilterLimits.maxDecodeDepth + 1)
    var decoded: [[UInt8]] = [[UInt8]](repeating: [], count: PrefilterLimits.maxDecodeDepth + 1)
    /// Where the argument walk is (for the finding's location).
    var path: [Prefilter.PathComponent] = []
    /// Bytes of every view scanned so far in this call (reset by `Prefilter.scan`), against
    /// `PrefilterLimits.maxScannedBytes`.
    var scanned = 0
    /// Keys and context strings already found clean (see `Prefilter.scanRecurring`).
    var clean = CleanMemo()

    public init() {}
}

/// A bounded memo of short ASCII strings whose scan found nothing, per role (key or context), with
/// the bytes that scan counted. ASCII only: for ASCII, `String` equality is byte equality (no
/// canonical-equivalence matching of different bytes). Replaced round-robin when full.
struct CleanMemo: Sendable {
    struct Entry: Sendable {
        var text: String
        var inContext: Bool
        var scanned: Int
    }
    private var entries: [Entry] = []
    private var next = 0

    func lookup(_ s: String, inContext: Bool) -> Int? {
        for e in entries where e.inContext == inContext && e.text == s { return e.scanned }
        return nil
    }

    mutating func insert(_ s: String, inContext: Bool, scanned: Int) {
        let e = Entry(text: s, inContext: inContext, scanned: scanned)
        if entries.count < PrefilterLimits.memoEntries {
            entries.append(e)
        } else {
            entries[next] = e
            next = (next + 1) % PrefilterLimits.memoEntries
        }
    }
}
