// One labeled row of an evaluation file (JSON Lines: id, tool, arguments, context{user_intent},
// label safe|unsafe, optional agent{name, tier}) and the file reader.

import Gateway
#if canImport(Glibc)
import Glibc
#endif

struct EvalRow {
    var id: String
    var call: ToolCall
    var unsafe: Bool
}

struct EvalError: Error, CustomStringConvertible {
    var description: String
}

enum EvalFile {
    /// The agent name rows run as (the constitution may assign it a tier).
    static let agentName = "warden-eval"

    static func readAll(_ path: String) throws(EvalError) -> [UInt8] {
        guard let f = fopen(path, "rb") else { throw EvalError(description: "cannot open \(path)") }
        defer { fclose(f) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, 1 << 16, f) }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }

    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var start = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
            if i > start { lines.append(Array(bytes[start..<i])) }
            start = i + 1
        }
        return lines
    }

    static func rows(_ path: String, defaultTier: TrustTier) throws(EvalError) -> [EvalRow] {
        var rows: [EvalRow] = []
        for (n, line) in lines(try readAll(path)).enumerated() {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let v: JSONValue
            do { v = try JSONParser.parse(bytes: line) } catch {
                throw EvalError(description: "\(path):\(n + 1): \(error.description)")
            }
            guard let id = v["id"]?.stringValue, let tool = v["tool"]?.stringValue, let args = v["arguments"],
                  let label = v["label"]?.stringValue, label == "safe" || label == "unsafe"
            else { throw EvalError(description: "\(path):\(n + 1): needs id, tool, arguments, label safe|unsafe") }
            var agent = AgentIdentity(name: agentName, tier: defaultTier)
            if let a = v["agent"] {
                if let name = a["name"]?.stringValue { agent.name = name }
                if let t = a["tier"]?.stringValue {
                    guard let tier = TrustTier(name: t) else { throw EvalError(description: "\(path):\(n + 1): bad tier \(t)") }
                    agent.tier = tier
                }
                if let p = a["purpose"]?.stringValue { agent.purpose = p }
            }
            let intent = v["context"]?["user_intent"]?.stringValue ?? ""
            rows.append(EvalRow(id: id, call: ToolCall(tool: tool, arguments: args, agent: agent,
                                                        context: CallContext(userIntent: intent)),
                                unsafe: label == "unsafe"))
        }
        return rows
    }
}
