// Applies the gateway settings a constitution carries (docs/policy.md): per-tool, per-agent and
// per-named-agent rate limits, the ProbeLogits tool list and threshold. Agent tiers are applied where calls are
// built (the kernel from manifests, warden-eval from the policy's `agent` lines).

extension GatewayPipeline {
    /// Settings the pipeline could not apply (reported by the caller, never silently dropped).
    public mutating func configure(from policy: Policy) -> [String] {
        var unsupported: [String] = []
        for r in policy.rateLimits {
            let rate = RateLimit(burst: r.burst, count: r.count, periodSeconds: r.periodSeconds)
            switch (r.agent, r.tool) {
            case (nil, let tool?), ("*", let tool?):
                if let i = catalogue.lookup(tool) { catalogue.configure(i, rate: rate) }
                else { unsupported.append("rate-limit for unknown tool \(tool)") }
            case (nil, nil), ("*", nil):
                rateLimit.agentRate = rate
            case (let agent?, let tool):
                var index: Int? = nil
                if let tool {
                    guard let i = catalogue.lookup(tool) else {
                        unsupported.append("rate-limit for agent \(agent) tool \(tool): unknown tool")
                        continue
                    }
                    index = i
                }
                do { try rateLimit.setOverride(agent: agent, toolIndex: index, rate: rate) }
                catch { unsupported.append("rate-limit for agent \(agent): \(error.description)") }
            }
        }
        if let tools = policy.probeLogitsTools {
            // The policy's list adds to the side-effect classes gated by default (the union fails closed).
            var gated = [Bool](repeating: false, count: catalogue.count)
            for i in 0..<catalogue.count {
                gated[i] = probeLogits.gates(catalogue[i]) || tools.contains(catalogue[i].name) || tools.contains("*")
            }
            probeLogits.gatedTools = gated
        }
        if let t = policy.probeLogitsThreshold { probeLogits.threshold = t }
        if let d = policy.probeLogitsDesign { probeLogits.design = d }
        return unsupported
    }
}

extension PolicyLayer: ContentLayer {}
