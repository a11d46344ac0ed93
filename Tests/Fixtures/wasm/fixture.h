/* Shared by the differential/benchmark C programs: each exports `long long run(int n)`.
 * wasm:   clang --target=wasm32 -O2 -nostdlib -ffp-contract=off -Wl,--no-entry -o X.wasm X.c
 * native: clang -O2 -ffp-contract=off -o X X.c harness.c   (prints run(n) for each argument) */
#ifndef FIXTURE_H
#define FIXTURE_H
typedef unsigned int u32;
typedef unsigned long long u64;
#ifdef __wasm__
#define EXPORT __attribute__((export_name("run")))
#else
#define EXPORT
#endif
EXPORT long long run(int n);
#endif
