// What layer 4 looks for, and what it reports when it finds something.

public enum ThreatCategory: Int, Sendable, CaseIterable {
    case promptInjection
    case authorityImpersonation
    case instructionHierarchy
    case pathTraversal
    case credentialPath
    case shellChain
    case privateAddress
    case exfiltration

    public var name: String {
        switch self {
        case .promptInjection: return "prompt-injection"
        case .authorityImpersonation: return "authority-impersonation"
        case .instructionHierarchy: return "instruction-hierarchy"
        case .pathTraversal: return "path-traversal"
        case .credentialPath: return "credential-path"
        case .shellChain: return "shell-chain"
        case .privateAddress: return "private-address"
        case .exfiltration: return "exfiltration"
        }
    }

    /// Categories that make sense in free prose and are therefore also looked for in the context
    /// (user intent, agent purpose). Paths, shell syntax and addresses are only judged in arguments:
    /// a user asking "why does ../ fail?" is not an attack.
    public var appliesToContext: Bool {
        switch self {
        case .promptInjection, .authorityImpersonation, .instructionHierarchy: return true
        default: return false
        }
    }
}

/// Which normalized view of a string produced a finding.
public enum PrefilterView: Int, Sendable {
    case plain
    case rot13
    case percentDecoded
    case htmlDecoded
    case base64Decoded
    case hexDecoded

    public var name: String {
        switch self {
        case .plain: return "plain"
        case .rot13: return "rot13"
        case .percentDecoded: return "percent-decoded"
        case .htmlDecoded: return "html-decoded"
        case .base64Decoded: return "base64-decoded"
        case .hexDecoded: return "hex-decoded"
        }
    }
}

/// One match: the category, a stable pattern id for the audit reason, where it was found.
public struct PrefilterFinding: Equatable, Sendable {
    public var category: ThreatCategory
    /// Stable identifier (`PI-003`, `CR-010`, `AD-URL`, …); see ThreatPatterns.swift.
    public var patternID: String
    /// The argument path (`args.path`, `args.items[2]`) or `context.user_intent` / `agent.purpose`.
    public var location: String
    /// The outermost decoding that revealed it (`plain` if none was needed).
    public var view: PrefilterView
    /// Short human-readable detail (the pattern text or the address class).
    public var detail: String

    /// The audit reason: `layer4 <category> <id> in <location> (<view>): <detail>`.
    public var reason: String {
        var r = "\(category.name) \(patternID) in \(location)"
        if view != .plain { r += " (\(view.name))" }
        r += ": \(detail)"
        return r
    }
}

/// The pre-filter's answer for one call.
public enum PrefilterResult: Equatable, Sendable {
    case clean
    case threat(PrefilterFinding)
    /// The call exceeded a scan limit; the layer denies it (fail closed).
    case overLimit(String)
}
