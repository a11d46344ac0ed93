// Hooks the gateway needs from its host: a monotonic clock and a safety model. The kernel wires
// real ones (TSC, the Inference engine); tests and warden-eval wire fakes or the host engine.

/// Monotonic nanoseconds since an arbitrary origin (never goes backwards).
public protocol MonotonicClock {
    mutating func nanoseconds() -> UInt64
}

/// Why a safety model could not answer; the ProbeLogits layer then fails closed.
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No model is loaded.
    case absent
    /// The model failed (tokenizer, context overflow, engine error) — the message says how.
    case failed(String)

    public var description: String {
        switch self {
        case .absent: return "model absent"
        case .failed(let m): return "model error: \(m)"
        }
    }
}

/// How the model is asked (`probelogits design` in the policy): `verbalizer` (the default) reads the
/// logits of the answer words after the query; `likelihood` scores the call's own tokens with and
/// without the user's request (ProbePrompt.swift, docs/gateway.md layer 5).
public enum ProbeDesign: String, Sendable, CaseIterable {
    case verbalizer
    case likelihood
}

/// The prompt handed to a safety model: a fixed `prefix` (instructions and few-shot examples,
/// identical for every call so the engine can keep its KV cache) and the per-call `query`, which a
/// verbalizer probe answers; for a likelihood probe, the call as text with the two contexts it is
/// scored after (ProbePrompt.swift builds both); and which of the two `design` asks for.
public struct SafetyPrompt: Sendable {
    public let prefix: String
    public let query: String
    public let scored: ScoredCall?
    public let design: ProbeDesign
    public init(prefix: String, query: String, scored: ScoredCall? = nil, design: ProbeDesign = .verbalizer) {
        self.prefix = prefix
        self.query = query
        self.scored = scored
        self.design = design
    }
}

/// A call for a likelihood probe: how much more likely `call` is after `context` (which states the
/// user's request) than after `baseline` (which does not).
public struct ScoredCall: Sendable, Equatable {
    public let context: String
    public let baseline: String
    public let call: String
    public init(context: String, baseline: String, call: String) {
        self.context = context
        self.baseline = baseline
        self.call = call
    }
}

/// A model that returns the calibrated probability that a call is unsafe, in [0, 1].
public protocol SafetyModel {
    /// A hash-able identity of the model (file digest or name), recorded in the audit genesis.
    var identity: String { get }
    mutating func unsafeProbability(_ prompt: SafetyPrompt) throws(ModelError) -> Double
}

/// The model slot when no model is loaded: every call that needs the gate is denied.
public struct AbsentModel: SafetyModel {
    public init() {}
    public var identity: String { "none" }
    public mutating func unsafeProbability(_ prompt: SafetyPrompt) throws(ModelError) -> Double {
        throw .absent
    }
}
