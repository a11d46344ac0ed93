// Runs one agent: decodes and links its module against the 15 governed imports only, in a fresh
// store with the manifest's memory cap, calls its entry `() -> i32` in fuel slices (the kernel
// may stop it between slices), and reports how it ended. Any failure stays inside the agent.

import WasmRuntime
import Gateway

/// How an agent run ended.
public enum AgentOutcome: Equatable, Sendable {
    /// The entry returned this value.
    case completed(Int32)
    /// The agent trapped (message as in the spec suite, e.g. "out of bounds memory access").
    case trapped(String)
    /// The manifest's fuel ran out; the invocation was aborted.
    case outOfFuel
    /// The embedder stopped it between fuel slices (the console's `kill`).
    case killed
    /// The module does not decode or validate.
    case invalidModule(String)
    /// An import is not one of the 15 tools (or has another signature).
    case linkFailed(String)
    /// The module's initial memory (or another engine limit) exceeds the manifest's caps.
    case limitExceeded(String)
    /// The entry export is missing or has the wrong type.
    case badEntry(String)

    public var summary: String {
        switch self {
        case .completed(let r): return "completed (returned \(r))"
        case .trapped(let m): return "trapped: " + m
        case .outOfFuel: return "out of fuel"
        case .killed: return "killed"
        case .invalidModule(let m): return "invalid module: " + m
        case .linkFailed(let m): return "link failed: " + m
        case .limitExceeded(let m): return "limit exceeded: " + m
        case .badEntry(let m): return "bad entry: " + m
        }
    }
}

public struct AgentRunReport: Equatable, Sendable {
    public var agent: String
    public var outcome: AgentOutcome
    /// Fuel slices started (1 + resumptions).
    public var slices: Int
    /// Linear-memory pages at the end (0 if the module never ran or has no memory).
    public var memoryPages: UInt32
    /// Host calls the agent made, and how many of them the gateway denied.
    public var hostCalls: Int
    public var denied: Int
}

public enum AgentRunner {
    /// The engine limits of an agent's store: the manifest's memory cap and kernel-sized stacks.
    public static func limits(for manifest: AgentManifest) -> Limits {
        var l = Limits()
        l.maxMemoryPages = manifest.memoryPages
        l.valueStackSlots = AgentHostLimits.valueStackSlots
        l.maxCallDepth = AgentHostLimits.maxCallDepth
        l.defaultFuel = manifest.fuel
        return l
    }

    /// Runs `wasm` as `manifest` on `system`. `sliceFuel` instructions run between calls of
    /// `shouldContinue` (return false to kill the agent); the total never exceeds `manifest.fuel`.
    public static func run<Gate: ToolGate, Services: HostServices>(
        wasm: [UInt8], manifest: AgentManifest, system: AgentSystem<Gate, Services>,
        sliceFuel: Int64 = Int64.max, shouldContinue: () -> Bool = { true }
    ) -> AgentRunReport {
        let before = system.stats
        var report = execute(wasm: wasm, manifest: manifest, system: system, sliceFuel: sliceFuel, shouldContinue: shouldContinue)
        report.hostCalls = system.stats.calls - before.calls
        report.denied = system.stats.denied - before.denied
        return report
    }

    static func execute<Gate: ToolGate, Services: HostServices>(
        wasm: [UInt8], manifest: AgentManifest, system: AgentSystem<Gate, Services>,
        sliceFuel: Int64, shouldContinue: () -> Bool
    ) -> AgentRunReport {
        var report = AgentRunReport(agent: manifest.name, outcome: .completed(0), slices: 0, memoryPages: 0, hostCalls: 0, denied: 0)
        let limits = limits(for: manifest)
        let module: Module
        do { module = try Decoder.load(wasm, limits: limits) } catch {
            report.outcome = .invalidModule(error.message)
            return report
        }
        let store = Store(host: AgentHostFunctions(system: system, manifest: manifest), limits: limits)
        HostFunctionTable.defineImports(into: store)
        let instance: Instance
        do { instance = try store.instantiate(module) } catch {
            report.outcome = classify(error)
            return report
        }
        guard case .function(let addr)? = instance.export(manifest.entry) else {
            report.outcome = .badEntry("no exported function \"\(manifest.entry)\"")
            return report
        }
        guard store.functionType(addr) == FuncType([], [.i32]) else {
            report.outcome = .badEntry("\"\(manifest.entry)\" must have type () -> i32")
            return report
        }
        var remaining = manifest.fuel
        let slice = max(1, sliceFuel)
        var results: [Value] = []
        do throws(WasmError) {
            var step = min(slice, remaining)
            remaining -= step
            report.slices = 1
            var done = false
            while !done {
                do throws(WasmError) {
                    results = report.slices == 1 ? try store.invoke(function: addr, [], fuel: step) : try store.resume(fuel: step)
                    done = true
                } catch {
                    guard error == .trap(.outOfFuel) else { throw error }
                    guard remaining > 0 else { throw error }
                    guard shouldContinue() else {
                        store.abortSuspended()
                        report.outcome = .killed
                        report.memoryPages = instance.memory?.pages ?? 0
                        return report
                    }
                    step = min(slice, remaining)
                    remaining -= step
                    report.slices += 1
                }
            }
        } catch {
            if error == .trap(.outOfFuel) { store.abortSuspended() }
            report.outcome = classify(error)
            report.memoryPages = instance.memory?.pages ?? 0
            return report
        }
        report.memoryPages = instance.memory?.pages ?? 0
        if case .i32(let r)? = results.first { report.outcome = .completed(Int32(bitPattern: r)) }
        return report
    }

    static func classify(_ error: WasmError) -> AgentOutcome {
        switch error {
        case .malformed, .invalid: return .invalidModule(error.message)
        case .link(let m): return .linkFailed(m)
        case .limit(let m): return .limitExceeded(m)
        case .trap(.outOfFuel): return .outOfFuel
        case .trap(let t): return .trapped(t.message)
        case .usage(let m): return .badEntry(m)
        }
    }
}
