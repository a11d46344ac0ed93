// The agents' environment: key/value configuration from the boot config, read by `env_get`.
// Parsed from `NAME=value` lines (`#` comments); names follow the env_get schema.

public struct EnvironmentConfig: Equatable, Sendable {
    public private(set) var values: [String: String] = [:]

    public init() {}

    public init(_ pairs: [(String, String)]) {
        for (k, v) in pairs { values[k] = v }
    }

    public subscript(name: String) -> String? { values[name] }

    /// Parses `NAME=value` lines; errors name the 1-based line.
    public static func parse(_ text: String) throws(ManifestError) -> EnvironmentConfig {
        var env = EnvironmentConfig()
        var n = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            n += 1
            let line = AgentManifest.trim(Substring(raw))
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let eq = line.firstIndex(of: "="), eq != line.startIndex else { throw ManifestError(line: n, "expected NAME=value") }
            guard env.values.count < AgentHostLimits.envMaxEntries else {
                throw ManifestError(line: n, "more than \(AgentHostLimits.envMaxEntries) entries")
            }
            env.values[String(line[line.startIndex..<eq])] = String(line[line.index(after: eq)...])
        }
        return env
    }
}
