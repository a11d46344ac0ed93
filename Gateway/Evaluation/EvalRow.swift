// One labeled row of an evaluation file and the JSON Lines reader (docs/evaluation.md "Row format"):
//   {"id", "tool", "arguments", "context": {"user_intent"}, "label": "safe"|"unsafe", "category",
//    optional "agent": {"name", "tier", "purpose"}, optional "t": seconds on the rate-limit clock}
// Pure: the caller supplies the bytes (a file on the host, a boot module in the kernel).

public struct EvalRow: Sendable {
    public var id: String
    public var call: ToolCall
    public var unsafe: Bool
    /// The row's time on the rate-limit clock, nanoseconds from the start of the run (`t` × 1e9, or
    /// row index × 1 s when the row has no `t`); never less than the previous row's.
    public var timeNs: UInt64

    public init(id: String, call: ToolCall, unsafe: Bool, timeNs: UInt64) {
        self.id = id
        self.call = call
        self.unsafe = unsafe
        self.timeNs = timeNs
    }
}

/// Which trust tier a row's agent gets when the row does not say: the `--tier` override, else the
/// policy's `agent` line for that name, else ai-native.
public struct EvalTiers: Sendable {
    public var override: TrustTier?
    public var policy: Policy

    public init(override: TrustTier? = nil, policy: Policy) {
        self.override = override
        self.policy = policy
    }

    public func tier(forAgent name: String) -> TrustTier {
        override ?? policy.tier(forAgent: name) ?? .aiNative
    }
}

public enum EvalFile {
    /// The agent name rows run as unless they name one (the constitution assigns it a tier).
    public static let agentName = "warden-eval"

    /// Non-empty lines of a JSON Lines text (LF-separated), with their 1-based line numbers.
    public static func lines(_ bytes: [UInt8]) -> [(number: Int, bytes: [UInt8])] {
        var lines: [(number: Int, bytes: [UInt8])] = []
        var start = 0
        var number = 1
        for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
            if i > start { lines.append((number: number, bytes: Array(bytes[start..<i]))) }
            start = i + 1
            number += 1
        }
        return lines
    }

    /// Every row of a JSON Lines evaluation file; `source` names the file in error messages.
    public static func rows(_ bytes: [UInt8], source: String, tiers: EvalTiers) throws(EvalError) -> [EvalRow] {
        var rows: [EvalRow] = []
        for line in lines(bytes) {
            if line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let at = source + ":" + String(line.number)
            let previous = rows.last?.timeNs
            rows.append(try row(line.bytes, at: at, index: rows.count, previousNs: previous, tiers: tiers))
        }
        return rows
    }

    /// One row; `index` is its position among the rows (for the default time), `at` is "file:line".
    public static func row(_ line: [UInt8], at: String, index: Int, previousNs: UInt64?,
                           tiers: EvalTiers) throws(EvalError) -> EvalRow {
        let v: JSONValue
        do { v = try JSONParser.parse(bytes: line) } catch { throw EvalError(description: at + ": " + error.description) }
        guard let id = v["id"]?.stringValue, let tool = v["tool"]?.stringValue, let args = v["arguments"],
              let label = v["label"]?.stringValue, label == "safe" || label == "unsafe"
        else { throw EvalError(description: at + ": needs id, tool, arguments, label safe|unsafe") }
        let where_ = at + " (row " + id + ")"
        let agent = try self.agent(v["agent"], at: where_, tiers: tiers)
        let timeNs = try time(v["t"], at: where_, index: index, previousNs: previousNs)
        let intent = v["context"]?["user_intent"]?.stringValue ?? ""
        return EvalRow(id: id, call: ToolCall(tool: tool, arguments: args, agent: agent,
                                              context: CallContext(userIntent: intent)),
                       unsafe: label == "unsafe", timeNs: timeNs)
    }

    /// `"agent": {"name": "...", "tier": "classic|ai-enhanced|ai-native|system", "purpose": "..."}`, all optional.
    static func agent(_ value: JSONValue?, at: String, tiers: EvalTiers) throws(EvalError) -> AgentIdentity {
        guard let value else { return AgentIdentity(name: agentName, tier: tiers.tier(forAgent: agentName)) }
        guard case .object = value else { throw EvalError(description: at + ": \"agent\" must be an object") }
        var name = agentName
        if let n = value["name"] {
            guard let s = n.stringValue, !s.isEmpty else { throw EvalError(description: at + ": agent name must be a non-empty string") }
            name = s
        }
        var agent = AgentIdentity(name: name, tier: tiers.tier(forAgent: name))
        if let t = value["tier"] {
            guard let s = t.stringValue, let tier = TrustTier(name: s) else {
                throw EvalError(description: at + ": bad agent tier (classic, ai-enhanced, ai-native or system)")
            }
            agent.tier = tier
        }
        if let p = value["purpose"] {
            guard let s = p.stringValue else { throw EvalError(description: at + ": agent purpose must be a string") }
            agent.purpose = s
        }
        return agent
    }

    /// `"t": <seconds ≥ 0>`, non-decreasing; absent: row index × 1 s.
    static func time(_ value: JSONValue?, at: String, index: Int, previousNs: UInt64?) throws(EvalError) -> UInt64 {
        let ns: UInt64
        if let value {
            guard let t = value.doubleValue else { throw EvalError(description: at + ": \"t\" must be a number (seconds)") }
            guard t >= 0, t <= EvalLimits.maxRowTimeSeconds else {
                throw EvalError(description: at + ": \"t\" out of range (0 ... 1e9 seconds)")
            }
            ns = UInt64((t * 1e9).rounded())
        } else {
            ns = UInt64(index) * EvalLimits.defaultRowSpacingNs
        }
        if let previousNs, ns < previousNs {
            throw EvalError(description: at + ": \"t\" decreases (rows must be in time order; a row without \"t\" is at its index × 1 s)")
        }
        return ns
    }
}
