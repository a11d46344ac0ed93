import Testing
@testable import WasmRuntime

@Test func versionIsSet() {
    #expect(!WasmRuntimeVersion.string.isEmpty)
}
