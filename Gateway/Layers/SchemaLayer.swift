// Layer 1: the call names a catalogued tool and its arguments conform to that tool's input schema.

public struct SchemaLayer: Sendable {
    public init() {}

    /// `tool` is the catalogue entry of `call.tool`, or nil when the tool is not registered.
    public func evaluate(_ call: ToolCall, tool: ToolSpec?) -> LayerOutcome {
        guard let tool else { return .deny(reason: "unknown tool \"\(Self.clip(call.tool))\"") }
        return evaluate(call, tool: tool)
    }

    /// `evaluate` for a registered tool (the pipeline's path: no optional to unwrap and copy).
    public func evaluate(_ call: ToolCall, tool: ToolSpec) -> LayerOutcome {
        guard case .object = call.arguments else { return .deny(reason: "arguments must be a JSON object") }
        if let why = tool.definition.schema.violation(of: call.arguments) {  // borrowed, not copied
            return .deny(reason: "arguments of \(tool.name) invalid: \(why)")
        }
        return .pass
    }

    /// At most 64 bytes of an untrusted name for a reason string (cut at a scalar boundary).
    static func clip(_ s: String) -> String {
        if s.utf8.count <= 64 { return s }
        var out = ""
        for c in s.unicodeScalars {
            if out.utf8.count + String(c).utf8.count > 64 { break }
            out.unicodeScalars.append(c)
        }
        return out + "…"
    }
}
