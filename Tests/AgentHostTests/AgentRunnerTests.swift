// AgentRunner outcomes that need no demo agent: invalid modules, a memory minimum above the
// manifest cap, and a missing or mistyped entry — each reported, none reaching the gateway.

import Testing
@testable import AgentHost

struct AgentRunnerTests {
    let header: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]

    func run(_ wasm: [UInt8], pages: UInt32 = 4, entry: String = "run") -> (AgentRunReport, SpySystem) {
        let system = SpySystem(gate: SpyGate(verdict: .allow), services: FakeServices())
        let m = AgentManifest(name: "t", tier: .classic, fuel: 1000, memoryPages: pages, entry: entry)
        return (AgentRunner.run(wasm: wasm, manifest: m, system: system), system)
    }

    @Test func rejectsGarbage() {
        guard case .invalidModule = run([1, 2, 3]).0.outcome else {
            Issue.record("garbage must be an invalid module")
            return
        }
    }

    @Test func memoryMinimumAboveTheCapFailsToInstantiate() {
        // (memory 10): memory section, one memory, no maximum, min 10 pages.
        let (r, system) = run(header + [0x05, 0x03, 0x01, 0x00, 0x0A], pages: 4)
        #expect(r.outcome == .limitExceeded("memory of 10 pages exceeds the cap of 4"))
        #expect(system.gate.seen.isEmpty)
        #expect(run(header + [0x05, 0x03, 0x01, 0x00, 0x04], pages: 4).0.outcome == .badEntry("no exported function \"run\""))
    }

    @Test func entryMustBeANullaryI32Function() {
        // (func (export "run") (param i32) (result i32) local.get 0)
        let module = header + [0x01, 0x06, 0x01, 0x60, 0x01, 0x7F, 0x01, 0x7F,   // type (i32) -> i32
                               0x03, 0x02, 0x01, 0x00,                           // one function of type 0
                               0x07, 0x07, 0x01, 0x03, 0x72, 0x75, 0x6E, 0x00, 0x00,  // export "run"
                               0x0A, 0x06, 0x01, 0x04, 0x00, 0x20, 0x00, 0x0B]   // body
        #expect(run(module).0.outcome == .badEntry("\"run\" must have type () -> i32"))
    }
}
