// The tool catalogue: the 15 built-in tools plus external tools registered at run time
// (MCP servers, or tools named in an evaluation file), looked up by name.

public enum CatalogueError: Error, Equatable, Sendable, CustomStringConvertible {
    case full
    case badName(String)
    case duplicate(String)
    case badSchema(String)

    public var description: String {
        switch self {
        case .full: return "catalogue full (\(GatewayLimits.maxExternalTools) external tools)"
        case .badName(let n): return "invalid tool name \"\(n)\""
        case .duplicate(let n): return "tool \"\(n)\" already registered"
        case .badSchema(let m): return m
        }
    }
}

public struct ToolCatalogue: Sendable {
    public private(set) var tools: [ToolSpec] = []
    /// Name → index, byte-exact (a canonically equivalent spelling is an unknown tool).
    var index = NameTable<Int>()

    /// Defaults for external tools: the policy may override tier and rate per tool.
    public var externalTier: TrustTier = .aiEnhanced
    public var externalRate = RateLimit(burst: 20, perSecond: 5)

    /// The catalogue with the 15 built-in tools (index = `BuiltinTool.rawValue`).
    public init() {
        for d in BuiltinTools.definitions {
            // The built-in schemas are constants checked by the tests; a failure is a build bug.
            guard let spec = try? ToolSpec(name: d.name, description: d.description, inputSchemaJSON: d.schema,
                                           minimumTier: d.tier, sideEffect: d.effect,
                                           rateLimit: RateLimit(burst: d.burst, perSecond: d.perSecond))
            else { fatalError("built-in schema of \(d.name) does not compile") }
            index[d.name] = tools.count
            tools.append(spec)
        }
    }

    public var count: Int { tools.count }

    public subscript(i: Int) -> ToolSpec { tools[i] }

    /// The index of the tool whose name has exactly the bytes of `name`, or nil if none is registered.
    public func lookup(_ name: String) -> Int? { index[name] }

    /// Registers an external tool with a permissive schema (any object) unless one is given,
    /// the default external tier and rate, and side-effect class `external`.
    @discardableResult
    public mutating func registerExternal(name: String, description: String = "",
                                          inputSchemaJSON: String = #"{"type":"object"}"#) throws(CatalogueError) -> Int {
        guard !name.isEmpty, name.utf8.count <= GatewayLimits.maxToolNameBytes else { throw .badName(name) }
        for b in name.utf8 where !(b == 0x2D || b == 0x2E || b == 0x5F || b == 0x2F || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)) {
            throw .badName(name)
        }
        guard index[name] == nil else { throw .duplicate(name) }
        guard tools.count < BuiltinTool.allCases.count + GatewayLimits.maxExternalTools else { throw .full }
        let spec: ToolSpec
        do {
            spec = try ToolSpec(name: name, description: description, inputSchemaJSON: inputSchemaJSON,
                                minimumTier: externalTier, sideEffect: .external, rateLimit: externalRate,
                                isExternal: true)
        } catch { throw .badSchema(error.description) }
        index[name] = tools.count
        tools.append(spec)
        return tools.count - 1
    }

    /// Changes a tool's minimum tier / rate (the policy's per-tool settings).
    public mutating func configure(_ i: Int, tier: TrustTier? = nil, rate: RateLimit? = nil) {
        if let tier { tools[i].minimumTier = tier }
        if let rate { tools[i].rateLimit = rate }
    }
}
