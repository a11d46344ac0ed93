// The agents a boot offers: pairs every `<name>.manifest` boot module with its `<module>.wasm`
// (the console's `agents` and `run <agent>`). Module names are the file names GRUB passes.

/// A boot-catalogue problem, naming the module file.
public struct AgentCatalogueError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String
    public var description: String { "\(file): \(message)" }
}

public struct AgentCatalogue: Sendable {
    public struct Agent: Sendable {
        public let manifest: AgentManifest
        public let wasm: [UInt8]
    }

    /// Agents sorted by name.
    public private(set) var agents: [Agent] = []

    /// Builds the catalogue from boot modules (file name without directories, bytes). Files other
    /// than `.manifest` and `.wasm` are ignored; a manifest whose module is missing, a bad manifest
    /// or a duplicate agent name is an error.
    public init(files: [(name: String, bytes: [UInt8])]) throws(AgentCatalogueError) {
        var modules: [String: [UInt8]] = [:]
        for f in files where f.name.hasSuffix(".wasm") {
            modules[String(f.name.dropLast(5))] = f.bytes
        }
        for f in files where f.name.hasSuffix(".manifest") {
            let manifest: AgentManifest
            do { manifest = try AgentManifest.parse(String(decoding: f.bytes, as: UTF8.self)) } catch {
                throw AgentCatalogueError(file: f.name, message: error.description)
            }
            guard let wasm = modules[manifest.module] else {
                throw AgentCatalogueError(file: f.name, message: "module \(manifest.module).wasm was not loaded")
            }
            guard agent(named: manifest.name) == nil else {
                throw AgentCatalogueError(file: f.name, message: "duplicate agent name \"\(manifest.name)\"")
            }
            agents.append(Agent(manifest: manifest, wasm: wasm))
        }
        agents.sort { $0.manifest.name < $1.manifest.name }
    }

    public func agent(named name: String) -> Agent? {
        for a in agents where a.manifest.name == name { return a }
        return nil
    }
}
