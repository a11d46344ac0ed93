/* A rogue module importing fs_delete with a different signature (no out buffer): it must fail to link. */
#include <stdint.h>

__attribute__((import_module("warden"), import_name("fs_delete")))
int32_t fs_delete_raw(const char *path, int32_t len);

__attribute__((export_name("run"))) int32_t run(void) { return fs_delete_raw("/", 1); }
