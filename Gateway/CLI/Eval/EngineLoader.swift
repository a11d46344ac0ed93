// The real model for warden-eval: the GGUF file mapped read-only and the host's CPU features; everything
// else (engine, tokenizer, probe, calibration) is the shared adapter GatewayInference.ProbeSafetyModel.

import Gateway
import GatewayInference
import HostSupport
import Inference
#if canImport(Glibc)
import Glibc
#endif

enum EngineLoader {
    /// `kernels`: nil = the best tier this CPU runs (AVX-512 VNNI, AVX2 or reference).
    static func load(path: String, kernels: KernelTier?) throws(EvalError) -> ProbeSafetyModel {
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
        let best = hostFeatures().bestTier
        let tier = kernels ?? best
        if tier == .avx512 && best != .avx512 { throw EvalError(description: "this CPU cannot run the avx512 kernels") }
        if tier == .avx2 && best == .reference { throw EvalError(description: "this CPU cannot run the avx2 kernels") }
        do {
            return try ProbeSafetyModel(gguf: UnsafeRawBufferPointer(start: base, count: size), kernels: tier, identity: path)
        } catch {
            throw EvalError(description: "\(path): \(error.description)")
        }
    }

    static func hostFeatures() -> CPUFeatures {
        guard let text = try? HostFile.text("/proc/cpuinfo") else { return .baseline }
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return .baseline }
        return CPUFeatures(cpuinfoFlags: String(line.split(separator: ":", maxSplits: 1).last ?? ""))
    }
}
