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

@Test func tierDenialNamesTheCurrentMinimumForEveryPair() throws {
    // The reasons are written once per tool; a minimum changed by the policy must still be the one named.
    var c = ToolCatalogue()
    let i = BuiltinTool.kvPut.rawValue
    let layer = TrustTierLayer()
    for minimum in TrustTier.allCases {
        c.configure(i, tier: minimum)
        for agent in TrustTier.allCases {
            let out = layer.evaluate(try call("kv_put", #"{"key":"k","value":"v"}"#, tier: agent), tool: c[i])
            #expect(out == (agent >= minimum ? .pass : .deny(reason: "tier \(agent.name) below kv_put minimum \(minimum.name)")))
        }
    }
}
