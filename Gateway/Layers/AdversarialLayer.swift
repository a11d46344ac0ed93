// Layer 4: the adversarial pre-filter. Denies a call whose normalized text matches a known attack
// shape (see Prefilter/), or that is too large to scan completely (fail closed).

public struct AdversarialLayer: Sendable {
    public let prefilter: Prefilter
    /// Buffers reused from call to call (no per-call allocation once they have grown).
    var scratch = PrefilterScratch()

    public init() {
        prefilter = Prefilter()
    }

    public mutating func evaluate(_ call: ToolCall) -> LayerOutcome {
        switch prefilter.scan(call, scratch: &scratch) {
        case .clean:
            return .pass
        case let .threat(finding):
            return .deny(reason: finding.reason)
        case let .overLimit(why):
            return .deny(reason: "scan limit: \(why)")
        }
    }
}
