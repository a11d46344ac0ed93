// Typed errors of the engine: decode (malformed), validation (invalid), link and traps.

/// A runtime trap (WebAssembly §4.4: execution aborts with a trap).
public enum Trap: Error, Equatable, Sendable {
    case unreachable
    case memoryOutOfBounds
    case tableOutOfBounds
    case undefinedElement
    case uninitializedElement
    case indirectCallTypeMismatch
    case integerDivideByZero
    case integerOverflow
    case invalidConversionToInteger
    case callStackExhausted
    case valueStackExhausted
    /// Fuel ran out; the invocation is suspended and may be resumed with more fuel or aborted.
    case outOfFuel
    /// A host function refused the call (code chosen by the embedder).
    case host(code: Int32, message: String)

    /// The message the spec test suite uses for this trap.
    public var message: String {
        switch self {
        case .unreachable: return "unreachable"
        case .memoryOutOfBounds: return "out of bounds memory access"
        case .tableOutOfBounds: return "out of bounds table access"
        case .undefinedElement: return "undefined element"
        case .uninitializedElement: return "uninitialized element"
        case .indirectCallTypeMismatch: return "indirect call type mismatch"
        case .integerDivideByZero: return "integer divide by zero"
        case .integerOverflow: return "integer overflow"
        case .invalidConversionToInteger: return "invalid conversion to integer"
        case .callStackExhausted: return "call stack exhausted"
        case .valueStackExhausted: return "value stack exhausted"
        case .outOfFuel: return "out of fuel"
        case .host(let code, let message): return "host error \(code): \(message)"
        }
    }
}

/// Every error the engine reports outside a running invocation.
public enum WasmError: Error, Equatable, Sendable {
    /// The binary does not follow the binary format (§5).
    case malformed(String)
    /// The module is well-formed but does not validate (§3).
    case invalid(String)
    /// An import could not be resolved or has the wrong type.
    case link(String)
    /// A resource limit of `Limits` was exceeded.
    case limit(String)
    /// A trap during instantiation (segment initialisation or start function) or invocation.
    case trap(Trap)
    /// Misuse of the embedding API (unknown export, wrong argument count, ...).
    case usage(String)

    public var message: String {
        switch self {
        case .malformed(let m): return "malformed: \(m)"
        case .invalid(let m): return "invalid: \(m)"
        case .link(let m): return "link: \(m)"
        case .limit(let m): return "limit: \(m)"
        case .trap(let t): return "trap: \(t.message)"
        case .usage(let m): return "usage: \(m)"
        }
    }
}
