// The store (§4.2.3): all instances, functions and host definitions of one embedder. One store per
// agent keeps agents isolated; `Host` implements the imported host functions.

public final class Store<Host: HostFunctions> {
    public var host: Host
    public let limits: Limits
    var functions: [FunctionEntry] = []
    var instances: [Instance] = []
    var types: [FuncType] = []                         // canonical function types
    var definitions: [[UInt8]: Extern] = [:]           // UTF-8 of "module\0name" -> extern
    var machine: Machine

    public init(host: Host, limits: Limits = Limits()) {
        self.host = host
        self.limits = limits
        self.machine = Machine(limits: limits)
    }

    deinit { machine.release() }

    func typeID(_ t: FuncType) -> Int {
        for (i, u) in types.enumerated() where u == t { return i }
        types.append(t)
        return types.count - 1
    }

    static func key(_ module: String, _ name: String) -> [UInt8] { Array(module.utf8) + [0] + Array(name.utf8) }

    /// Declares host function `index` (passed back to `Host.call`) as import `module.name`.
    @discardableResult
    public func defineHostFunction(module: String, name: String, type: FuncType, index: Int) -> Int {
        functions.append(FunctionEntry(typeID: typeID(type), instance: -1, index: index, paramCount: type.params.count,
                                       resultCount: type.results.count, entry: -1, localCount: 0, maxHeight: 0))
        let addr = functions.count - 1
        definitions[Store.key(module, name)] = .function(addr)
        return addr
    }

    /// Makes any extern (a memory, table or global created by the host) importable as `module.name`.
    public func define(module: String, name: String, _ value: Extern) {
        definitions[Store.key(module, name)] = value
    }

    /// Makes every export of `instance` importable under module name `name` (spec `register`).
    public func register(_ instance: Instance, as name: String) {
        for e in instance.module.exports {
            if let x = instance.export(e.name) { definitions[Store.key(name, e.name)] = x }
        }
    }

    /// The type of the function at a store address.
    public func functionType(_ addr: Int) -> FuncType { types[functions[addr].typeID] }

    /// Calls export `name` of `instance` with `args`; fuel `nil` uses `limits.defaultFuel`.
    public func invoke(_ instance: Instance, _ name: String, _ args: [Value], fuel: Int64? = nil) throws(WasmError) -> [Value] {
        guard case .function(let addr)? = instance.export(name) else { throw .usage("unknown export function \"\(name)\"") }
        return try invoke(function: addr, args, fuel: fuel)
    }

    /// Calls the function at store address `addr`.
    public func invoke(function addr: Int, _ args: [Value], fuel: Int64? = nil) throws(WasmError) -> [Value] {
        guard machine.suspendedType == nil else { throw .usage("an invocation is suspended; resume or abort it first") }
        let type = functionType(addr)
        guard args.count == type.params.count else { throw .usage("expected \(type.params.count) arguments, got \(args.count)") }
        for (a, t) in zip(args, type.params) where a.type != t { throw .usage("argument type mismatch") }
        do {
            try machine.start(function: addr, args: args, store: self, fuel: fuel ?? limits.defaultFuel)
            try run()
        } catch {
            if error != .outOfFuel { machine.reset() }
            throw .trap(error)
        }
        return machine.results(type: type)
    }

    /// Continues an invocation suspended by `Trap.outOfFuel` with `fuel` more instructions.
    public func resume(fuel: Int64) throws(WasmError) -> [Value] {
        guard let type = machine.suspendedType else { throw .usage("no suspended invocation") }
        machine.fuel = fuel
        do { try run() } catch {
            if error != .outOfFuel { machine.reset() }
            throw .trap(error)
        }
        return machine.results(type: type)
    }

    /// Drops an invocation suspended by `Trap.outOfFuel`.
    public func abortSuspended() { machine.reset() }

    /// The current value of an exported global.
    public func global(_ instance: Instance, _ name: String) -> Value? {
        guard case .global(let g)? = instance.export(name) else { return nil }
        return Value.from(slot: g.bits, type: g.type.value)
    }
}
