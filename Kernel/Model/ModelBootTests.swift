// Boot-test modes of the resident model, selected by `warden.model-test=` on the kernel command line:
//   fixture  every `fixture-gguf` module (paired with the next `fixture-ref` module, written by
//            Kernel/Model/mkref.py from the committed llama.cpp reference) is loaded, prefilled with the
//            reference tokens, and its last-position logits compared with llama.cpp's (≤ 1e-3, as the host tests)
//   probe    the loaded `model` makes ModelLimits.probeDecisions ProbeLogits decisions through
//            KernelSafetyModel with warden-eval's prompt, timed by TSC
// Both exit QEMU (pass 33 / fail 35).
import Gateway
import Inference
import KernelCore

enum ModelBootTests {
    static func runIfRequested() {
        for w in CommandTable.split(BootState.commandLine) where w.utf8.starts(with: "warden.model-test=".utf8) {
            let mode = String(decoding: w.utf8.dropFirst("warden.model-test=".utf8.count), as: UTF8.self)
            switch mode {
            case "fixture": finish(fixtures())
            case "probe": finish(probeDecisions())
            default: print("model-test: unknown mode '" + mode + "'"); finish(false)
            }
        }
    }

    static func finish(_ ok: Bool) -> Never {
        print(ok ? "model-test: PASS" : "model-test: FAIL")
        Power.qemuExit(ok ? Power.exitPass : Power.exitFail)
    }

    // MARK: fixture parity

    static func fixtures() -> Bool {
        let tier = ModelService.inferenceFeatures.bestTier
        print("model-test: kernels " + tier.name)
        var ok = true
        var count = 0
        var i = 0
        let mods = BootState.modules
        while i < mods.count {
            defer { i += 1 }
            guard mods[i].name == "fixture-gguf" else { continue }
            guard i + 1 < mods.count, mods[i + 1].name == "fixture-ref" else {
                print("model-test: fixture-gguf module \(i) has no fixture-ref after it"); ok = false; continue
            }
            let label = mods[i].argument("label") ?? ("fixture" + String(i))
            if let err = checkFixture(mods[i], ref: mods[i + 1], tier: tier, label: label) {
                print("model-test: " + label + ": FAIL " + err); ok = false
            }
            count += 1
        }
        if count == 0 { print("model-test: no fixture-gguf modules"); return false }
        return ok
    }

    /// nil when the last-position logits match the reference within ModelLimits.fixtureTolerance.
    static func checkFixture(_ m: LoadedModule, ref: LoadedModule, tier: KernelTier, label: String) -> String? {
        guard let r = FixtureReference(ref.bytes) else { return "malformed fixture-ref module" }
        let gguf: GGUFFile
        do { gguf = try GGUFFile(bytes: m.bytes) } catch { return "GGUF: \(error)" }
        do throws(InferenceError) {
            let model = try Transformer(gguf: gguf, kernels: QuantKernels(tier: tier))
            guard model.config.vocab == r.vocab else { return "vocab \(model.config.vocab) != reference \(r.vocab)" }
            let t0 = Clock.now()
            try model.prefill(r.tokens)
            let ns = Clock.now() - t0
            var worst: Float = 0
            let logits = model.logits
            var finite = true
            for k in 0..<r.vocab {
                let d = abs(logits[k] - r.logits[k])
                if !d.isFinite { finite = false } else if d > worst { worst = d }
            }
            guard finite else { return "non-finite logits" }
            let worstText = "\(Int(worst * 1e9))e-9"
            print("model-test: " + label + ": " + model.config.architecture.name + " \(r.tokens.count) tokens, max |Δlogit| " + worstText + " (tolerance 1e-3), logit[0] \(Int(logits[0] * 1e6))e-6 ref \(Int(r.logits[0] * 1e6))e-6, prefill \(Clock.milliseconds(ns)) ms")
            return worst <= ModelLimits.fixtureTolerance ? nil : "max |Δlogit| " + worstText + " > 1e-3"
        } catch {
            return "\(error)"
        }
    }

    // MARK: real-model decisions

    static func probeDecisions() -> Bool {
        guard ModelService.probe != nil else { print("model-test: no model loaded"); return false }
        var model = KernelSafetyModel()
        let agent = AgentIdentity(name: "boot-test", tier: .aiEnhanced)
        var ok = true
        var total: UInt64 = 0
        for (k, c) in ModelLimits.probeCases.enumerated() {
            let call = ToolCall(tool: c.tool, arguments: .null, agent: agent, context: CallContext(userIntent: c.intent))
            let prompt = SafetyPrompt(prefix: ProbePrompt.prefix, query: ProbePrompt.query(call, canonicalArguments: Array(c.arguments.utf8)))
            let t0 = Clock.now()
            do {
                let p = try model.unsafeProbability(prompt)
                let ns = Clock.now() - t0
                total += ns
                print("model-test: decision \(k) " + c.tool + ": p(unsafe) \(Int(p * 1000))e-3 in \(Clock.milliseconds(ns)) ms")
                if !(p >= 0 && p <= 1) { ok = false }
            } catch {
                print("model-test: decision \(k) failed: \(error)"); ok = false
            }
        }
        print("model-test: \(ModelLimits.probeCases.count) decisions, mean \(Clock.milliseconds(total / UInt64(ModelLimits.probeCases.count))) ms per decision (TSC)")
        return ok
    }
}

/// The reference a `fixture-ref` module carries (Kernel/Model/mkref.py): "WREF", u32 token count, u32 vocab,
/// i32 tokens, f32 last-position logits (little endian).
struct FixtureReference {
    let tokens: [Int32]
    let vocab: Int
    let logits: [Float]

    init?(_ b: UnsafeRawBufferPointer) {
        guard b.count >= 12, b.loadUnaligned(as: UInt32.self) == 0x4645_5257 else { return nil }
        let n = Int(b.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
        let v = Int(b.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        guard n > 0, v > 0, n <= 4096, v <= 1 << 20, b.count == 12 + 4 * n + 4 * v else { return nil }
        var t: [Int32] = []
        for i in 0..<n { t.append(b.loadUnaligned(fromByteOffset: 12 + 4 * i, as: Int32.self)) }
        var l: [Float] = []
        for i in 0..<v { l.append(b.loadUnaligned(fromByteOffset: 12 + 4 * n + 4 * i, as: Float.self)) }
        tokens = t; vocab = v; logits = l
    }
}
