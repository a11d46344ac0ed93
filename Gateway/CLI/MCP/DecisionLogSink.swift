// A decision sink for warden-mcp on the host: one line per decision on stderr.
// NOTE: the kernel and warden-eval record decisions in the BLAKE3 audit chain; the integrator
// swaps this for the audit-log sink (and an export option) once helper/gateway ships it.
import Gateway

struct DecisionLogSink: DecisionSink {
    var quiet: Bool
    var count = 0

    mutating func record(_ call: ToolCall, _ decision: Decision, canonicalArguments: [UInt8]) -> SinkResult {
        count += 1
        if !quiet {
            let layer = decision.decidingLayer.map { " layer=\($0.rawValue)(\($0.name))" } ?? ""
            let reason = decision.reason.isEmpty ? "" : " reason=\"\(decision.reason)\""
            HostSystem.log("decision #\(count) agent=\(call.agent.name) tier=\(call.agent.tier.name) tool=\(call.tool) "
                           + "verdict=\(decision.verdict.rawValue)\(layer)\(reason) total_ns=\(decision.latencies.total)")
        }
        return .recorded
    }
}

/// The real pre-filter as the pipeline's layer 4.
struct PrefilterLayer: ContentLayer {
    let layer = AdversarialLayer()
    func evaluate(_ call: ToolCall) -> LayerOutcome { layer.evaluate(call) }
}
