/* warden_rt.c: the minimal C runtime an Embedded Swift agent links (allocation and memory
 * primitives the Swift object references). A bump allocator over memory.grow; free is a no-op:
 * agents are short-lived, and their memory is capped by the manifest. */
#include <stddef.h>
#include <stdint.h>

extern unsigned char __heap_base;
static uintptr_t heap_top;
static uintptr_t heap_end;

int posix_memalign(void **out, size_t align, size_t size) {
    if (align < 16) align = 16;
    if (heap_top == 0) {
        heap_top = (uintptr_t)&__heap_base;
        heap_end = __builtin_wasm_memory_size(0) * 65536u;
    }
    uintptr_t p = (heap_top + align - 1) & ~(uintptr_t)(align - 1);
    if (p + size < p) return 12;
    if (p + size > heap_end) {
        size_t need = (p + size - heap_end + 65535u) / 65536u;
        if (__builtin_wasm_memory_grow(0, need) == (size_t)-1) return 12; /* ENOMEM */
        heap_end += need * 65536u;
    }
    heap_top = p + size;
    *out = (void *)p;
    return 0;
}

void free(void *p) { (void)p; }

void *memset(void *d, int c, size_t n) {
    unsigned char *p = d;
    while (n--) *p++ = (unsigned char)c;
    return d;
}

void *memcpy(void *d, const void *s, size_t n) {
    unsigned char *a = d;
    const unsigned char *b = s;
    while (n--) *a++ = *b++;
    return d;
}

void *memmove(void *d, const void *s, size_t n) {
    unsigned char *a = d;
    const unsigned char *b = s;
    if (a < b) { while (n--) *a++ = *b++; }
    else { a += n; b += n; while (n--) *--a = *--b; }
    return d;
}

int memcmp(const void *x, const void *y, size_t n) {
    const unsigned char *a = x, *b = y;
    for (; n; n--, a++, b++) if (*a != *b) return *a - *b;
    return 0;
}
