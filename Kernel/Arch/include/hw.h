// Inline-assembly intrinsics Swift cannot express (port I/O, CPUID, TSC, control registers, RDRAND),
// and the interrupt frame layout pushed by Boot/isr.asm. Nothing else belongs here.
#pragma once
#include <stdint.h>

struct interrupt_frame {
    uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
    uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
    uint64_t vector, error_code;
    uint64_t rip, cs, rflags, rsp, ss;   // pushed by the CPU
};

static inline void hw_outb(uint16_t port, uint8_t v) { __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port)); }
static inline void hw_outw(uint16_t port, uint16_t v) { __asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port)); }
static inline void hw_outl(uint16_t port, uint32_t v) { __asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port)); }
static inline uint8_t hw_inb(uint16_t port) { uint8_t v; __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port)); return v; }

static inline uint64_t hw_rdtsc(void) {
    uint32_t lo, hi;
    __asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

struct cpuid_result { uint32_t eax, ebx, ecx, edx; };
static inline struct cpuid_result hw_cpuid(uint32_t leaf, uint32_t subleaf) {
    struct cpuid_result r;
    __asm__ volatile("cpuid" : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx) : "a"(leaf), "c"(subleaf));
    return r;
}
static inline uint64_t hw_xgetbv(uint32_t index) {
    uint32_t lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(index));
    return ((uint64_t)hi << 32) | lo;
}

static inline uint64_t hw_read_cr0(void) { uint64_t v; __asm__ volatile("mov %%cr0, %0" : "=r"(v)); return v; }
static inline uint64_t hw_read_cr2(void) { uint64_t v; __asm__ volatile("mov %%cr2, %0" : "=r"(v)); return v; }
static inline uint64_t hw_read_cr3(void) { uint64_t v; __asm__ volatile("mov %%cr3, %0" : "=r"(v)); return v; }
static inline uint64_t hw_read_cr4(void) { uint64_t v; __asm__ volatile("mov %%cr4, %0" : "=r"(v)); return v; }

static inline void hw_sti(void) { __asm__ volatile("sti" ::: "memory"); }
static inline void hw_cli(void) { __asm__ volatile("cli" ::: "memory"); }
static inline void hw_hlt(void) { __asm__ volatile("hlt" ::: "memory"); }
/// Enables interrupts and halts atomically (no wake-up lost between the two).
static inline void hw_sti_hlt(void) { __asm__ volatile("sti; hlt" ::: "memory"); }
static inline void hw_pause(void) { __asm__ volatile("pause"); }
static inline uint64_t hw_read_rflags(void) { uint64_t v; __asm__ volatile("pushfq; popq %0" : "=r"(v)); return v; }

/// RDRAND/RDSEED: returns 1 and stores a value on success, 0 when the DRNG had nothing ready.
static inline int hw_rdrand64(uint64_t *out) {
    unsigned char ok; uint64_t v;
    __asm__ volatile("rdrand %0; setc %1" : "=r"(v), "=qm"(ok) : : "cc");
    *out = v; return ok;
}
static inline int hw_rdseed64(uint64_t *out) {
    unsigned char ok; uint64_t v;
    __asm__ volatile("rdseed %0; setc %1" : "=r"(v), "=qm"(ok) : : "cc");
    *out = v; return ok;
}

/// Loads an empty IDT and raises an interrupt: the CPU triple-faults and resets (last-resort reboot).
static inline void hw_triple_fault(void) {
    struct __attribute__((packed)) { uint16_t limit; uint64_t base; } empty = {0, 0};
    __asm__ volatile("lidt %0; int3" : : "m"(empty));
}

/// Linker-script and assembly symbols (addresses only).
extern char __kernel_start[];
extern char __kernel_end[];
extern char early_heap_start[];
extern char early_heap_end[];
extern uint32_t vector_save_mode;
extern uint32_t vector_save_size;

static inline uint64_t hw_kernel_start(void) { return (uint64_t)__kernel_start; }
static inline uint64_t hw_kernel_end(void) { return (uint64_t)__kernel_end; }
static inline uint64_t hw_early_heap_start(void) { return (uint64_t)early_heap_start; }
static inline uint64_t hw_early_heap_end(void) { return (uint64_t)early_heap_end; }
static inline uint32_t hw_vector_save_mode(void) { return vector_save_mode; }
static inline uint32_t hw_vector_save_size(void) { return vector_save_size; }
