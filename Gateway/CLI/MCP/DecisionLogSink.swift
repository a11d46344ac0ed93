// The decision sink of warden-mcp: every decision is appended to the BLAKE3 hash-chained audit log
// (as in the kernel) and, unless quiet, logged as one line on stderr. Sealed segments are drained
// into memory so the log never blocks; `--audit-out FILE` exports the chain as JSON Lines at exit
// (verifiable with `warden-audit verify FILE`).
import Blake3
import Gateway

struct DecisionLogSink: DecisionSink {
    var audit: AuditLogSink
    var quiet: Bool
    /// Records of sealed segments already drained from the log, oldest first.
    var drained: [AuditRecord] = []
    var count = 0

    /// `policyText` is the loaded policy file (its BLAKE3 goes into the genesis record), nil if none.
    init(quiet: Bool, policyText: [UInt8]?) {
        let binding = AuditBinding(kernelBuild: Blake3.hash("warden-mcp host build"),
                                   policy: policyText.map { Blake3.hash($0) } ?? Blake3.hash("no policy loaded"),
                                   model: Blake3.hash(AbsentModel().identity))
        audit = AuditLogSink(log: AuditLog(binding: binding, monotonicNs: HostSystem.monotonicNs(), wallNs: HostSystem.wallNs()),
                             wallOffsetNs: HostSystem.wallNs() - Int64(HostSystem.monotonicNs()))
        self.quiet = quiet
    }

    mutating func record(_ call: ToolCall, _ decision: Decision, canonicalArguments: [UInt8]) -> SinkResult {
        let result = audit.record(call, decision, canonicalArguments: canonicalArguments)
        while let segment = audit.log.drainSealedSegment() { drained += segment }
        count += 1
        if !quiet {
            let layer = decision.decidingLayer.map { " layer=\($0.rawValue)(\($0.name))" } ?? ""
            let reason = decision.reason.isEmpty ? "" : " reason=\"\(decision.reason)\""
            let audited = result == .recorded ? "seq=\(audit.log.count - 1)" : "AUDIT FAILED"
            HostSystem.log("decision \(audited) agent=\(call.agent.name) tier=\(call.agent.tier.name) tool=\(call.tool) "
                           + "verdict=\(decision.verdict.rawValue)\(layer)\(reason) total_ns=\(decision.latencies.total)")
        }
        return result
    }

    /// The whole chain of this run, genesis first.
    var allRecords: [AuditRecord] { drained + audit.log.records }
}

/// Layer 6 of warden-mcp: the policy given with --policy, or (without one, announced on stderr)
/// a layer that passes every call.
enum PolicySlot: ContentLayer {
    case none
    case loaded(PolicyLayer)

    func evaluate(_ call: ToolCall) -> LayerOutcome {
        switch self {
        case .none: return .pass
        case .loaded(let layer): return layer.evaluate(call)
        }
    }
}
