// Warden.swift: the Warden agent SDK for Embedded Swift (docs/host-abi.md). The 15 imports of
// module "warden" plus a small allocation-free helper layer; compile it together with the agent.

// MARK: Imports (one per gateway-mediated tool; signature (args, args_len, out, out_cap) -> Int32)

@_extern(wasm, module: "warden", name: "fs_read") @_extern(c)
func warden_fs_read(_ args: UnsafePointer<UInt8>?, _ argsLen: Int32, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int32) -> Int32

@_extern(wasm, module: "warden", name: "fs_write") @_extern(c)
func warden_fs_write(_ args: UnsafePointer<UInt8>?, _ argsLen: Int32, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int32) -> Int32

@_extern(wasm, module: "warden", name: "fs_list") @_extern(c)
func warden_fs_list(_ args: UnsafePointer<UInt8>?, _ argsLen: Int32, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int32) -> Int32

@_extern(wasm, module: "warden", name: "fs_delete") @_extern(c)
func warden_fs_delete(_ args: UnsafePointer<UInt8>?, _ argsLen: Int32, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int32) -> Int32

@_extern(wasm, module: "warden", name: "fs_stat") @_extern(c)
func warden_fs_stat(_ args: UnsafePointer<UInt8>?, _ argsLen: Int32, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int32) -> Int32

@_extern(wasm, module: "warden", name: "http_fetch") @_extern(c)
func warden_http_fetch(_ args: UnsafePointer<UInt8>?, _ argsLen: Int32, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int32) -> Int32

@_extern(wasm, module: "warden", name: "net_send") @_extern(c)
func warden_net_send(_ args: UnsafePointer<UInt8>?, _ argsLen: Int32, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int32) -> Int32

@_extern(wasm, module: "warden", name: "proc_exec") @_extern(c)
func warden_proc_exec(_ args: UnsafePointer<UInt8>?, _ argsLen: Int32, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int32) -> Int32

@_extern(wasm, module: "warden", name: "kv_get") @_extern(c)
func warden_kv_get(_ args: UnsafePointer<UInt8>?, _ argsLen: Int32, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int32) -> Int32

@_extern(wasm, module: "warden", name: "kv_put") @_extern(c)
func warden_kv_put(_ args: UnsafePointer<UInt8>?, _ argsLen: Int32, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int32) -> Int32

@_extern(wasm, module: "warden", name: "clock_now") @_extern(c)
func warden_clock_now(_ args: UnsafePointer<UInt8>?, _ argsLen: Int32, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int32) -> Int32

@_extern(wasm, module: "warden", name: "random_bytes") @_extern(c)
func warden_random_bytes(_ args: UnsafePointer<UInt8>?, _ argsLen: Int32, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int32) -> Int32

@_extern(wasm, module: "warden", name: "log_write") @_extern(c)
func warden_log_write(_ args: UnsafePointer<UInt8>?, _ argsLen: Int32, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int32) -> Int32

@_extern(wasm, module: "warden", name: "env_get") @_extern(c)
func warden_env_get(_ args: UnsafePointer<UInt8>?, _ argsLen: Int32, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int32) -> Int32

@_extern(wasm, module: "warden", name: "mcp_call") @_extern(c)
func warden_mcp_call(_ args: UnsafePointer<UInt8>?, _ argsLen: Int32, _ out: UnsafeMutablePointer<UInt8>?, _ outCap: Int32) -> Int32

// MARK: Result codes (docs/host-abi.md §Result codes)

public enum WardenCode {
    public static let fault: Int32 = -1
    public static let json: Int32 = -2
    public static let tooSmall: Int32 = -3
    public static let tool: Int32 = -4
    public static let egress: Int32 = -5
    public static let audit: Int32 = -6
    public static let busy: Int32 = -7
    /// -10 - N: denied by gateway layer N (1...6).
    public static func deniedLayer(_ r: Int32) -> Int32 { r <= -11 && r >= -16 ? -10 - r : 0 }
}

// MARK: Tools by name

/// The 15 tools; `call` dispatches to the matching import.
public enum WardenTool {
    case fsRead, fsWrite, fsList, fsDelete, fsStat, httpFetch, netSend, procExec
    case kvGet, kvPut, clockNow, randomBytes, logWrite, envGet, mcpCall

    /// Calls the tool with `argsLen` bytes of JSON at `args`, writing the result to `out`.
    public func call(_ args: UnsafePointer<UInt8>, _ argsLen: Int, _ out: UnsafeMutablePointer<UInt8>, _ outCap: Int) -> Int32 {
        let n = Int32(truncatingIfNeeded: argsLen), c = Int32(truncatingIfNeeded: outCap)
        switch self {
        case .fsRead: return warden_fs_read(args, n, out, c)
        case .fsWrite: return warden_fs_write(args, n, out, c)
        case .fsList: return warden_fs_list(args, n, out, c)
        case .fsDelete: return warden_fs_delete(args, n, out, c)
        case .fsStat: return warden_fs_stat(args, n, out, c)
        case .httpFetch: return warden_http_fetch(args, n, out, c)
        case .netSend: return warden_net_send(args, n, out, c)
        case .procExec: return warden_proc_exec(args, n, out, c)
        case .kvGet: return warden_kv_get(args, n, out, c)
        case .kvPut: return warden_kv_put(args, n, out, c)
        case .clockNow: return warden_clock_now(args, n, out, c)
        case .randomBytes: return warden_random_bytes(args, n, out, c)
        case .logWrite: return warden_log_write(args, n, out, c)
        case .envGet: return warden_env_get(args, n, out, c)
        case .mcpCall: return warden_mcp_call(args, n, out, c)
        }
    }

    /// Calls the tool with a static JSON literal as arguments.
    public func call(_ json: StaticString, _ out: UnsafeMutablePointer<UInt8>, _ outCap: Int) -> Int32 {
        call(json.utf8Start, json.utf8CodeUnitCount, out, outCap)
    }
}
