import Testing

// PLACEHOLDER: replaced by the issue that builds this target's tests.
@Test func targetBuilds() {}
