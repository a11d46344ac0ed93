// The real model for warden-eval: the GGUF file mapped read-only, Inference's tokenizer and
// TextProbe (prefix KV prepared once, per-call query prefilled), margin logit(" B") − logit(" OK")
// — the first tokens of ProbePrompt's verbalizers, as in probe_prompt_lab.py — calibrated by
// ProbePrompt.calibration. Any engine error is a ModelError, so the layer fails closed.

import Gateway
import Inference
#if canImport(Glibc)
import Glibc
#endif

struct EngineSafetyModel {
    let probe: TextProbe
    let path: String
    var identity: String { path }

    init(path: String) throws(EvalError) {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw EvalError(description: "cannot open model \(path)") }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0 else { close(fd); throw EvalError(description: "cannot stat \(path)") }
        let size = Int(st.st_size)
        // Mapped for the life of the process: the engine's weights are zero-copy views into it.
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            close(fd); throw EvalError(description: "cannot map \(path)")
        }
        close(fd)
        do {
            let gguf = try GGUFFile(bytes: UnsafeRawBufferPointer(start: base, count: size))
            let model = try Transformer(gguf: gguf, kernels: QuantKernels(tier: Self.hostFeatures().bestTier))
            let tokenizer = try Tokenizer(gguf: gguf)
            // First tokens of the verbalizers (" BAD" encodes as " B" + "AD").
            func firstPieces(_ words: [String]) -> [String] {
                // A word that encodes to nothing is passed as is, so TextProbe rejects it with its typed error.
                words.map { w in tokenizer.encode(w).first.map { String(decoding: tokenizer.piece($0), as: UTF8.self) } ?? w }
            }
            probe = try TextProbe(model: model, tokenizer: tokenizer,
                                  classes: [(name: "safe", verbalizers: firstPieces(ProbePrompt.safeWords)),
                                            (name: "unsafe", verbalizers: firstPieces(ProbePrompt.unsafeWords))],
                                  unsafeClass: "unsafe", alpha: 0, threshold: 0.5, contentFree: nil,
                                  parseSpecial: false)
        } catch {
            throw EvalError(description: "\(path): \(error)")
        }
    }

    static func hostFeatures() -> CPUFeatures {
        guard let bytes = try? EvalFile.readAll("/proc/cpuinfo") else { return .baseline }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return .baseline }
        return CPUFeatures(cpuinfoFlags: String(line.split(separator: ":", maxSplits: 1).last ?? ""))
    }

    func unsafeProbability(_ prompt: SafetyPrompt) throws(ModelError) -> Double {
        do {
            let r = try probe.classify(prefix: prompt.prefix, query: prompt.query)
            return ProbePrompt.calibration.probability(margin: Double(r.margin))
        } catch {
            throw .failed("\(error)")
        }
    }
}
