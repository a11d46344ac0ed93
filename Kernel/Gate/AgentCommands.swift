// Console commands for agents: `agents`, `run <agent>`, `kill <agent>`. Agents run to completion, to
// their fuel limit, or until Ctrl-C (checked between fuel slices) in this cooperative kernel.
import Gateway
import AgentHost
import KernelCore

enum AgentCommands {
    static func register() {
        Console.commands.register("agents", "agents from the boot modules: tier, fuel, memory cap, state") { _ in list() }
        Console.commands.register("run", "run <agent>: run an agent to completion (Ctrl-C aborts at the next fuel slice)") { args in run(args) }
        Console.commands.register("kill", "kill <agent>: disable an agent (run refuses it); `kill -u <agent>` re-enables") { args in kill(args) }
        EvalCommands.register()   // `eval`, `bench` (Kernel/Gate/EvalCommands.swift, BenchCommands.swift)
    }

    static func list() {
        if Warden.agents.isEmpty { print("no agents (boot modules <name>.manifest + <module>.wasm)"); return }
        for a in Warden.agents {
            let m = a.manifest
            let state = Warden.killed.contains(m.name) ? "killed" : "ready"
            print("  " + pad(m.name, 20) + pad(m.tier.name, 13) + "fuel \(m.fuel)  mem \(m.memoryPages) pages  \(a.wasm.count) bytes  " + state)
        }
    }

    static func run(_ args: [String]) {
        guard args.count == 1 else { print("usage: run <agent>"); return }
        guard let system = Warden.system else { print("run: the agent system is not started"); return }
        guard let agent = Warden.agents.first(where: { $0.manifest.name == args[0] }) else {
            print("run: no agent '" + args[0] + "' (see `agents`)"); return
        }
        if Warden.killed.contains(agent.manifest.name) {
            print("run: agent '" + agent.manifest.name + "' was killed (`kill -u " + agent.manifest.name + "` re-enables it)"); return
        }
        let firstSeq = system.gate.sink.log.count
        let t0 = Clock.now()
        let report = AgentRunner.run(wasm: agent.wasm, manifest: agent.manifest, system: system,
                                     sliceFuel: GateLimits.agentSliceFuel) { Serial.read() != 0x03 }
        let ns = Clock.now() &- t0
        print(report.agent + ": " + report.outcome.summary + ", \(report.hostCalls) host calls, \(report.denied) denied, \(report.memoryPages) pages, \(Clock.milliseconds(ns)) ms")
        AuditCommands.printRecords(from: firstSeq)
    }

    static func kill(_ args: [String]) {
        if args.count == 2 && args[0] == "-u" {
            Warden.killed.removeAll { $0 == args[1] }
            print("kill: '" + args[1] + "' re-enabled")
            return
        }
        guard args.count == 1 else { print("usage: kill <agent> | kill -u <agent>"); return }
        guard Warden.agents.contains(where: { $0.manifest.name == args[0] }) else {
            print("kill: no agent '" + args[0] + "'"); return
        }
        if !Warden.killed.contains(args[0]) { Warden.killed.append(args[0]) }
        print("kill: '" + args[0] + "' disabled (a running agent is aborted with Ctrl-C on the console)")
    }

    static func pad(_ s: String, _ width: Int) -> String {
        var out = s
        while out.utf8.count < width { out += " " }
        return out + " "
    }
}
