// Loads the resident model from the boot module named `model` and owns the engine, tokenizer and probe.
//
// Entry points (called by kmain, see docs/kernel-model.md):
//   ModelService.loadFromBootModules()  after the heap, CPUInfo.detect(), Clock.calibrate() and the console are
//       up. Finds the boot module named `model` (absent → prints "model: none" and the gate stays fail-closed),
//       checks its crc32= (progress bar), parses the GGUF zero-copy from module memory, validates it, prints a
//       summary (arch, layers, dims, vocab, tensor types, memory), builds the tokenizer and the engine with the
//       kernels chosen from CPUInfo.features (AVX2 under QEMU TCG, AVX-512 only when CPUID/XCR0 say so), and
//       precomputes the ProbeLogits prefix KV for ProbePrompt.prefix. Errors are printed, never fatal: the
//       model stays absent and KernelSafetyModel throws .absent (the layer denies).
//       With `warden.model-test=fixture|probe` on the command line it then runs ModelBootTests and exits QEMU.
//   ModelCommands.register()  console `model` (summary) and `model probe <text>` (one timed decision).
//   KernelSafetyModel()  the SafetyModel the gateway instance uses.
import Gateway
import GatewayInference
import Inference
import KernelCore

enum ModelService {
    /// The ready probe (nil until a model has been loaded successfully).
    static var probe: TextProbe? = nil
    /// "model:<size>:<crc32>" of the loaded module, or "none".
    static var identity: String = "none"
    /// The summary printed at load and by the `model` console command.
    static var summary: [String] = ["model: none loaded"]

    /// The Inference CPU features from the kernel's CPUID/XCR0 reading.
    static var inferenceFeatures: Inference.CPUFeatures {
        let f = CPUInfo.features
        return Inference.CPUFeatures(avx2: f.avx2, fma: f.fma, f16c: f.f16c, avx512f: f.avx512f,
                                     avx512bw: f.avx512bw, avx512vl: f.avx512vl, avx512vnni: f.avx512vnni)
    }

    static func loadFromBootModules() {
        if let m = BootState.module(named: "model") {
            switch load(m) {
            case .success: break
            case .failure(let e): summary = ["model: load failed: " + e.message]; print(summary[0])
            }
        } else {
            print("model: none (no boot module named 'model'): the ProbeLogits layer denies")
        }
        ModelBootTests.runIfRequested()
    }

    static func load(_ m: LoadedModule) -> Result<Void, ModelLoadError> {
        let t0 = Clock.now()
        print("model: module \(m.size >> 10) KiB at 0x" + hex(m.start))
        if let expected = m.argument("crc32") {
            let got = hex(UInt64(checksumWithProgress(m.bytes)))
            guard got == expected else { return .failure(ModelLoadError("crc32 " + got + " != " + expected + " (module corrupted)")) }
        }
        print("model: parsing GGUF ...")
        let gguf: GGUFFile
        do { gguf = try GGUFFile(bytes: m.bytes) } catch { return .failure(ModelLoadError("GGUF: \(error)")) }
        let tier = inferenceFeatures.bestTier
        let before = heapUsed()
        let model: Transformer
        let tokenizer: Tokenizer
        // `ctx=N` on the module line caps the context at N tokens (default InferenceLimits.defaultContextCap).
        var cap = InferenceLimits.defaultContextCap
        if let c = m.argument("ctx") {
            guard let n = Int(c), n >= 1, n <= InferenceLimits.maxContextCap else {
                return .failure(ModelLoadError("ctx=" + c + " is not a context cap in 1...\(InferenceLimits.maxContextCap)"))
            }
            cap = n
        }
        do { model = try Transformer(gguf: gguf, kernels: QuantKernels(tier: tier), contextCap: cap) }
        catch { return .failure(ModelLoadError("engine: \(error)")) }
        do { tokenizer = try Tokenizer(gguf: gguf) } catch { return .failure(ModelLoadError("tokenizer: \(error)")) }
        let engineBytes = heapUsed() &- before
        summary = describe(gguf, model, tokenizer, tier: tier, moduleSize: m.size, engineBytes: engineBytes)
        for line in summary { print(line) }
        identity = "model:" + String(m.size) + ":" + (m.argument("crc32") ?? "nocrc")
        guard tokenizer.vocabSize == model.config.vocab || tokenizer.vocabSize <= model.config.vocab else {
            return .failure(ModelLoadError("tokenizer vocab \(tokenizer.vocabSize) > model vocab \(model.config.vocab)"))
        }
        if BootState.module(named: "fixture-gguf") != nil || m.argument("noprobe") != nil {
            print("model: loaded in \(Clock.milliseconds(Clock.now() - t0)) ms (no probe prefix)")
            engine = (model, tokenizer)
            return .success(())
        }
        let p: TextProbe
        do {
            p = try ProbeSafetyModel.makeProbe(model: model, tokenizer: tokenizer)
            // NOTE: the fixed prompt prefix (~420 tokens) is not computed here: under QEMU TCG it takes ~12 min
            // for SmolLM2 and would hold back the console. The first decision computes it and its KV is reused.
            print("model: ProbeLogits prefix KV is computed at the first gated decision (slow under TCG)")
        } catch {
            return .failure(ModelLoadError("probe: \(error)"))
        }
        engine = (model, tokenizer)
        probe = p
        print("model: ready in \(Clock.milliseconds(Clock.now() - t0)) ms")
        return .success(())
    }

    /// The engine and tokenizer (set by a successful load, also without a probe).
    static var engine: (model: Transformer, tokenizer: Tokenizer)? = nil

    static func heapUsed() -> Int { KernelHeap.main?.statistics().usedBytes ?? 0 }

    /// CRC-32 of the module in 1 MiB chunks with a 20-step progress bar on the console.
    static func checksumWithProgress(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc = CRC32()
        let chunk = 1 << 20
        var offset = 0
        var shown = 0
        print("model: checking crc32 [", terminator: "")
        while offset < bytes.count {
            let n = min(chunk, bytes.count - offset)
            crc.update(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)]))
            offset += n
            let steps = offset * 20 / max(bytes.count, 1)
            while shown < steps { print("#", terminator: ""); shown += 1 }
        }
        print("] ok")
        return crc.value
    }

    /// The llama.cpp name of a tensor type (the ones the engine runs; others by number).
    static func typeName(_ t: GGMLType) -> String {
        switch t {
        case .f32: return "F32"
        case .f16: return "F16"
        case .q4_0: return "Q4_0"
        case .q4_1: return "Q4_1"
        case .q8_0: return "Q8_0"
        case .q6_K: return "Q6_K"
        default: return "type" + String(t.rawValue)
        }
    }

    static func describe(_ g: GGUFFile, _ m: Transformer, _ t: Tokenizer, tier: KernelTier,
                         moduleSize: UInt64, engineBytes: Int) -> [String] {
        let c = m.config
        var types: [(String, Int)] = []
        for info in g.tensors {
            let name = typeName(info.type)
            if let i = types.firstIndex(where: { $0.0 == name }) { types[i].1 += 1 } else { types.append((name, 1)) }
        }
        var typeLine = "model: tensors \(g.tensors.count):"
        for (n, k) in types { typeLine += " " + n + "×" + String(k) }
        return [
            "model: arch " + c.architecture.name + ", \(c.layers) layers, dim \(c.embedding), ffn \(c.feedForward), heads \(c.heads)/\(c.kvHeads) kv (head \(c.headDim)), vocab \(c.vocab), tokenizer vocab \(t.vocabSize)",
            "model: context cap \(m.contextCap) (trained \(c.trainedContext)), rope base \(Int(c.ropeBase)), batch \(m.batch)",
            typeLine,
            "model: memory: weights \(moduleSize >> 10) KiB zero-copy in module memory, KV cache + scratch \(engineBytes >> 10) KiB on the heap",
            "model: kernels " + tier.name + " (CPU: avx2 \(CPUInfo.features.avx2), fma \(CPUInfo.features.fma), avx512f \(CPUInfo.features.avx512f), vnni \(CPUInfo.features.avx512vnni))",
        ]
    }
}

/// Why the model could not be loaded (printed; the gate stays fail-closed).
struct ModelLoadError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
