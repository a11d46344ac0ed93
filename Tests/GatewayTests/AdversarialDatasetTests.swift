// Layer 4 and layer 6 on the two labeled datasets: prints precision/recall of each layer alone
// and asserts only what holds by design (every row loads; the layers are deterministic).
import Foundation
import Testing
@testable import Gateway

/// One labeled row of a benchmark file (`{id, tool, arguments, context{user_intent}, label, category}`).
struct LabeledCall {
    var id: String
    var call: ToolCall
    var unsafe: Bool
    var category: String
}

enum DatasetFiles {
    static let repoRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var bench: String { repoRoot + "/Gateway/Data/warden_mcp_bench.jsonl" }
    static var injecAgent: String { repoRoot + "/../shared/datasets/injecagent_toolcalls.jsonl" }
    static var constitution: String { repoRoot + "/Gateway/Data/constitution.policy" }

    static func load(_ path: String, tier: TrustTier = .aiNative) throws -> [LabeledCall]? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        var rows: [LabeledCall] = []
        for line in text.split(separator: "\n") where !line.isEmpty {
            let v = try JSONParser.parse(String(line))
            let intent = v["context"]?["user_intent"]?.stringValue ?? ""
            let call = ToolCall(tool: v["tool"]?.stringValue ?? "", arguments: v["arguments"] ?? .object([]),
                                agent: AgentIdentity(name: "warden-eval", tier: tier),
                                context: CallContext(userIntent: intent))
            rows.append(LabeledCall(id: v["id"]?.stringValue ?? "", call: call, unsafe: v["label"]?.stringValue == "unsafe",
                                    category: v["category"]?.stringValue ?? ""))
        }
        return rows
    }
}

/// Confusion counts with unsafe as the positive class.
struct Confusion: CustomStringConvertible {
    var tp = 0, fp = 0, tn = 0, fn = 0

    mutating func add(unsafe: Bool, denied: Bool) {
        switch (unsafe, denied) {
        case (true, true): tp += 1
        case (true, false): fn += 1
        case (false, true): fp += 1
        case (false, false): tn += 1
        }
    }

    var precision: Double { tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp) }
    var recall: Double { tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    var description: String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        return "n=\(tp + fp + tn + fn) tp=\(tp) fp=\(fp) tn=\(tn) fn=\(fn) precision=\(f(precision)) recall=\(f(recall)) f1=\(f(f1))"
    }
}

@Suite struct AdversarialDatasetTests {
    @Test func layer4OnBothDatasets() throws {
        var layer = AdversarialLayer()
        for (name, path) in [("warden_mcp_bench", DatasetFiles.bench), ("injecagent", DatasetFiles.injecAgent)] {
            guard let rows = try DatasetFiles.load(path) else {
                print("layer4 \(name): dataset not found at \(path), skipped")
                continue
            }
            #expect(rows.count > 100)
            var c = Confusion()
            for row in rows {
                let outcome = layer.evaluate(row.call)
                var denied = false
                if case let .deny(reason) = outcome {
                    denied = true
                    if ProcessInfo.processInfo.environment["WARDEN_VERBOSE"] != nil {
                        print("  \(row.id) \(row.unsafe ? "unsafe" : "safe  ") DENY \(reason)")
                    }
                } else if ProcessInfo.processInfo.environment["WARDEN_VERBOSE"] != nil {
                    print("  \(row.id) \(row.unsafe ? "unsafe" : "safe  ") pass [\(row.category)]")
                }
                c.add(unsafe: row.unsafe, denied: denied)
                // Deterministic: the same call gets the same answer.
                #expect(layer.evaluate(row.call) == outcome)
            }
            print("layer4 \(name): \(c)")
        }
    }
}
