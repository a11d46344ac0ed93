// libFuzzer entry point (built by `make wasm-fuzz` with swiftc -sanitize=fuzzer,address together
// with the library sources): decode + validate, then instantiate and run every export under fuel.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    var limits = Limits()
    limits.maxModuleBytes = 1 << 20
    limits.maxMemoryPages = 16
    limits.maxTableElements = 10_000
    limits.maxCallDepth = 1_000
    limits.valueStackSlots = 1 << 16
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let module = try? Decoder.load(bytes, limits: limits) else { return 0 }
    let store = Store(host: NoHostFunctions(), limits: limits)
    guard let instance = try? store.instantiate(module) else { return 0 }
    for export in module.exports where export.kind == .function {
        guard case .function(let addr)? = instance.export(export.name) else { continue }
        let type = store.functionType(addr)
        var args: [Value] = []
        for t in type.params {
            switch t {
            case .i32: args.append(.i32(0))
            case .i64: args.append(.i64(0))
            case .f32: args.append(.f32(0))
            case .f64: args.append(.f64(0))
            case .funcref: args.append(.funcref(nil))
            case .externref: args.append(.externref(nil))
            case .v128: return 0
            }
        }
        _ = try? store.invoke(function: addr, args, fuel: 20_000)
        store.abortSuspended()
    }
    return 0
}
