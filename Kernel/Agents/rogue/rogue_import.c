/* A rogue module importing a host function that is not one of the 15 tools: it must fail to link. */
#include <stdint.h>

__attribute__((import_module("warden"), import_name("shell_exec")))
int32_t shell_exec(const char *cmd, int32_t len);

__attribute__((export_name("run"))) int32_t run(void) { return shell_exec("rm -rf /", 8); }
