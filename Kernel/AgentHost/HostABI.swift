// The host-function ABI of docs/host-abi.md: import module name, the uniform signature of the
// 15 tools and the result codes. The SDK (Kernel/SDK/warden.h, Warden.swift) mirrors these values.

import WasmRuntime
import Gateway

public enum HostABI {
    /// The import module every tool lives in.
    public static let moduleName = "warden"
    /// `i32 tool(i32 args_ptr, i32 args_len, i32 out_ptr, i32 out_cap)`.
    public static let signature = FuncType([.i32, .i32, .i32, .i32], [.i32])
}

/// Negative results of a host call (≥ 0 is the number of result bytes written).
public enum HostResultCode: Int32, Sendable, CaseIterable {
    /// args or out range outside linear memory; nothing happened, nothing audited.
    case fault = -1
    /// args are not a UTF-8 JSON object; nothing happened, nothing audited.
    case badJSON = -2
    /// Allowed and executed, but the result did not fit; out[0..<4] = needed size (LE) if out_cap ≥ 4.
    case outTooSmall = -3
    /// Allowed, but the tool failed (not found, quota, provider error).
    case toolFailed = -4
    /// Allowed, but the egress peer is absent or did not carry out the call.
    case egressUnavailable = -5
    /// Denied: the decision could not be appended to the audit log.
    case auditUnavailable = -6
    /// A host call was already in progress on this system (re-entrancy refused).
    case busy = -7
    case deniedSchema = -11
    case deniedTrustTier = -12
    case deniedRateLimit = -13
    case deniedAdversarial = -14
    case deniedProbeLogits = -15
    case deniedPolicy = -16

    /// The code for "denied by layer N".
    public static func denied(by layer: LayerID) -> HostResultCode {
        HostResultCode(rawValue: -10 - Int32(layer.rawValue))!
    }

    /// The layer of a "denied by layer N" code, nil for the other codes.
    public var deniedLayer: LayerID? {
        rawValue <= -11 && rawValue >= -16 ? LayerID(rawValue: Int(-10 - rawValue)) : nil
    }
}
