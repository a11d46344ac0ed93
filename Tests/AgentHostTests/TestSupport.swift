// Test doubles and fixtures for AgentHost: a stepping clock, a keyword safety model, scripted host
// services, the real gateway pipeline (constitution + audit log) and the demo agents from build/agents.

import Testing
import Blake3
@testable import Gateway
@testable import AgentHost
import HostSupport

/// Monotonic clock advancing 1 µs per reading (deterministic).
struct StepClock: MonotonicClock {
    var now: UInt64 = 1_000_000_000
    mutating func nanoseconds() -> UInt64 { now += 1_000; return now }
}

/// A deterministic stand-in for the ProbeLogits model: unsafe (0.95) if the prompt's query
/// mentions an exfiltration or destruction marker, safe (0.05) otherwise. Counts calls.
struct KeywordModel: SafetyModel {
    static let markers = ["evil.example", "id_rsa", "rm -rf", "169.254", "private key", "/etc/"]
    var calls = 0
    var identity: String { "keyword-fake" }
    mutating func unsafeProbability(_ prompt: SafetyPrompt) throws(ModelError) -> Double {
        calls += 1
        let q = prompt.query.lowercased()
        for m in Self.markers where q.contains(m) { return 0.95 }
        return 0.05
    }
}

/// Host services with a virtual clock, a counter-based random source, no egress peer (or a scripted
/// one) and no external MCP tools; counts every outside-world call.
struct FakeServices: HostServices {
    var peerAttached = false
    var egressCalls: [String] = []
    var mcpCalls = 0
    var randomCalls = 0
    var now: UInt64 = 5_000_000_000
    mutating func wallNanoseconds() -> Int64 { 1_790_000_000_000_000_000 }
    mutating func monotonicNanoseconds() -> UInt64 { now += 1_000; return now }
    mutating func randomBytes(into buffer: inout [UInt8]) {
        randomCalls += 1
        for i in buffer.indices { buffer[i] = UInt8(truncatingIfNeeded: i &* 37 &+ 11) }
    }
    mutating func egress(tool: String, arguments: JSONValue) throws(ToolFailure) -> JSONValue {
        egressCalls.append(tool)
        guard peerAttached else { throw .egress("egress peer not attached") }
        return .object([("status", .number(text: "200", value: 200)), ("body", .string("ok"))])
    }
    mutating func mcpCall(server: String, tool: String, arguments: JSONValue) throws(ToolFailure) -> JSONValue {
        mcpCalls += 1
        throw .failed(code: "unknown_tool", message: "no external tool \(tool)")
    }
}

typealias RealGate = GatewayPipeline<StepClock, KeywordModel, AdversarialLayer, PolicyLayer, AuditLogSink>
typealias RealSystem = AgentSystem<RealGate, FakeServices>

enum Fixture {
    /// The repository root (this file is Tests/AgentHostTests/TestSupport.swift).
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static func read(_ path: String) -> [UInt8]? { try? HostFile.read(path) }

    static func text(_ path: String) -> String? { read(path).map { String(decoding: $0, as: UTF8.self) } }

    static let agentsDir = root + "/build/agents"
    static let missingAgents = "build/agents is missing: run `make agents` (make test builds it first)"
    static var agentsBuilt: Bool { read(agentsDir + "/assistant.wasm") != nil && read(agentsDir + "/demo.wfs") != nil }

    /// A built agent: its manifest and module bytes.
    static func agent(_ name: String) throws -> (AgentManifest, [UInt8]) {
        let manifest = try AgentManifest.parse(try #require(text(agentsDir + "/\(name).manifest"), "no manifest \(name)"))
        let wasm = try #require(read(agentsDir + "/\(manifest.module).wasm"), "no module \(manifest.module).wasm")
        return (manifest, wasm)
    }

    /// The real gateway: all six layers, the default constitution, the keyword model, an audit log.
    static func gateway() throws -> RealGate {
        let policyText = try #require(text(root + "/Gateway/Data/constitution.policy"))
        let policy = try Policy.parse(policyText)
        let binding = AuditBinding(kernelBuild: Blake3.hash("agenthost-tests"), policy: Blake3.hash(policyText),
                                   model: Blake3.hash("keyword-fake"))
        var gate = GatewayPipeline(config: .full, clock: StepClock(), model: KeywordModel(),
                                   adversarial: AdversarialLayer(), policy: PolicyLayer(policy: policy),
                                   sink: AuditLogSink(log: AuditLog(binding: binding, monotonicNs: 0, wallNs: 0)))
        // The constitution's per-agent override for "mcp-client" is not supported by the pipeline
        // (it reports it); it does not concern agents.
        _ = gate.configure(from: policy)
        return gate
    }

    /// A system over the real gateway, seeded with the demo file-system image and environment.
    static func system(services: FakeServices = FakeServices()) throws -> RealSystem {
        let image = try #require(read(agentsDir + "/demo.wfs"))
        let env = try EnvironmentConfig.parse(try #require(text(agentsDir + "/demo.env")))
        return RealSystem(gate: try gateway(), services: services, fileSystem: try FileSystemImage.load(image), environment: env)
    }
}

extension AgentSystem where Gate == RealGate {
    /// Decision records of the audit log, oldest first.
    var decisions: [AuditDecision] {
        gate.sink.log.records.compactMap { r in
            if case .decision(let d) = r.payload { return d }
            return nil
        }
    }
}
