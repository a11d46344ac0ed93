// Layer 4: the adversarial pre-filter. Denies a call whose normalized text matches a known attack
// shape (see Prefilter/), or that is too large to scan completely (fail closed).

public struct AdversarialLayer: Sendable {
    public let prefilter: Prefilter

    public init() {
        prefilter = Prefilter()
    }

    public func evaluate(_ call: ToolCall) -> LayerOutcome {
        switch prefilter.scan(call) {
        case .clean:
            return .pass
        case let .threat(finding):
            return .deny(reason: finding.reason)
        case let .overLimit(why):
            return .deny(reason: "scan limit: \(why)")
        }
    }
}
