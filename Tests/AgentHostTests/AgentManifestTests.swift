// Manifest and environment parsing: defaults, every key, and typed errors with line numbers.

import Testing
@testable import Gateway
@testable import AgentHost

struct AgentManifestTests {
    @Test func parsesEveryKey() throws {
        let m = try AgentManifest.parse("""
            # comment
            name = notes-bot
            tier = ai-enhanced
            purpose = Summarize notes
            intent = summarize my notes
            fuel = 1000
            memory_pages = 3
            entry = start
            module = shared
            """)
        #expect(m == AgentManifest(name: "notes-bot", tier: .aiEnhanced, purpose: "Summarize notes", intent: "summarize my notes",
                                   fuel: 1000, memoryPages: 3, entry: "start", module: "shared"))
        #expect(m.identity == AgentIdentity(name: "notes-bot", tier: .aiEnhanced, purpose: "Summarize notes"))
    }

    @Test func appliesDefaults() throws {
        let m = try AgentManifest.parse("name=a\ntier=classic\n")
        #expect(m.fuel == AgentHostLimits.defaultFuel && m.memoryPages == AgentHostLimits.defaultMemoryPages)
        #expect(m.entry == "run" && m.module == "a" && m.purpose.isEmpty)
    }

    @Test(arguments: [
        ("tier = system", ManifestError(line: 0, "missing required key \"name\"")),
        ("name = a", ManifestError(line: 0, "missing required key \"tier\"")),
        ("name = a\ntier = root", ManifestError(line: 2, "unknown tier \"root\" (classic, ai-enhanced, ai-native, system)")),
        ("name = a\nname = b", ManifestError(line: 2, "duplicate key \"name\"")),
        ("name = a b", ManifestError(line: 1, "name must be 1…64 of [A-Za-z0-9_.-]")),
        ("name = a\ncolour = red", ManifestError(line: 2, "unknown key \"colour\"")),
        ("name = a\n\nfuel = -5", ManifestError(line: 3, "fuel must be an integer in 1…10000000000")),
        ("name = a\nmemory_pages = 99999", ManifestError(line: 2, "memory_pages must be an integer in 1…4096")),
        ("name = a\njust text", ManifestError(line: 2, "expected `key = value`")),
        ("name = a\nmodule = ../x", ManifestError(line: 2, "module must be a file base name of [A-Za-z0-9_.-]")),
    ])
    func rejectsWithLine(text: String, error: ManifestError) {
        #expect(throws: error) { try AgentManifest.parse(text) }
    }

    @Test func environmentParses() throws {
        let env = try EnvironmentConfig.parse("# c\nA=1\nB = x=y\n")
        #expect(env["A"] == "1" && env["B "] == " x=y" || env["B"] == "x=y")
        #expect(throws: ManifestError(line: 2, "expected NAME=value")) { try EnvironmentConfig.parse("A=1\n=2") }
    }
}

struct AgentCatalogueTests {
    func m(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func pairsManifestsWithModules() throws {
        let c = try AgentCatalogue(files: [("b.manifest", m("name=b\ntier=classic\nmodule=shared")), ("shared.wasm", [0, 97]),
                                           ("a.manifest", m("name=a\ntier=system\nmodule=shared\nentry=x")), ("demo.wfs", [1])])
        #expect(c.agents.map(\.manifest.name) == ["a", "b"])
        #expect(c.agent(named: "a")?.wasm == [0, 97] && c.agent(named: "a")?.manifest.entry == "x")
        #expect(c.agent(named: "zzz") == nil)
    }

    @Test func reportsMissingModulesBadManifestsAndDuplicates() {
        #expect(throws: AgentCatalogueError(file: "a.manifest", message: "module a.wasm was not loaded")) {
            try AgentCatalogue(files: [("a.manifest", m("name=a\ntier=classic"))])
        }
        #expect(throws: AgentCatalogueError(file: "a.manifest", message: "manifest line 2: unknown tier \"x\" (classic, ai-enhanced, ai-native, system)")) {
            try AgentCatalogue(files: [("a.manifest", m("name=a\ntier=x")), ("a.wasm", [])])
        }
        #expect(throws: AgentCatalogueError(file: "b.manifest", message: "duplicate agent name \"a\"")) {
            try AgentCatalogue(files: [("a.manifest", m("name=a\ntier=classic")), ("b.manifest", m("name=a\ntier=classic\nmodule=a")),
                                       ("a.wasm", [])])
        }
    }

    @Test(.enabled(if: Fixture.agentsBuilt, Comment(rawValue: Fixture.missingAgents)))
    func theDemoBuildFormsACatalogue() throws {
        var files: [(name: String, bytes: [UInt8])] = []
        for n in ["assistant", "injected", "destructive", "misbehave-spin", "misbehave-grow", "misbehave-pointers",
                  "misbehave-wild", "misbehave-table", "rogue-import", "rogue-signature"] {
            files.append((n + ".manifest", try #require(Fixture.read(Fixture.agentsDir + "/\(n).manifest"))))
        }
        for w in ["assistant", "injected", "destructive", "misbehave", "rogue_import", "rogue_signature"] {
            files.append((w + ".wasm", try #require(Fixture.read(Fixture.agentsDir + "/\(w).wasm"))))
        }
        let c = try AgentCatalogue(files: files)
        #expect(c.agents.count == 10)
        #expect(c.agent(named: "misbehave-grow")?.manifest.module == "misbehave")
    }
}
