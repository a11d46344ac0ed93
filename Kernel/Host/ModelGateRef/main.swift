// model-gate-ref: the host reference for the kernel's real-model gate test (Tests/Boot/model-gate).
// Decides each call of a JSON Lines file through a host GatewayPipeline built like the kernel's (full config,
// the same policy file, configure(from:)) whose layer-5 model is warden-eval's EngineSafetyModel (compiled
// in from Gateway/CLI/Eval), and prints what the kernel's `probe` + `model last` print, so the test can
// compare them: `<n> <verdict> L<layer> gated=<0|1> p=<P(unsafe)> margin=<logit margin>`.
//
//   model-gate-ref --model M.gguf --policy FILE CALLS.jsonl
//   CALLS.jsonl: {"tool":…,"arguments":{…},"agent":{"name":…,"tier":…,"purpose":…},"intent":…} per line

import Gateway
#if canImport(Glibc)
import Glibc
#endif

/// EngineSafetyModel plus a record of the last prompt's P(unsafe) and logit margin.
struct RecordingModel: SafetyModel {
    let engine: EngineSafetyModel
    var lastP: Double? = nil
    var lastMargin: Float? = nil
    var identity: String { engine.identity }

    mutating func unsafeProbability(_ prompt: SafetyPrompt) throws(ModelError) -> Double {
        let p = try engine.unsafeProbability(prompt)          // warden-eval's exact path
        do { lastMargin = try engine.probe.classify(prefix: prompt.prefix, query: prompt.query).margin }
        catch { throw .failed("\(error)") }                    // the same prompt again (prefix KV reused)
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
    let policy = try EvalPolicy.load(policyPath)
    let model = RecordingModel(engine: try EngineSafetyModel(path: modelPath))
    var pipeline = GatewayPipeline(config: .full, clock: EvalClock(), model: model, adversarial: AdversarialLayer(),
                                   policy: PolicyLayer(policy: policy), sink: NullSink())
    for note in pipeline.configure(from: policy) { print("# policy note: " + note) }
    for (n, line) in EvalFile.lines(try EvalFile.readAll(callsPath)).enumerated() {
        let v: JSONValue
        do { v = try JSONParser.parse(bytes: line) } catch { die("\(callsPath):\(n + 1): \(error.description)") }
        guard let tool = v["tool"]?.stringValue, let args = v["arguments"], let a = v["agent"],
              let name = a["name"]?.stringValue, let tierName = a["tier"]?.stringValue,
              let tier = TrustTier(name: tierName)
        else { die("\(callsPath):\(n + 1): needs tool, arguments, agent{name, tier}") }
        let agent = AgentIdentity(name: name, tier: tier, purpose: a["purpose"]?.stringValue ?? "")
        let call = ToolCall(tool: tool, arguments: args, agent: agent,
                            context: CallContext(userIntent: v["intent"]?.stringValue ?? ""))
        pipeline.probeLogits.model.lastP = nil
        pipeline.probeLogits.model.lastMargin = nil
        let d = pipeline.decide(call)
        let m = pipeline.probeLogits.model
        let gated = m.lastP != nil
        print("\(n) \(d.verdict.rawValue) L\(d.layerNumber) gated=\(gated ? 1 : 0) p=\(m.lastP ?? -1) margin=\(m.lastMargin ?? 0)")
    }
} catch {
    die(error.description)
}
