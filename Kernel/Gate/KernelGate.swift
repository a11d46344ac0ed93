// The in-kernel gateway and agent system: the boot-module policy (a parse error or no policy fails
// closed: deny-all), the TSC clock, the audit log whose genesis binds kernel build, policy and model.
import Blake3
import Gateway
import AgentHost
import KernelCore

/// The gateway's monotonic clock: the calibrated TSC, nanoseconds since kmain.
struct TSCClock: MonotonicClock {
    mutating func nanoseconds() -> UInt64 { Clock.now() }
}

typealias KernelPipeline = GatewayPipeline<TSCClock, KernelSafetyModel, AdversarialLayer, PolicyLayer, AuditLogSink>
typealias KernelSystem = AgentSystem<KernelPipeline, KernelServices>

enum Warden {
    /// The agent system (gateway + providers); nil until `start()` ran.
    nonisolated(unsafe) static var system: KernelSystem? = nil
    /// Agents from the boot modules (`<name>.manifest` + `<module>.wasm`).
    nonisolated(unsafe) static var agents: [AgentCatalogue.Agent] = []
    /// Agents disabled by `kill` (refused by `run`).
    nonisolated(unsafe) static var killed: [String] = []
    /// The policy text in force ("default deny" when none or invalid) and where it came from.
    nonisolated(unsafe) static var policyText = ""
    nonisolated(unsafe) static var policySource = ""
    nonisolated(unsafe) static var policy = Policy()
    nonisolated(unsafe) static var binding = AuditBinding(kernelBuild: .zero, policy: .zero, model: .zero)

    static let denyAll = "default deny\n"

    /// Builds the gateway and the agent system from the boot modules; prints what it used.
    static func start() {
        let t0 = Clock.now()
        loadPolicy()
        let model = KernelSafetyModel()   // Kernel/Model: fails closed (.absent) when no model loaded
        binding = AuditBinding(kernelBuild: kernelBuildID(), policy: Blake3.hash(policyText),
                               model: Blake3.hash(model.identity))
        let log = AuditLog(binding: binding, monotonicNs: Clock.now(), wallNs: RTC.wallNanoseconds())
        var gate = KernelPipeline(config: .full, clock: TSCClock(), model: model, adversarial: AdversarialLayer(),
                                  policy: PolicyLayer(policy: policy), sink: AuditLogSink(log: log, wallOffsetNs: RTC.unixNsAtBoot()))
        for note in gate.configure(from: policy) { print("warden: policy: note: " + note) }
        let fs = loadFileSystem()
        let env = loadEnvironment()
        system = KernelSystem(gate: gate, services: KernelServices(), fileSystem: fs, environment: env)
        loadAgents()
        print("warden: gateway ready: policy " + policySource + ", model " + model.identity + (ModelService.probe == nil ? " (ProbeLogits fails closed)" : "") + ", \(agents.count) agent(s)")
        let ms = Clock.milliseconds(Clock.now() &- t0)
        print("warden: audit genesis binds " + describe(binding) + " (" + ms + " ms)")
    }

    /// "kernel <16 hex> policy <16 hex> model <16 hex>".
    static func describe(_ b: AuditBinding) -> String {
        var s = "kernel " + short(b.kernelBuild)
        s += " policy " + short(b.policy)
        s += " model " + short(b.model)
        return s
    }

    static func short(_ d: Blake3Digest) -> String { String(d.hex.prefix(16)) }

    static func module(_ name: String) -> LoadedModule? {
        for m in BootState.modules where m.name == name { return m }
        return nil
    }

    static func loadPolicy() {
        guard let m = module("policy") else {
            policyText = denyAll
            policySource = "absent (no `policy` boot module): deny-all"
            policy = Policy()   // no rules, default deny
            print("warden: warning: no policy module: every call is denied")
            return
        }
        let text = String(decoding: m.bytes, as: UTF8.self)
        do throws(PolicyParseError) {
            policy = try Policy.parse(text)
            policyText = text
            policySource = "boot module (\(m.size) bytes, \(policy.rules.count) rules)"
        } catch {
            print("warden: error: " + error.description + ": failing closed (deny-all)")
            policyText = denyAll
            policySource = "INVALID (" + error.description + "): deny-all"
            policy = Policy()   // no rules, default deny
        }
    }

    /// BLAKE3 of the kernel ELF, passed by the ISO builder as `warden.build=<hex>`; zero if absent.
    static func kernelBuildID() -> Blake3Digest {
        for word in CommandTable.split(BootState.commandLine) where word.hasPrefix("warden.build=") {
            let hex = String(word.dropFirst("warden.build=".utf8.count))
            if let d = Blake3Digest(hex: hex) { return d }
            print("warden: warning: malformed warden.build= value")
        }
        print("warden: warning: no warden.build= on the command line: kernel build id recorded as zero")
        return .zero
    }

    static func loadFileSystem() -> RamFileSystem {
        guard let m = module("fsimage") else {
            print("warden: no fsimage module: empty file system")
            return RamFileSystem()
        }
        do throws(FileSystemError) {
            return try FileSystemImage.load([UInt8](m.bytes))
        } catch {
            print("warden: error: fsimage: " + error.message + ": empty file system")
            return RamFileSystem()
        }
    }

    static func loadEnvironment() -> EnvironmentConfig {
        guard let m = module("env") else { return EnvironmentConfig() }
        do throws(ManifestError) {
            return try EnvironmentConfig.parse(String(decoding: m.bytes, as: UTF8.self))
        } catch {
            print("warden: error: env: " + error.description + ": empty environment")
            return EnvironmentConfig()
        }
    }

    static func loadAgents() {
        var files: [(name: String, bytes: [UInt8])] = []
        for m in BootState.modules where m.name.hasSuffix(".wasm") || m.name.hasSuffix(".manifest") {
            files.append((name: m.name, bytes: [UInt8](m.bytes)))
        }
        guard !files.isEmpty else { return }
        do throws(AgentCatalogueError) {
            agents = try AgentCatalogue(files: files).agents
        } catch {
            print("warden: error: agents: " + error.description + ": no agents loaded")
        }
    }
}
