// The pipeline's sink in the kernel and in warden-eval: every decision becomes a record of the
// BLAKE3 hash-chained audit log (Gateway/Audit), with the BLAKE3 of the canonical arguments.

import Blake3

public struct AuditLogSink: DecisionSink {
    public var log: AuditLog
    /// Wall-clock time at monotonic 0 (ns since the Unix epoch), read once at boot.
    public var wallOffsetNs: Int64

    public init(log: AuditLog, wallOffsetNs: Int64 = 0) {
        self.log = log
        self.wallOffsetNs = wallOffsetNs
    }

    public mutating func record(_ call: ToolCall, _ decision: Decision, canonicalArguments: [UInt8]) -> SinkResult {
        let l = decision.latencies
        let entry = AuditEntry(
            monotonicNs: decision.startNs, wallNs: wallOffsetNs &+ Int64(truncatingIfNeeded: decision.startNs),
            decision: AuditDecision(
                agent: call.agent.name, tool: call.tool, argumentsHash: Blake3.hash(canonicalArguments),
                decidingLayer: decision.layerNumber, verdict: decision.verdict, reason: decision.reason,
                latencies: AuditLatencies(l.schema, l.trustTier, l.rateLimit, l.adversarial, l.probeLogits, l.policy)))
        do {
            try log.append(entry)
            return .recorded
        } catch {
            return .failed(error.message)
        }
    }
}
