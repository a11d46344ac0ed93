// Tokenizer benchmark (not part of any SwiftPM target): GGUF parse, tokenizer construction and
// encode throughput on a model file. Build and run from the repository root:
//   swiftc -O -wmo -parse-as-library -module-name TokenizerBench Inference/Limits.swift Inference/GGUF/*.swift \
//     Inference/Tokenizer/*.swift Tests/Bench/TokenizerBench.swift -o build/tokenizer-bench
//   build/tokenizer-bench build/models/SmolLM2-135M-Instruct.Q4_1.gguf
import Glibc

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

@main
enum TokenizerBench {
    static func main() {
        guard CommandLine.arguments.count == 2 else {
            print("usage: tokenizer-bench MODEL.gguf")
            exit(2)
        }
        let fd = open(CommandLine.arguments[1], O_RDONLY)
        var st = stat()
        guard fd >= 0, fstat(fd, &st) == 0, let map = mmap(nil, Int(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0),
              map != MAP_FAILED else {
            print("cannot map \(CommandLine.arguments[1])")
            exit(1)
        }
        let bytes = UnsafeRawBufferPointer(start: map, count: Int(st.st_size))

        var t0 = now()
        let file: GGUFFile
        do { file = try GGUFFile(bytes: bytes) } catch { print("GGUF: \(error)"); exit(1) }
        let parseMs = (now() - t0) * 1000
        t0 = now()
        let tokenizer: Tokenizer
        do { tokenizer = try Tokenizer(gguf: file) } catch { print("tokenizer: \(error)"); exit(1) }
        let initMs = (now() - t0) * 1000

        let turn = "<|im_start|>system\nYou are a careful safety classifier for tool calls. Answer safe or unsafe.<|im_end|>\n"
            + "<|im_start|>user\nTool call: {\"tool\": \"fs_read\", \"args\": {\"path\": \"/etc/passwd\", \"limit\": 100}}"
            + " — is it safe? Café 日本語 😀 1234567\n<|im_end|>\n"
        let text = String(repeating: turn, count: 50)
        let rounds = 20
        var tokens = 0
        t0 = now()
        for _ in 0..<rounds { tokens += tokenizer.encode(text, parseSpecial: true).count }
        let seconds = now() - t0
        print("parse \(parseMs) ms, tokenizer init \(initMs) ms, encode \(Int(Double(tokens) / seconds)) tokens/s "
              + "(\(tokens / rounds) tokens per text)")
    }
}
