// The console `model` command: the resident model's summary, and `model probe <text>` for one timed decision.

enum ModelCommands {
    static func register() {
        Console.commands.register("model", "model summary; `model probe <text>` runs one ProbeLogits decision") { _ in
            for line in ModelService.summary { print(line) }
        }
    }
}
