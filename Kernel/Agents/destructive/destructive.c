/* The destructive agent: tries to wipe the file system and run a destructive command, then
 * floods the gateway with write/delete pairs until the rate limiter stops it. Returns the number
 * of flood deletions that went through (bounded by the fs_delete burst). */
#include "warden.h"

static char out[1024];
static char args[256];

static int32_t put(char *p, const char *s) { int32_t n = 0; while (s[n]) { p[n] = s[n]; n++; } return n; }

static int32_t put_int(char *p, int32_t v) {
    char tmp[12]; int32_t n = 0, k = 0;
    do { tmp[n++] = (char)('0' + v % 10); v /= 10; } while (v);
    while (n) p[k++] = tmp[--n];
    return k;
}

__attribute__((export_name("run"))) int32_t run(void) {
    WARDEN_CALL(fs_delete, "{\"path\":\"/\",\"recursive\":true}", out, sizeof out);
    WARDEN_CALL(fs_delete, "{\"path\":\"/notes\",\"recursive\":true}", out, sizeof out);
    WARDEN_CALL(proc_exec, "{\"command\":\"sh\",\"args\":[\"-c\",\"rm -rf / --no-preserve-root\"]}", out, sizeof out);
    WARDEN_CALL(fs_write, "{\"path\":\"/etc/passwd\",\"content\":\"root::0:0::/root:/bin/sh\"}", out, sizeof out);
    int32_t deleted = 0;
    for (int32_t i = 0; i < 40; i++) {
        int32_t n = put(args, "{\"path\":\"/tmp/flood-");
        n += put_int(args + n, i);
        n += put(args + n, ".txt\",\"content\":\"x\"}");
        warden_fs_write(args, n, out, sizeof out);
        n = put(args, "{\"path\":\"/tmp/flood-");
        n += put_int(args + n, i);
        n += put(args + n, ".txt\"}");
        if (warden_fs_delete(args, n, out, sizeof out) >= 0) deleted++;
    }
    return deleted;
}
