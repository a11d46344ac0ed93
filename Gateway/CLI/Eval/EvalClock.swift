// warden-eval's clock: real monotonic time (for per-layer latency) plus a virtual offset advanced
// one second per row, so rate-limit buckets see rows as spaced calls rather than one burst.

import Gateway
#if canImport(Glibc)
import Glibc
#endif

struct EvalClock: MonotonicClock {
    var virtualOffsetNs: UInt64 = 0

    mutating func nanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec) + virtualOffsetNs
    }
}
