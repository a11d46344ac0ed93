/* The misbehaving agent: one module, one export per misbehaviour (each has its own manifest):
 *   spin      infinite loop                      -> out of fuel
 *   grow      memory.grow until refused          -> returns the pages it reached (the manifest cap)
 *   pointers  bad, huge, overlapping host-call buffers -> bitmask of checks that behaved (0x7F = all)
 *   wild      loads far outside linear memory    -> trap "out of bounds memory access"
 *   table     calls through a forged function pointer -> trap (undefined element) */
#include "warden.h"

static char buf[512];
volatile int32_t sink;

__attribute__((export_name("spin"))) int32_t spin(void) {
    for (;;) sink++;
}

__attribute__((export_name("grow"))) int32_t grow(void) {
    while (__builtin_wasm_memory_grow(0, 1) != (__SIZE_TYPE__)-1) {}
    return (int32_t)__builtin_wasm_memory_size(0);
}

static int32_t call_raw(int32_t a, int32_t al, int32_t o, int32_t oc) {
    return warden_fs_stat((const char *)(__SIZE_TYPE__)a, al, (char *)(__SIZE_TYPE__)o, oc);
}

__attribute__((export_name("pointers"))) int32_t pointers(void) {
    int32_t ok = 0;
    const char stat_args[] = "{\"path\":\"/notes\"}";
    int32_t end = (int32_t)__builtin_wasm_memory_size(0) * 65536;
    /* 1: args pointer past the end of memory. */
    if (call_raw(end - 4, 64, (int32_t)(__SIZE_TYPE__)buf, sizeof buf) == WARDEN_E_FAULT) ok |= 1;
    /* 2: out range wrapping around 2^32. */
    if (call_raw((int32_t)(__SIZE_TYPE__)stat_args, sizeof stat_args - 1, -16, 64) == WARDEN_E_FAULT) ok |= 2;
    /* 3: huge length. */
    if (call_raw((int32_t)(__SIZE_TYPE__)stat_args, 0x7fffffff, (int32_t)(__SIZE_TYPE__)buf, sizeof buf) == WARDEN_E_FAULT) ok |= 4;
    /* 4: arguments and result in the same buffer: args are copied out before the result is written. */
    for (int32_t i = 0; i < (int32_t)sizeof stat_args; i++) buf[i] = stat_args[i];
    int32_t r = warden_fs_stat(buf, sizeof stat_args - 1, buf, sizeof buf);
    if (r > 0 && buf[0] == '{' && buf[2] == 't') ok |= 8;   /* {"type":... */
    /* 5: out buffer too small: -3 and the needed size in the first 4 bytes. */
    r = warden_fs_stat(stat_args, sizeof stat_args - 1, buf, 8);
    int32_t need = (unsigned char)buf[0] | (unsigned char)buf[1] << 8 | (unsigned char)buf[2] << 16 | (unsigned char)buf[3] << 24;
    if (r == WARDEN_E_TOO_SMALL && need > 8 && need < 200) ok |= 16;
    /* 6: not JSON. */
    if (WARDEN_CALL(fs_stat, "{path: /notes", buf, sizeof buf) == WARDEN_E_JSON) ok |= 32;
    /* 7: a schema violation is denied by layer 1 with a diagnostic text. */
    r = WARDEN_CALL(fs_stat, "{\"path\":\"/notes\",\"follow\":\"yes\"}", buf, sizeof buf);
    if (r == WARDEN_E_DENIED_SCHEMA && buf[0] == 'd') ok |= 64;
    return ok;
}

__attribute__((export_name("wild"))) int32_t wild(void) {
    volatile int32_t *p = (volatile int32_t *)(__SIZE_TYPE__)0xFFFFFFF0u;
    return *p;
}

typedef int32_t (*fn_t)(void);
volatile __SIZE_TYPE__ forged = 12345;

__attribute__((export_name("table"))) int32_t table(void) {
    fn_t f = (fn_t)forged;
    return f();
}
