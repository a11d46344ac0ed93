// Typed values at the embedding boundary (invoke arguments/results), converted to and from slots.

public enum Value: Equatable, Sendable {
    case i32(UInt32)
    case i64(UInt64)
    case f32(UInt32)          // bit pattern
    case f64(UInt64)          // bit pattern
    case funcref(Int?)        // store function address, nil = null
    case externref(UInt64?)   // host value, nil = null

    var slot: UInt64 {
        switch self {
        case .i32(let v): return UInt64(v)
        case .i64(let v): return v
        case .f32(let v): return UInt64(v)
        case .f64(let v): return v
        case .funcref(let a): return a.map { UInt64($0) + 1 } ?? 0
        case .externref(let v): return v.map { $0 &+ 1 } ?? 0
        }
    }

    static func from(slot: UInt64, type: ValueType) -> Value {
        switch type {
        case .i32: return .i32(UInt32(truncatingIfNeeded: slot))
        case .i64: return .i64(slot)
        case .f32: return .f32(UInt32(truncatingIfNeeded: slot))
        case .f64, .v128: return .f64(slot)
        case .funcref: return .funcref(slot == 0 ? nil : Int(slot - 1))
        case .externref: return .externref(slot == 0 ? nil : slot &- 1)
        }
    }

    public var type: ValueType {
        switch self {
        case .i32: return .i32
        case .i64: return .i64
        case .f32: return .f32
        case .f64: return .f64
        case .funcref: return .funcref
        case .externref: return .externref
        }
    }
}
