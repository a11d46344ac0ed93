import Testing
@testable import Gateway

@Test func tiersAreOrdered() {
    #expect(TrustTier.system > TrustTier.classic)
}
