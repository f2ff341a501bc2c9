import Testing
import Tickets

struct RetryBackoffTests {
    @Test("waits double per failure within the jitter band, capped at five minutes", arguments: [
        (1, 0.5, 1.0), (2, 1.0, 2.0), (3, 2.0, 4.0), (9, 128.0, 256.0), (10, 150.0, 300.0), (1_000, 150.0, 300.0),
    ])
    func band(failures: Int, low: Double, high: Double) {
        let backoff = RetryBackoff()
        #expect(backoff.delay(afterFailures: failures, randomUnit: 0) == low)
        #expect(backoff.delay(afterFailures: failures, randomUnit: 1) == high)
        let middle = backoff.delay(afterFailures: failures, randomUnit: 0.5)
        #expect(middle > low && middle < high)
    }

    @Test("out-of-range input stays in range")
    func clamped() {
        let backoff = RetryBackoff()
        #expect(backoff.delay(afterFailures: 0, randomUnit: -3) == 0.5)
        #expect(backoff.delay(afterFailures: -5, randomUnit: 7) == 1.0)
    }
}
