// An agent's manifest: a tiny `key = value` text file beside its .wasm (docs/agents.md) naming
// the agent, its trust tier, declared purpose, the user's intent, fuel and memory caps, entry.

import Gateway

/// A manifest error with the 1-based line it was found on (0 for whole-file problems).
public struct ManifestError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "manifest line \(line): \(message)" : "manifest: \(message)" }
}

public struct AgentManifest: Equatable, Sendable {
    public var name: String
    public var tier: TrustTier
    /// Declared purpose (the gateway's `AgentIdentity.purpose`).
    public var purpose: String
    /// The user's stated intent for this run (the gateway's `CallContext.userIntent`); may be empty.
    public var intent: String
    /// Fuel for one run, in IR instructions.
    public var fuel: Int64
    /// Linear-memory cap in 64 KiB pages (memory.grow beyond it returns -1).
    public var memoryPages: UInt32
    /// Exported function `() -> i32` the runner calls.
    public var entry: String
    /// Base name of the module file (`<module>.wasm`); defaults to the agent's name.
    public var module: String

    public init(name: String, tier: TrustTier, purpose: String = "", intent: String = "",
                fuel: Int64 = AgentHostLimits.defaultFuel, memoryPages: UInt32 = AgentHostLimits.defaultMemoryPages,
                entry: String = "run", module: String? = nil) {
        self.name = name
        self.tier = tier
        self.purpose = purpose
        self.intent = intent
        self.fuel = fuel
        self.memoryPages = memoryPages
        self.entry = entry
        self.module = module ?? name
    }

    /// The gateway identity of this agent.
    public var identity: AgentIdentity { AgentIdentity(name: name, tier: tier, purpose: purpose) }

    /// Parses a manifest. Keys: name, tier (required); purpose, intent, fuel, memory_pages, entry, module.
    /// Blank lines and lines starting with `#` are ignored; unknown or repeated keys are errors.
    public static func parse(_ text: String) throws(ManifestError) -> AgentManifest {
        guard text.utf8.count <= AgentHostLimits.maxManifestBytes else {
            throw ManifestError(line: 0, "larger than \(AgentHostLimits.maxManifestBytes) bytes")
        }
        var name: String? = nil, tier: TrustTier? = nil, module: String? = nil
        var m = AgentManifest(name: "", tier: .classic)
        var seen: [String] = []
        var lineNo = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            let line = trim(Substring(raw))
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let eq = line.firstIndex(of: "=") else { throw ManifestError(line: lineNo, "expected `key = value`") }
            let key = trim(line[line.startIndex..<eq]), value = trim(line[line.index(after: eq)...])
            guard !seen.contains(key) else { throw ManifestError(line: lineNo, "duplicate key \"\(key)\"") }
            seen.append(key)
            switch key {
            case "name":
                guard isValidName(value) else {
                    throw ManifestError(line: lineNo, "name must be 1…\(AgentHostLimits.maxAgentNameBytes) of [A-Za-z0-9_.-]")
                }
                name = value
            case "tier":
                guard let t = TrustTier(name: value) else {
                    throw ManifestError(line: lineNo, "unknown tier \"\(value)\" (classic, ai-enhanced, ai-native, system)")
                }
                tier = t
            case "purpose", "intent":
                guard value.utf8.count <= AgentHostLimits.maxPurposeBytes else {
                    throw ManifestError(line: lineNo, "\(key) longer than \(AgentHostLimits.maxPurposeBytes) bytes")
                }
                if key == "purpose" { m.purpose = value } else { m.intent = value }
            case "fuel":
                guard let f = Int64(value), f > 0, f <= AgentHostLimits.maxFuel else {
                    throw ManifestError(line: lineNo, "fuel must be an integer in 1…\(AgentHostLimits.maxFuel)")
                }
                m.fuel = f
            case "memory_pages":
                guard let p = UInt32(value), p > 0, p <= AgentHostLimits.maxMemoryPages else {
                    throw ManifestError(line: lineNo, "memory_pages must be an integer in 1…\(AgentHostLimits.maxMemoryPages)")
                }
                m.memoryPages = p
            case "module":
                guard isValidName(value) else { throw ManifestError(line: lineNo, "module must be a file base name of [A-Za-z0-9_.-]") }
                module = value
            case "entry":
                guard !value.isEmpty else { throw ManifestError(line: lineNo, "entry must not be empty") }
                m.entry = value
            default:
                throw ManifestError(line: lineNo, "unknown key \"\(key)\"")
            }
        }
        guard let name else { throw ManifestError(line: 0, "missing required key \"name\"") }
        guard let tier else { throw ManifestError(line: 0, "missing required key \"tier\"") }
        m.name = name
        m.tier = tier
        m.module = module ?? name
        return m
    }

    static func isValidName(_ s: String) -> Bool {
        guard !s.isEmpty, s.utf8.count <= AgentHostLimits.maxAgentNameBytes else { return false }
        for b in s.utf8 where !(b == 0x2D || b == 0x2E || b == 0x5F || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)) {
            return false
        }
        return true
    }

    static func trim(_ s: Substring) -> String {
        var a = s.startIndex, b = s.endIndex
        while a < b, s[a] == " " || s[a] == "\t" || s[a] == "\r" { a = s.index(after: a) }
        while b > a, s[s.index(before: b)] == " " || s[s.index(before: b)] == "\t" || s[s.index(before: b)] == "\r" { b = s.index(before: b) }
        return String(s[a..<b])
    }
}
