/* Quicksort of n pseudo-random ints (LCG) in linear memory. run(n) = position-weighted checksum. */
#include "fixture.h"
#define MAX 1000000
static int a[MAX];
static void sort(int *v, int lo, int hi) {
    while (lo < hi) {
        int p = v[(lo + hi) >> 1], i = lo, j = hi;
        while (i <= j) {
            while (v[i] < p) i++;
            while (v[j] > p) j--;
            if (i <= j) { int t = v[i]; v[i] = v[j]; v[j] = t; i++; j--; }
        }
        if (j - lo < hi - i) { sort(v, lo, j); lo = i; } else { sort(v, i, hi); hi = j; }
    }
}
EXPORT long long run(int n) {
    if (n > MAX) n = MAX;
    u32 x = 12345;
    for (int i = 0; i < n; i++) { x = x * 1103515245u + 12345u; a[i] = (int)(x >> 1) - 0x20000000; }
    sort(a, 0, n - 1);
    long long s = 0;
    for (int i = 0; i < n; i++) s = s * 31 + a[i];
    for (int i = 1; i < n; i++) if (a[i - 1] > a[i]) return -1;
    return s;
}
