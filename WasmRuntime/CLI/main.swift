// Host CLI placeholder; replaced by the owning issue.
import WasmRuntime
print("not implemented yet: \(WasmRuntimeVersion.string)")
