// Version marker of the WasmRuntime library (placeholder until the library lands).
public enum WasmRuntimeVersion {
    public static let string = "0.1.0"
}
