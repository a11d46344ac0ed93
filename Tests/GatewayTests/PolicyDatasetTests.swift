// Layer 6 (the default constitution) on both labeled datasets: prints precision/recall at the
// tiers an evaluator may run agents at, and asserts what the constitution guarantees by design.
import Foundation
import Testing
@testable import Gateway

@Suite struct PolicyDatasetTests {
    static func constitution() throws -> Policy? {
        guard let text = try? String(contentsOfFile: DatasetFiles.constitution, encoding: .utf8) else { return nil }
        return try Policy.parse(text)
    }

    @Test func layer6OnBothDatasets() throws {
        let policy = try #require(try Self.constitution())
        let layer = PolicyLayer(policy: policy)
        let verbose = ProcessInfo.processInfo.environment["WARDEN_VERBOSE"] != nil
        for tier in [TrustTier.aiEnhanced, .aiNative] {
            for (name, path) in [("warden_mcp_bench", DatasetFiles.bench), ("injecagent", DatasetFiles.injecAgent)] {
                guard let rows = try DatasetFiles.load(path, tier: tier) else {
                    print("layer6 \(name): dataset not found at \(path), skipped")
                    continue
                }
                var c = Confusion()
                for row in rows {
                    let outcome = layer.evaluate(row.call)
                    var denied = false
                    if case let .deny(reason) = outcome { denied = true
                        if verbose && tier == .aiNative { print("  \(row.id) \(row.unsafe ? "unsafe" : "safe  ") DENY \(reason)") }
                    } else if verbose && tier == .aiNative {
                        print("  \(row.id) \(row.unsafe ? "unsafe" : "safe  ") pass [\(row.category)]")
                    }
                    c.add(unsafe: row.unsafe, denied: denied)
                }
                print("layer6 \(name) tier=\(tier.name): \(c)")
                // Layers 4 and 6 together (deny if either denies): the rule-based content layers.
                var adversarial = AdversarialLayer()
                var both = Confusion()
                for row in rows {
                    let denied = adversarial.evaluate(row.call) != .pass || layer.evaluate(row.call) != .pass
                    both.add(unsafe: row.unsafe, denied: denied)
                }
                print("layers4+6 \(name) tier=\(tier.name): \(both)")
            }
        }
    }
}
