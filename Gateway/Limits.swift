// Every limit of the Gateway module in one place (JSON parser, schemas, rate limits, prompts).

public enum GatewayLimits {
    // MARK: JSON (RFC 8259 parser, Core/JSONParser.swift)

    /// Largest JSON document accepted, in bytes (a tool call's arguments, a policy-side JSON file).
    public static let jsonMaxBytes = 1 << 20
    /// Deepest nesting of arrays/objects (the document itself is depth 1).
    public static let jsonMaxDepth = 64
    /// Longest number literal, in characters (longer literals are rejected, never rounded silently).
    public static let jsonMaxNumberLength = 64
    /// Largest absolute decimal exponent accepted in a number literal.
    public static let jsonMaxExponent = 400
    /// Most members in one object / elements in one array.
    public static let jsonMaxContainerCount = 4096

    // MARK: Rate limits (Layers/RateLimitLayer.swift)

    /// Slots in the per-(agent, tool) bucket table; when full, new keys are denied (fail closed).
    public static let rateTableSlots = 1024
    /// Slots in the per-agent bucket table.
    public static let rateAgentSlots = 256
    /// Default per-agent bucket: burst capacity and refill per second, across all tools.
    public static let rateAgentBurst = 200
    public static let rateAgentPerSecond = 100
    /// Per-named-agent rate-limit overrides from the constitution (each is checked once per new
    /// bucket, never per call).
    public static let rateOverrides = 64

    // MARK: External tools (Catalogue/ToolCatalogue.swift)

    /// Most external (MCP-registered) tools the catalogue holds besides the 15 built-ins.
    public static let maxExternalTools = 256
    /// Longest tool name accepted.
    public static let maxToolNameBytes = 128

    // MARK: ProbeLogits (Layers/ProbeLogitsLayer.swift)

    /// Longest query part of a ProbeLogits prompt in bytes; longer canonical calls are truncated
    /// with a visible marker (the model's context is small).
    public static let probeMaxQueryBytes = 1536
    /// Default deny threshold on the calibrated unsafe probability.
    public static let probeDefaultThreshold = 0.5
}
