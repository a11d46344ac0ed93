// The console `model` command: the resident model's summary, and `model probe <text>` for one timed decision.
import Gateway
import Inference
import KernelCore

enum ModelCommands {
    static func register() {
        Console.commands.register("model", "model summary; `model probe <text>`: one timed ProbeLogits decision") { args in
            if args.first == "probe" { probe(args.dropFirst()) } else { for line in ModelService.summary { print(line) } }
        }
    }

    /// Decides `text` as the query after warden-eval's prefix (text + "\nVerdict:"), timed by TSC.
    static func probe(_ words: ArraySlice<String>) {
        var text = ""
        for w in words { text += (text.isEmpty ? "" : " ") + w }
        guard !text.isEmpty else { print("usage: model probe <text>"); return }
        guard text.utf8.count <= ModelLimits.maxConsoleQueryBytes else { print("model probe: text too long"); return }
        var m = KernelSafetyModel()
        let t0 = Clock.now()
        do {
            let p = try m.unsafeProbability(SafetyPrompt(prefix: ProbePrompt.prefix, query: text + "\nVerdict:"))
            print("model probe: p(unsafe) \(Int(p * 1000))e-3 in \(Clock.milliseconds(Clock.now() - t0)) ms")
        } catch {
            print("model probe: \(error) (the ProbeLogits layer would deny)")
        }
    }
}
