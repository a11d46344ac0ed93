// warden-infer: host CLI of the Inference engine (Foundation allowed here, not in the library).
//   warden-infer --model M.gguf --prompt-file F [--special] [--top K]        tokens + top-K last-position logits
//   warden-infer --model M.gguf --info                                        architecture, shapes, types, memory
//   warden-infer --model M.gguf --prompt-file F --probe --class 'safe= safe| Safe' --class 'unsafe= unsafe'
//                [--unsafe-class NAME] [--prefix-file P] [--content-free TEXT] [--alpha A] [--threshold T]
//   add --bench N to time N repetitions (prefill, and with --probe full-prompt vs prefix-reuse decisions)
//   common: [--ctx N] [--tier reference|avx2|avx512]
import Foundation
import Inference

struct Options {
    var model = "", promptFile: String?, prefixFile: String?
    var special = false, info = false, probe = false
    var top = 5, ctx = InferenceLimits.defaultContextCap, bench = 0
    var tier: KernelTier?
    var classes: [(String, [String])] = []
    var unsafeClass: String?, contentFree: String?
    var alpha: Float = 1, threshold: Float = 0.5
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(("warden-infer: " + message + "\n").data(using: .utf8)!)
    exit(1)
}

func parse(_ args: [String]) -> Options {
    var o = Options()
    var i = 0
    func value() -> String {
        i += 1
        guard i < args.count else { fail("\(args[i - 1]) needs a value") }
        return args[i]
    }
    while i < args.count {
        switch args[i] {
        case "--model": o.model = value()
        case "--prompt-file": o.promptFile = value()
        case "--prefix-file": o.prefixFile = value()
        case "--special": o.special = true
        case "--info": o.info = true
        case "--probe": o.probe = true
        case "--top": o.top = number(Int.self, value(), "--top needs an integer")
        case "--ctx": o.ctx = number(Int.self, value(), "--ctx needs an integer")
        case "--bench": o.bench = number(Int.self, value(), "--bench needs an integer")
        case "--tier":
            switch value() {
            case "reference": o.tier = .reference
            case "avx2": o.tier = .avx2
            case "avx512": o.tier = .avx512
            default: fail("--tier is reference, avx2 or avx512")
            }
        case "--class":
            let spec = value()
            guard let eq = spec.firstIndex(of: "=") else { fail("--class wants NAME=text|text") }
            o.classes.append((String(spec[..<eq]), spec[spec.index(after: eq)...].split(separator: "|", omittingEmptySubsequences: true).map(String.init)))
        case "--unsafe-class": o.unsafeClass = value()
        case "--content-free": o.contentFree = value()
        case "--alpha": o.alpha = number(Float.self, value(), "--alpha needs a number")
        case "--threshold": o.threshold = number(Float.self, value(), "--threshold needs a number")
        case "-h", "--help":
            print("usage: warden-infer --model M.gguf (--info | --prompt-file F [--special] [--top K] [--probe --class N=t|t ...]) [--bench N]")
            exit(0)
        default: fail("unknown argument \(args[i])")
        }
        i += 1
    }
    if o.model.isEmpty { fail("--model is required") }
    if !o.info && o.promptFile == nil { fail("--prompt-file is required (or --info)") }
    return o
}

func number<T: LosslessStringConvertible>(_: T.Type, _ text: String, _ message: String) -> T {
    guard let v = T(text) else { fail(message) }
    return v
}

func hostFeatures() -> CPUFeatures {
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return .baseline }
    return CPUFeatures(cpuinfoFlags: String(line.split(separator: ":", maxSplits: 1).last ?? ""))
}

func readText(_ path: String) -> String {
    guard let s = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
    return s
}

func pieceText(_ tok: Tokenizer, _ id: Int32) -> String {
    let s = String(decoding: tok.piece(id), as: UTF8.self)
    return s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
        .replacingOccurrences(of: "\t", with: "\\t")
}

/// Best wall time and best thread CPU time of `n` runs of `body`, in milliseconds. CPU time is the robust
/// figure on a shared machine (wall time includes waiting for a core).
func bestMs(_ n: Int, _ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    func now(_ clock: clockid_t) -> Double {
        var ts = timespec()
        clock_gettime(clock, &ts)
        return Double(ts.tv_sec) * 1e3 + Double(ts.tv_nsec) / 1e6
    }
    var wall = Double.infinity, cpu = Double.infinity
    for _ in 0..<max(1, n) {
        let w0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_THREAD_CPUTIME_ID)
        try body()
        cpu = min(cpu, now(CLOCK_THREAD_CPUTIME_ID) - c0)
        wall = min(wall, now(CLOCK_MONOTONIC) - w0)
    }
    return (wall, cpu)
}

func timing(_ t: (wall: Double, cpu: Double)) -> String {
    String(format: "ms=%.2f cpu_ms=%.2f", t.wall, t.cpu)
}

func run() throws {
    let o = parse(Array(CommandLine.arguments.dropFirst()))
    // Map the model read-only: the engine's weights are zero-copy views into this image.
    let fd = open(o.model, O_RDONLY)
    guard fd >= 0 else { fail("cannot open model \(o.model)") }
    var st = stat()
    guard fstat(fd, &st) == 0, st.st_size > 0 else { fail("cannot stat model \(o.model)") }
    let size = Int(st.st_size)
    guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { fail("cannot map model") }
    close(fd)
    defer { munmap(base, size) }
    let gguf: GGUFFile
    do { gguf = try GGUFFile(bytes: UnsafeRawBufferPointer(start: base, count: size)) } catch { fail("GGUF: \(error)") }
    let tier = o.tier ?? hostFeatures().bestTier
    let model: Transformer
    do { model = try Transformer(gguf: gguf, kernels: QuantKernels(tier: tier), contextCap: o.ctx) } catch { fail(error.message) }

    if o.info {
        let c = model.config
        print("architecture \(c.architecture.name)")
        print("layers \(c.layers) embedding \(c.embedding) ffn \(c.feedForward) heads \(c.heads) kv-heads \(c.kvHeads) head-dim \(c.headDim) vocab \(c.vocab)")
        print("rope base \(c.ropeBase) dims \(c.ropeDims) freq-scale \(c.ropeFreqScale) rms-eps \(c.rmsEpsilon) trained-context \(c.trainedContext)")
        print("output \(model.weights.tiedOutput ? "tied to token_embd" : "separate")")
        var types: [String: Int] = [:]
        for m in model.weights.allMatrices { types[m.type.name, default: 0] += 1 }
        print("matrix types " + types.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " "))
        let mem = model.memory
        print("memory weights \(mem.weights / 1_048_576) MiB, kv-cache \(mem.kvCache / 1_048_576) MiB (ctx \(model.contextCap)), scratch \(mem.scratch / 1_048_576) MiB")
        print("kernels \(tier.name)")
        return
    }

    let tok: Tokenizer
    do { tok = try Tokenizer(gguf: gguf) } catch { fail("tokenizer: \(error)") }
    let prompt = tok.encode(readText(o.promptFile!), parseSpecial: o.special)
    let prefix = o.prefixFile.map { tok.encode(readText($0), parseSpecial: o.special) } ?? []

    if o.probe {
        guard o.classes.count >= 2 else { fail("--probe needs at least two --class NAME=text|text") }
        let classes = o.classes.map { VerbalizerClass(name: $0.0, sequences: $0.1.map { tok.encode($0) }) }
        let unsafeName = o.unsafeClass ?? o.classes.last!.0
        guard let u = classes.firstIndex(where: { $0.name == unsafeName }) else { fail("no class named \(unsafeName)") }
        let alpha = o.contentFree == nil ? 0 : o.alpha
        let config = ProbeConfig(classes: classes, unsafeClass: u, alpha: alpha, threshold: o.threshold)
        let session = try ProbeSession(model: model, config: config)
        let cf = o.contentFree.map { tok.encode($0, parseSpecial: o.special) }
        try session.prepare(prefix: prefix, contentFree: cf)
        let r = try session.classify(suffix: prompt)
        print("tokens \(prefix.count)+\(prompt.count)")
        for (k, c) in classes.enumerated() {
            print("class \(c.name)\t\(String(format: "%.6f", exp(Double(r.classLogProbs[k]))))\tcalibrated \(String(format: "%.6f", exp(Double(r.calibratedLogProbs[k]))))")
        }
        print("margin \(String(format: "%.4f", r.margin))")
        print("p_unsafe \(String(format: "%.6f", r.calibratedPUnsafe))")
        print("decision \(r.isUnsafe ? "unsafe" : "safe")")
        if o.bench > 0 {
            let full = try ProbeSession(model: model, config: config)
            try full.prepare(prefix: [], contentFree: cf.map { prefix + $0 })
            let fullMs = try bestMs(o.bench) { _ = try full.classify(suffix: prefix + prompt) }
            try session.prepare(prefix: prefix, contentFree: cf)
            let reuseMs = try bestMs(o.bench) { _ = try session.classify(suffix: prompt) }
            print("bench probe-full tokens=\(prefix.count + prompt.count) \(timing(fullMs))")
            print("bench probe-reuse tokens=\(prompt.count) \(timing(reuseMs))")
        }
        return
    }

    let all = prefix + prompt
    try model.prefill(all)
    print("tokens \(all.count): " + all.map(String.init).joined(separator: " "))
    let logits = Array(model.logits)
    for id in logits.indices.sorted(by: { logits[$0] > logits[$1] }).prefix(o.top) {
        print("\(id)\t\(String(format: "%.4f", logits[id]))\t\(pieceText(tok, Int32(id)))")
    }
    if o.bench > 0 {
        let ms = try bestMs(o.bench) { model.truncate(to: 0); try model.prefill(all) }
        print("bench prefill tokens=\(all.count) \(timing(ms))")
    }
}

do { try run() } catch let e as InferenceError { fail(e.message) } catch { fail("\(error)") }
