/* N-queens by bitmask backtracking: branch-heavy. run(n) = number of solutions. */
#include "fixture.h"
static long long solve(int n, u32 cols, u32 d1, u32 d2) {
    u32 all = (1u << n) - 1;
    if (cols == all) return 1;
    long long count = 0;
    u32 free = all & ~(cols | d1 | d2);
    while (free) {
        u32 bit = free & -free;
        free ^= bit;
        count += solve(n, cols | bit, (d1 | bit) << 1, (d2 | bit) >> 1);
    }
    return count;
}
EXPORT long long run(int n) { return solve(n, 0, 0, 0); }
