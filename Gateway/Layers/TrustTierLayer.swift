// Layer 2: the calling agent's trust tier must be at least the tool's minimum tier
// (System > AiNative > AiEnhanced > Classic).

public struct TrustTierLayer: Sendable {
    public init() {}

    public func evaluate(_ call: ToolCall, tool: ToolSpec) -> LayerOutcome {
        if call.agent.tier >= tool.minimumTier { return .pass }
        return .deny(reason: tool.tierDenial(agent: call.agent.tier))
    }
}
