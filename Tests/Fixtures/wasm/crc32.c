/* Table-driven CRC-32 (IEEE) over n pseudo-random bytes: load/shift heavy. run(n) = crc. */
#include "fixture.h"
static u32 table[256];
static unsigned char buf[65536];
EXPORT long long run(int n) {
    for (u32 i = 0; i < 256; i++) {
        u32 c = i;
        for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
    u32 x = 7;
    for (int i = 0; i < 65536; i++) { x = x * 1664525u + 1013904223u; buf[i] = (unsigned char)(x >> 24); }
    u32 crc = 0xFFFFFFFFu;
    for (int i = 0; i < n; i++) crc = table[(crc ^ buf[i & 65535]) & 0xFF] ^ (crc >> 8);
    return (long long)(crc ^ 0xFFFFFFFFu);
}
