import Testing
@testable import AgentHost

@Test func versionIsSet() {
    #expect(!AgentHostVersion.string.isEmpty)
}
