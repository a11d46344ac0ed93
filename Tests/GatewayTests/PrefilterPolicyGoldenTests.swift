// Layers 4 and 6 must keep their verdicts (and reasons) across performance work: every row of both
// datasets at two tiers is evaluated and compared with a golden file recorded before the rewrite.
// Regenerate only on an intended behaviour change: WARDEN_WRITE_GOLDEN=1 swift test --filter Golden
import Foundation
import Testing
@testable import Gateway

@Suite struct PrefilterPolicyGoldenTests {
    static func outcomeText(_ o: LayerOutcome) -> String {
        switch o {
        case .pass: return "pass"
        case let .deny(reason): return "deny " + reason
        }
    }

    /// One line per (dataset, tier, row): `file<TAB>tier<TAB>id<TAB>layer4<TAB>layer6`.
    static func lines(_ name: String, _ path: String) throws -> [String]? {
        guard let text = try? String(contentsOfFile: DatasetFiles.constitution, encoding: .utf8) else { return nil }
        let policy = PolicyLayer(policy: try Policy.parse(text))
        var adversarial = AdversarialLayer()
        var out: [String] = []
        for tier in [TrustTier.aiEnhanced, .aiNative] {
            guard let rows = try DatasetFiles.load(path, tier: tier) else { return nil }
            for row in rows {
                out.append([name, tier.name, row.id, outcomeText(adversarial.evaluate(row.call)),
                            outcomeText(policy.evaluate(row.call))].joined(separator: "\t"))
            }
        }
        return out
    }

    @Test(arguments: [("warden_mcp_bench", DatasetFiles.bench), ("injecagent", DatasetFiles.injecAgent)])
    func verdictsMatchGolden(_ name: String, _ path: String) throws {
        guard let got = try Self.lines(name, path) else {
            print("golden \(name): dataset not found at \(path), skipped")
            return
        }
        let golden = DatasetFiles.repoRoot + "/Tests/GatewayTests/Golden/\(name).layers46.tsv"
        if ProcessInfo.processInfo.environment["WARDEN_WRITE_GOLDEN"] != nil {
            try (got.joined(separator: "\n") + "\n").write(toFile: golden, atomically: true, encoding: .utf8)
            print("golden \(name): wrote \(got.count) lines to \(golden)")
            return
        }
        let text = try String(contentsOfFile: golden, encoding: .utf8)
        let want = text.split(separator: "\n").map(String.init)
        #expect(got.count == want.count)
        var mismatches = 0
        for (g, w) in zip(got, want) where g != w {
            mismatches += 1
            if mismatches <= 5 { print("golden \(name) mismatch:\n  got  \(g)\n  want \(w)") }
        }
        #expect(mismatches == 0, "\(mismatches) rows differ from \(golden)")
    }
}
