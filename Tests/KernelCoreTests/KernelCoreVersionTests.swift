import Testing
@testable import KernelCore

@Test func versionIsSet() {
    #expect(!KernelCoreVersion.string.isEmpty)
}
