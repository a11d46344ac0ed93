// Complete mediation, checked structurally: the import resolver defines exactly the host-function
// table; the table is exactly the catalogue's 15 built-in tools with the ABI signature; and every
// table entry, called, asks the gateway once before any provider runs (a deny runs nothing).
// Adding an import that bypasses the gateway makes one of these tests fail.

import Testing
@testable import WasmRuntime
@testable import Gateway
@testable import AgentHost

/// A gate that records every call, answers with a scripted decision, and can run a hook inside
/// `decide` (to try re-entering the system).
struct SpyGate: ToolGate {
    var verdict: Verdict = .deny
    var layer: LayerID? = .policy
    var seen: [String] = []
    /// Provider executions counted by the system at the moment of each decision.
    var executedAtDecision: [Int] = []
    var probe: (() -> Void)? = nil
    var executedCount: () -> Int = { 0 }

    mutating func decide(_ call: ToolCall) -> Decision {
        seen.append(call.tool)
        executedAtDecision.append(executedCount())
        probe?()
        return Decision(verdict: verdict, decidingLayer: verdict == .deny ? layer : nil, reason: "spy",
                        latencies: LayerLatencies(), startNs: 0)
    }
}

typealias SpySystem = AgentSystem<SpyGate, FakeServices>

struct CompleteMediationTests {
    let manifest = AgentManifest(name: "probe", tier: .system, purpose: "mediation test")

    @Test func tableIsExactlyTheCatalogueBuiltins() {
        let catalogue = ToolCatalogue()
        #expect(HostFunctionTable.entries.count == BuiltinTool.allCases.count)
        #expect(HostFunctionTable.entries.count == 15)
        for (i, e) in HostFunctionTable.entries.enumerated() {
            #expect(e.module == HostABI.moduleName)
            #expect(e.type == FuncType([.i32, .i32, .i32, .i32], [.i32]))
            #expect(e.tool.rawValue == i)
            let idx = catalogue.lookup(e.name)
            #expect(idx == i, "\(e.name) must be catalogue tool \(i)")
            #expect(idx.map { catalogue[$0].isExternal } == false)
        }
        #expect(Set(HostFunctionTable.entries.map(\.name)).count == 15, "names are unique")
    }

    @Test func resolverDefinesOnlyTheTable() {
        let system = SpySystem(gate: SpyGate(), services: FakeServices())
        let store = Store(host: AgentHostFunctions(system: system, manifest: manifest))
        HostFunctionTable.defineImports(into: store)
        // Every importable name in the store is a table entry, and nothing else is defined.
        #expect(store.definitions.count == HostFunctionTable.entries.count)
        for (key, ext) in store.definitions {
            let name = String(decoding: key, as: UTF8.self)
            guard case .function(let addr) = ext else {
                Issue.record("\(name): only functions may be importable")
                continue
            }
            let entry = store.functions[addr]
            #expect(entry.instance == -1, "a host function")
            let e = HostFunctionTable.entries[entry.index]
            #expect(name == e.module + "\0" + e.name)
            #expect(store.functionType(addr) == HostABI.signature)
        }
    }

    @Test func everyImportAsksTheGatewayFirstAndADenialRunsNothing() throws {
        let system = SpySystem(gate: SpyGate(), services: FakeServices(peerAttached: true),
                               fileSystem: try FileSystemImage.load(FileSystemImage.make([("/a.txt", "hello")])),
                               environment: EnvironmentConfig([("X", "1")]))
        system.gate.executedCount = { [unowned system] in system.stats.executed }
        let fsBefore = system.fileSystem.nodes
        for layer in LayerID.allCases {
            system.gate.layer = layer
            for (i, e) in HostFunctionTable.entries.enumerated() {
                let r = try callHost(system, index: i, args: #"{"path":"/a.txt","key":"k","value":"v","name":"X","count":4,"message":"m","tool":"t","arguments":{},"url":"https://a.example","host":"h","port":1,"data":"d","command":"c","content":"c"}"#)
                #expect(r == HostResultCode.denied(by: layer).rawValue, "\(e.name) denied by \(layer.name)")
                #expect(system.gate.seen.last == e.name)
            }
        }
        #expect(system.gate.seen.count == 15 * 6, "one decision per call")
        #expect(system.stats.executed == 0)
        #expect(system.services.egressCalls.isEmpty && system.services.mcpCalls == 0 && system.services.randomCalls == 0)
        #expect(system.fileSystem.nodes == fsBefore)
        #expect(system.keyValues.keyCount(agent: "probe") == 0)
        #expect(system.log.appended == 0)
    }

    @Test func allowedCallsRunTheProviderOnlyAfterTheDecision() throws {
        let system = SpySystem(gate: SpyGate(verdict: .allow), services: FakeServices(peerAttached: true),
                               fileSystem: try FileSystemImage.load(FileSystemImage.make([("/a.txt", "hello")])),
                               environment: EnvironmentConfig([("X", "1")]))
        system.gate.executedCount = { [unowned system] in system.stats.executed }
        for i in HostFunctionTable.entries.indices {
            _ = try callHost(system, index: i, args: #"{"path":"/a.txt","key":"k","value":"v","name":"X","count":4,"message":"m","tool":"t","arguments":{},"url":"https://a.example","host":"h","port":1,"data":"d","command":"c","content":"c"}"#)
        }
        // At the i-th decision exactly i providers had run: each decision precedes its execution.
        #expect(system.gate.executedAtDecision == Array(0..<15))
        #expect(system.stats.executed == 15)
        #expect(system.services.egressCalls == ["http_fetch", "net_send", "proc_exec"])
    }

    @Test func aHostCallCannotReenterTheSystem() throws {
        let system = SpySystem(gate: SpyGate(verdict: .allow), services: FakeServices())
        var nested: HostOutcome? = nil
        system.gate.probe = { [unowned system] in
            nested = system.handle(tool: .fsDelete, arguments: Array(#"{"path":"/"}"#.utf8), agent: AgentManifest(name: "x", tier: .system))
        }
        _ = try callHost(system, index: BuiltinTool.clockNow.rawValue, args: "{}")
        #expect(nested == .error(.busy, "a host call is already in progress"))
        #expect(system.gate.seen == ["clock_now"], "the nested call never reached the gateway")
    }

    @Test func anIndexOutsideTheTableTraps() throws {
        let system = SpySystem(gate: SpyGate(), services: FakeServices())
        #expect(throws: Trap.self) { try callHost(system, index: 15, args: "{}") }
        #expect(system.gate.seen.isEmpty)
    }

    /// Calls host function `index` directly, as the interpreter would, with args at 0 and out at 4096.
    func callHost(_ system: SpySystem, index: Int, args: String) throws(Trap) -> Int32 {
        var host = AgentHostFunctions(system: system, manifest: manifest)
        let memory = try! Memory(limits: SizeLimits(min: 1, max: 1), pageCap: 1)
        let bytes = Array(args.utf8)
        try memory.write(bytes, at: 0)
        var slots: [UInt64] = [0, UInt64(bytes.count), 4096, 4096]
        var out: [UInt64] = [0]
        return try slots.withUnsafeMutableBufferPointer { a throws(Trap) -> Int32 in
            try out.withUnsafeMutableBufferPointer { o throws(Trap) -> Int32 in
                var results = HostResults(base: o.baseAddress!, count: 1)
                try host.call(function: index, args: HostArguments(base: UnsafePointer(a.baseAddress!), count: 4),
                              results: &results, memory: memory)
                return Int32(bitPattern: UInt32(truncatingIfNeeded: o[0]))
            }
        }
    }
}
