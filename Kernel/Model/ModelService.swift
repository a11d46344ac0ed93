// Loads the resident model from the boot module named `model` and owns the engine, tokenizer and probe.
//
// Entry points (called by kmain, see docs/kernel-model.md):
//   ModelService.loadFromBootModules()  after the heap, CPUInfo.detect() and the console are up. Finds the
//       boot module named `model` (absent → prints "model: none" and the gate stays fail-closed), parses the
//       GGUF zero-copy from module memory with a progress indicator, validates it, prints a summary (arch,
//       layers, dims, vocab, tensor types, memory), builds the tokenizer and the engine with the kernels
//       chosen from CPUInfo.features (AVX2 under QEMU TCG, AVX-512 only when CPUID/XCR0 say so), and
//       precomputes the ProbeLogits prefix KV for ProbePrompt.prefix. Errors are printed, never fatal:
//       the model stays absent and KernelSafetyModel throws .absent (the layer denies).
//   ModelCommands.register()  console `model` (summary) and `model probe <text>` (one timed decision).
//   KernelSafetyModel()  the SafetyModel the gateway instance uses.
import Gateway
import Inference
import KernelCore

enum ModelService {
    /// The ready probe (nil until a model has been loaded successfully).
    static var probe: TextProbe? = nil
    /// "model:<size>:<crc32>" of the loaded module, or "none".
    static var identity: String = "none"
    /// The summary printed at load and by the `model` console command.
    static var summary: [String] = ["model: none loaded"]

    static func loadFromBootModules() {
        print("model: none (loader not wired yet)")
    }
}
