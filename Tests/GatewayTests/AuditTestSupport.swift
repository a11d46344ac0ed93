// Shared fixtures for the audit tests: a binding, entries and small logs.
import Blake3
@testable import Gateway

let testBinding = AuditBinding(kernelBuild: Blake3.hash("kernel build 1"), policy: Blake3.hash("policy v1"),
                               model: Blake3.hash("model smollm2"))

func testEntry(_ i: Int) -> AuditEntry {
    let deny = i % 3 == 1
    return AuditEntry(monotonicNs: UInt64(1_000 + 10 * i), wallNs: 1_700_000_000_000_000_000 + Int64(i),
                      agent: "agent-\(i % 2)", tool: i % 2 == 0 ? "fs_read" : "http_fetch",
                      argumentsHash: Blake3.hash("{\"path\":\"/tmp/\(i)\"}"),
                      decidingLayer: deny ? 4 : 0, verdict: deny ? .deny : .allow,
                      reason: deny ? "injection phrase \"ignore previous\" in path" : "",
                      latencies: AuditLatencies(UInt64(i), 2, 3, 4, 5, 6))
}

/// A log with `decisions` decision records after genesis.
func testLog(decisions: Int, segmentCapacity: Int = AuditLimits.segmentCapacity,
             retained: Int = AuditLimits.retainedSealedSegments) throws -> AuditLog {
    var log = AuditLog(binding: testBinding, monotonicNs: 500, wallNs: 1_700_000_000_000_000_000,
                       segmentCapacity: segmentCapacity, retainedSealedSegments: retained)
    for i in 0..<decisions { try log.append(testEntry(i)) }
    return log
}

func badSeq(_ v: AuditVerification) -> UInt64? {
    if case let .bad(seq, _) = v { return seq }
    return nil
}

func badReason(_ v: AuditVerification) -> String {
    if case let .bad(_, reason) = v { return reason }
    return ""
}
