// The interface the pipeline expects of the content layers it does not own (the adversarial
// pre-filter, layer 4, and the constitutional policy, layer 6), plus a sink for decisions.

public protocol ContentLayer {
    mutating func evaluate(_ call: ToolCall) -> LayerOutcome
}

/// A content layer that never objects (used when a configuration or test leaves a layer out).
public struct PassLayer: ContentLayer {
    public init() {}
    public func evaluate(_ call: ToolCall) -> LayerOutcome { .pass }
}

/// Where the pipeline sends every decision (the audit log in the kernel and in warden-eval).
public protocol DecisionSink {
    /// `canonicalArguments` are the call's arguments in canonical JSON (hash them for the record).
    mutating func record(_ call: ToolCall, _ decision: Decision, canonicalArguments: [UInt8]) -> SinkResult
}

/// A sink failure makes the pipeline deny the call (an unrecorded allow is not allowed).
public enum SinkResult: Equatable, Sendable {
    case recorded
    case failed(String)
}

/// Drops decisions (tests and benchmarks of the layers alone).
public struct NullSink: DecisionSink {
    public init() {}
    public func record(_ call: ToolCall, _ decision: Decision, canonicalArguments: [UInt8]) -> SinkResult { .recorded }
}
