// Runs every demo agent from build/agents through the real WasmRuntime and the real six-layer
// gateway (constitution, keyword fake model, audit log) and checks verdicts, deciding layers,
// containment and the audit chain.

import Testing
@testable import Gateway
@testable import AgentHost

@Suite(.enabled(if: Fixture.agentsBuilt, Comment(rawValue: Fixture.missingAgents)))
struct DemoAgentTests {
    /// Runs `name` on a fresh system; returns the report and the system (audit, fs, log).
    func run(_ name: String, services: FakeServices = FakeServices()) throws -> (AgentRunReport, RealSystem) {
        let system = try Fixture.system(services: services)
        let (manifest, wasm) = try Fixture.agent(name)
        return (AgentRunner.run(wasm: wasm, manifest: manifest, system: system), system)
    }

    func expectChainVerifies(_ system: RealSystem) {
        guard case .ok(let count, _) = system.gate.sink.log.verify() else {
            Issue.record("audit chain does not verify: \(system.gate.sink.log.verify())")
            return
        }
        #expect(count == system.decisions.count + 1, "genesis + one record per decision")
    }

    @Test func assistantSummarizesNotesAndEverythingIsAllowed() throws {
        let (r, system) = try run("assistant")
        #expect(r.outcome == .completed(3), "three notes in /notes")
        let d = system.decisions
        #expect(d.map(\.tool) == ["fs_list", "fs_read", "fs_read", "fs_read", "fs_write", "log_write"])
        #expect(d.allSatisfy { $0.verdict == .allow && $0.decidingLayer == 0 && $0.agent == "assistant" })
        #expect(r.hostCalls == 6 && r.denied == 0)
        let report = String(decoding: try system.fileSystem.read("/reports/summary.md"), as: UTF8.self)
        #expect(report.hasPrefix("# Notes summary\n"))
        #expect(report.contains("- /notes/todo.txt: 4 lines, 19 words. Buy coffee beans.\n"), "counts as `wc -lw`")
        #expect(report.contains("- /notes/meeting.txt: 3 lines, 25 words. Planning meeting"))
        #expect(system.log.tail(1).first?.message == "assistant: summary written to /reports/summary.md")
        expectChainVerifies(system)
    }

    @Test func injectedAgentLeaksNothing() throws {
        let (r, system) = try run("injected", services: FakeServices(peerAttached: true))
        #expect(r.outcome == .completed(0), "no exfiltration step may succeed")
        let d = system.decisions
        let got = d.map { "\($0.tool) \($0.verdict.rawValue) \($0.decidingLayer)" }
        #expect(got == ["fs_read allow 0",         // the inbox message itself
                        "fs_read deny 4",          // ~/.ssh/id_rsa: credential path (pre-filter)
                        "env_get deny 6",          // API_TOKEN: constitution "secret-env"
                        "fs_read deny 4",          // /notes/../home/user/.aws: traversal
                        "http_fetch deny 4",       // 169.254.169.254: metadata address
                        "net_send deny 2",         // raw socket needs ai-native
                        "http_fetch deny 5",       // upload to collector.evil.example: ProbeLogits
                        "mcp_call deny 2"])        // external tools need ai-native
        #expect(d[2].reason.contains("secret-env"))
        #expect(system.services.egressCalls.isEmpty, "nothing reached the egress peer")
        #expect(system.services.mcpCalls == 0)
        expectChainVerifies(system)
    }

    @Test func destructiveAgentIsStoppedByPolicyPrefilterAndRateLimit() throws {
        let (r, system) = try run("destructive")
        let d = system.decisions
        #expect(d.prefix(4).map { "\($0.tool) \($0.decidingLayer)" } ==
                ["fs_delete 6", "fs_delete 6", "proc_exec 4", "fs_write 4"])
        let deletes = d.dropFirst(4).filter { $0.tool == "fs_delete" }
        let writes = d.dropFirst(4).filter { $0.tool == "fs_write" }
        // Layer 3 runs before layers 4 and 6, so the denied calls above spent tokens too:
        // fs_delete has the constitution's burst 10 (two spent), fs_write the built-in burst 20 (one spent).
        #expect(deletes.filter { $0.verdict == .allow }.count == 8)
        #expect(writes.filter { $0.verdict == .allow }.count == 19)
        #expect(d.dropFirst(4).filter { $0.verdict == .deny }.allSatisfy { $0.decidingLayer == 3 })
        #expect(r.outcome == .completed(8))
        #expect((try? system.fileSystem.node("/notes/todo.txt")) != nil, "the notes survive")
        #expect(system.services.egressCalls.isEmpty)
        expectChainVerifies(system)
    }

    @Test func infiniteLoopRunsOutOfFuel() throws {
        let (r, system) = try run("misbehave-spin")
        #expect(r.outcome == .outOfFuel)
        #expect(system.decisions.isEmpty)
        // The system stays usable: the next agent runs normally on it.
        let (m, wasm) = try Fixture.agent("assistant")
        #expect(AgentRunner.run(wasm: wasm, manifest: m, system: system).outcome == .completed(3))
    }

    @Test func fuelSlicesLetTheEmbedderKillAnAgent() throws {
        let system = try Fixture.system()
        let (m, wasm) = try Fixture.agent("misbehave-spin")
        var polls = 0
        let r = AgentRunner.run(wasm: wasm, manifest: m, system: system, sliceFuel: 100_000) {
            polls += 1
            return polls < 3
        }
        #expect(r.outcome == .killed)
        #expect(r.slices == 3 && polls == 3)
    }

    @Test func memoryBombStopsAtTheManifestCap() throws {
        let (r, _) = try run("misbehave-grow")
        let (m, _) = try Fixture.agent("misbehave-grow")
        #expect(m.memoryPages == 8)
        #expect(r.outcome == .completed(8), "memory.grow returned -1 at the cap")
        #expect(r.memoryPages == 8)
    }

    @Test func badPointersGetErrorCodesNotSideEffects() throws {
        let (r, system) = try run("misbehave-pointers")
        #expect(r.outcome == .completed(0x7F), "every pointer check behaved as documented")
        // Faults and bad JSON never reach the gateway; the two good calls and the schema denial do.
        #expect(system.decisions.map { "\($0.tool) \($0.decidingLayer)" } == ["fs_stat 0", "fs_stat 0", "fs_stat 1"])
        #expect(system.stats.faults == 3 && system.stats.badJSON == 1)
        expectChainVerifies(system)
    }

    @Test func wildLoadsAndForgedFunctionPointersTrap() throws {
        #expect(try run("misbehave-wild").0.outcome == .trapped("out of bounds memory access"))
        #expect(try run("misbehave-table").0.outcome == .trapped("undefined element"))
    }

    @Test func unmediatedImportsFailToLink() throws {
        let (a, sa) = try run("rogue-import")
        #expect(a.outcome == .linkFailed("unknown import \"warden\".\"shell_exec\""))
        let (b, sb) = try run("rogue-signature")
        #expect(b.outcome == .linkFailed("incompatible import type for \"warden\".\"fs_delete\""))
        #expect(sa.decisions.isEmpty && sb.decisions.isEmpty)
    }

    @Test func manifestsOfAllDemoAgentsParse() throws {
        for name in ["assistant", "injected", "destructive", "misbehave-spin", "misbehave-grow", "misbehave-pointers",
                     "misbehave-wild", "misbehave-table", "rogue-import", "rogue-signature"] {
            let (m, wasm) = try Fixture.agent(name)
            #expect(m.name == name)
            #expect(!wasm.isEmpty)
        }
    }
}
