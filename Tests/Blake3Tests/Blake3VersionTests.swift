import Testing
@testable import Blake3

@Test func versionIsSet() {
    #expect(!Blake3Version.string.isEmpty)
}
