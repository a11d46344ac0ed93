// model-gate-ref: the host reference for the kernel's real-model gate test (Tests/Boot/model-gate).
// Decides each call of a JSON Lines file through a host GatewayPipeline built like the kernel's (full config,
// the same policy file, configure(from:)) whose layer-5 model is the shared adapter
// GatewayInference.ProbeSafetyModel loaded by warden-eval's EngineLoader (compiled in from Gateway/CLI/Eval),
// and prints what the kernel's `probe` + `model last` print, so the test can compare them:
// `<n> <verdict> L<layer> gated=<0|1> p=<P(unsafe)> margin=<logit margin>`.
//
//   model-gate-ref --model M.gguf --policy FILE CALLS.jsonl
//   CALLS.jsonl: {"tool":…,"arguments":{…},"agent":{"name":…,"tier":…,"purpose":…},"intent":…} per line

import Gateway
import GatewayInference
#if canImport(Glibc)
import Glibc
#endif

/// The shared adapter plus a record of the last prompt's P(unsafe) (its logit margin is kept by the adapter).
struct RecordingModel: SafetyModel {
    var engine: ProbeSafetyModel
    var lastP: Double? = nil
    var identity: String { engine.identity }

    mutating func unsafeProbability(_ prompt: SafetyPrompt) throws(ModelError) -> Double {
        let p = try engine.unsafeProbability(prompt)          // warden-eval's exact path
        lastP = p
        return p
    }
}

func die(_ message: String) -> Never {
    let text = "model-gate-ref: \(message)\n"
    _ = text.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
    exit(2)
}

var modelPath: String? = nil, policyPath: String? = nil, callsPath: String? = nil
var argv = Array(CommandLine.arguments.dropFirst())
while !argv.isEmpty {
    let a = argv.removeFirst()
    switch a {
    case "--model": modelPath = argv.isEmpty ? nil : argv.removeFirst()
    case "--policy": policyPath = argv.isEmpty ? nil : argv.removeFirst()
    default: callsPath = a
    }
}
guard let modelPath, let policyPath, let callsPath else { die("usage: model-gate-ref --model M.gguf --policy FILE CALLS.jsonl") }

do {
    let text = String(decoding: try EvalFile.read(policyPath), as: UTF8.self)
    let policy: Policy
    do { policy = try Policy.parse(text) } catch { die("\(policyPath): \(error)") }
    let model = RecordingModel(engine: try EngineLoader.load(path: modelPath, kernels: nil))
    var pipeline = GatewayPipeline(config: .full, clock: EvalClock(), model: model, adversarial: AdversarialLayer(),
                                   policy: PolicyLayer(policy: policy), sink: NullSink())
    for note in pipeline.configure(from: policy) { print("# policy note: " + note) }
    for (n, line) in EvalFile.lines(try EvalFile.read(callsPath)).enumerated() {
        let v: JSONValue
        do { v = try JSONParser.parse(bytes: line.bytes) } catch { die("\(callsPath):\(line.number): \(error.description)") }
        guard let tool = v["tool"]?.stringValue, let args = v["arguments"], let a = v["agent"],
              let name = a["name"]?.stringValue, let tierName = a["tier"]?.stringValue,
              let tier = TrustTier(name: tierName)
        else { die("\(callsPath):\(line.number): needs tool, arguments, agent{name, tier}") }
        let agent = AgentIdentity(name: name, tier: tier, purpose: a["purpose"]?.stringValue ?? "")
        let call = ToolCall(tool: tool, arguments: args, agent: agent,
                            context: CallContext(userIntent: v["intent"]?.stringValue ?? ""))
        pipeline.probeLogits.model.lastP = nil
        pipeline.probeLogits.model.engine.clearLastMargin()
        let d = pipeline.decide(call)
        let m = pipeline.probeLogits.model
        let margin = m.engine.lastMargin
        let gated = m.lastP != nil
        print("\(n) \(d.verdict.rawValue) L\(d.layerNumber) gated=\(gated ? 1 : 0) p=\(m.lastP ?? -1) margin=\(margin ?? 0)")
    }
} catch {
    die(error.description)
}
