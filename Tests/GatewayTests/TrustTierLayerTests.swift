// Tests of layer 2: tier ordering against each tool's minimum.
import Testing
@testable import Gateway

@Test func tierLayerComparesAgainstToolMinimum() throws {
    let c = ToolCatalogue()
    let exec = c[BuiltinTool.procExec.rawValue]
    let layer = TrustTierLayer()
    for tier in [TrustTier.system, .aiNative] {
        #expect(layer.evaluate(try call("proc_exec", #"{"command":"ls"}"#, tier: tier), tool: exec) == .pass)
    }
    for tier in [TrustTier.classic, .aiEnhanced] {
        let out = layer.evaluate(try call("proc_exec", #"{"command":"ls"}"#, tier: tier), tool: exec)
        #expect(out == .deny(reason: "tier \(tier.name) below proc_exec minimum ai-native"))
    }
    let list = c[BuiltinTool.fsList.rawValue]
    #expect(layer.evaluate(try call("fs_list", #"{"path":"/"}"#, tier: .classic), tool: list) == .pass)
}

@Test func tierNamesRoundTrip() {
    for t in TrustTier.allCases { #expect(TrustTier(name: t.name) == t) }
    #expect(TrustTier(name: "root") == nil)
    #expect(TrustTier.system > .aiNative && TrustTier.aiNative > .aiEnhanced && TrustTier.aiEnhanced > .classic)
}
