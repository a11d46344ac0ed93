/* Benchmark agent: `run` makes 10 000 clock_now calls, `reads` 10 000 fs_read calls of a small
 * note; each is a full governed host call (copy-in, parse, six layers, audit append, provider,
 * copy-out). Returns the number of calls that succeeded. */
#include "warden.h"

static char out[1024];

__attribute__((export_name("run"))) int32_t run(void) {
    int32_t ok = 0;
    for (int32_t i = 0; i < 10000; i++)
        if (WARDEN_CALL(clock_now, "{\"clock\":\"monotonic\"}", out, sizeof out) > 0) ok++;
    return ok;
}

__attribute__((export_name("reads"))) int32_t reads(void) {
    int32_t ok = 0;
    for (int32_t i = 0; i < 10000; i++)
        if (WARDEN_CALL(fs_read, "{\"path\":\"/notes/ideas.txt\"}", out, sizeof out) > 0) ok++;
    return ok;
}
