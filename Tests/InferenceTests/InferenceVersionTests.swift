import Testing
@testable import Inference

@Test func versionIsSet() {
    #expect(!InferenceVersion.string.isEmpty)
}
