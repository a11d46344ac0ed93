// Execution state of one store: the value stack, the call-frame stack and a suspended
// invocation (after an out-of-fuel trap). Calls never recurse on the host stack.

/// A call frame: where to return and the caller's frame base and instance.
struct Frame {
    var pc: Int                                   // -1: return to the embedder
    var fp: UnsafeMutablePointer<UInt64>
    var instance: Int
}

struct Machine {
    let stack: UnsafeMutablePointer<UInt64>
    let stackSlots: Int
    let frames: UnsafeMutablePointer<Frame>
    let maxFrames: Int
    let scratch: UnsafeMutablePointer<UInt64>     // host-call results
    static let scratchSlots = 1024

    // Saved registers of the (suspended or starting) invocation.
    var pc = 0
    var sp: UnsafeMutablePointer<UInt64>
    var fp: UnsafeMutablePointer<UInt64>
    var instance = 0
    var frameCount = 0
    var fuel: Int64? = nil
    var suspendedType: FuncType? = nil

    init(limits: Limits) {
        stackSlots = limits.valueStackSlots
        stack = UnsafeMutablePointer<UInt64>.allocate(capacity: stackSlots)
        maxFrames = limits.maxCallDepth + 1
        frames = UnsafeMutablePointer<Frame>.allocate(capacity: maxFrames)
        scratch = UnsafeMutablePointer<UInt64>.allocate(capacity: Machine.scratchSlots)
        sp = stack
        fp = stack
    }

    func release() {
        stack.deallocate()
        frames.deallocate()
        scratch.deallocate()
    }

    mutating func reset() {
        frameCount = 0
        sp = stack
        fp = stack
        suspendedType = nil
    }

    /// Results of a finished invocation: the values at the bottom of the stack.
    mutating func results(type: FuncType) -> [Value] {
        suspendedType = nil
        var out: [Value] = []
        for (i, t) in type.results.enumerated() { out.append(Value.from(slot: stack[i], type: t)) }
        sp = stack
        return out
    }
}

extension Machine {
    /// Prepares a call of wasm function `addr` from the embedder (frame 0 returns to it).
    mutating func start<H>(function addr: Int, args: [Value], store: Store<H>, fuel: Int64?) throws(Trap) {
        guard suspendedType == nil else { throw .host(code: -2, message: "an invocation is suspended; resume or abort it first") }
        reset()
        let f = store.functions[addr]
        for (i, a) in args.enumerated() { stack[i] = a.slot }
        self.fuel = fuel
        if f.instance < 0 {
            // Host function called directly by the embedder.
            var results = HostResults(base: scratch, count: f.resultCount)
            scratch.update(repeating: 0, count: f.resultCount)
            try store.host.call(function: f.index, args: HostArguments(base: UnsafePointer(stack), count: args.count),
                                results: &results, memory: nil)
            stack.update(from: scratch, count: f.resultCount)
            pc = -1
            suspendedType = store.types[f.typeID]
            return
        }
        guard f.maxHeight <= stackSlots else { throw .valueStackExhausted }
        (stack + f.paramCount).update(repeating: 0, count: f.localCount)
        frames[0] = Frame(pc: -1, fp: stack, instance: f.instance)
        frameCount = 1
        fp = stack
        sp = stack + f.paramCount + f.localCount
        pc = f.entry
        instance = f.instance
        suspendedType = store.types[f.typeID]
    }
}
