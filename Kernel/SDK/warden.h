/* warden.h: the Warden agent SDK for C (docs/host-abi.md). Every side effect an agent can have is
 * one of these 15 imports of module "warden"; each passes the kernel's six-layer gateway. */
#ifndef WARDEN_H
#define WARDEN_H

#include <stdint.h>

/* Every tool: args = UTF-8 JSON object (args_len bytes, no NUL needed); the result JSON is written
 * to out (out_cap bytes). Returns >= 0: result bytes written; < 0: one of the codes below. */
#define WARDEN_IMPORT(name) __attribute__((import_module("warden"), import_name(#name)))
#define WARDEN_TOOL(name) \
    WARDEN_IMPORT(name) int32_t warden_##name(const char *args, int32_t args_len, char *out, int32_t out_cap)

WARDEN_TOOL(fs_read);
WARDEN_TOOL(fs_write);
WARDEN_TOOL(fs_list);
WARDEN_TOOL(fs_delete);
WARDEN_TOOL(fs_stat);
WARDEN_TOOL(http_fetch);
WARDEN_TOOL(net_send);
WARDEN_TOOL(proc_exec);
WARDEN_TOOL(kv_get);
WARDEN_TOOL(kv_put);
WARDEN_TOOL(clock_now);
WARDEN_TOOL(random_bytes);
WARDEN_TOOL(log_write);
WARDEN_TOOL(env_get);
WARDEN_TOOL(mcp_call);

/* Result codes (docs/host-abi.md §Result codes). On every negative code except WARDEN_E_FAULT a
 * NUL-terminated diagnostic text is written to out (truncated to out_cap - 1 bytes) if out_cap > 0;
 * on WARDEN_E_TOO_SMALL the first 4 bytes of out hold the needed size (little endian) instead. */
#define WARDEN_E_FAULT       (-1)  /* args or out range outside linear memory: nothing happened */
#define WARDEN_E_JSON        (-2)  /* args are not a UTF-8 JSON object: nothing happened */
#define WARDEN_E_TOO_SMALL   (-3)  /* allowed and executed, but the result did not fit out_cap */
#define WARDEN_E_TOOL        (-4)  /* allowed, but the tool failed (not found, quota, ...) */
#define WARDEN_E_EGRESS      (-5)  /* allowed, but no egress peer carried out the network/exec call */
#define WARDEN_E_AUDIT       (-6)  /* denied: the decision could not be recorded in the audit log */
#define WARDEN_E_BUSY        (-7)  /* a host call was already in progress (re-entrancy refused) */
#define WARDEN_E_DENIED_BASE (-10) /* -10 - N: denied by gateway layer N (1..6) */
#define WARDEN_E_DENIED_SCHEMA      (-11)
#define WARDEN_E_DENIED_TIER        (-12)
#define WARDEN_E_DENIED_RATE        (-13)
#define WARDEN_E_DENIED_ADVERSARIAL (-14)
#define WARDEN_E_DENIED_PROBELOGITS (-15)
#define WARDEN_E_DENIED_POLICY      (-16)

/* True for the six "denied by layer N" codes; warden_denied_layer gives N. */
static inline int warden_is_denied(int32_t r) { return r <= -11 && r >= -16; }
static inline int warden_denied_layer(int32_t r) { return warden_is_denied(r) ? (int)(-10 - r) : 0; }

/* Convenience for string literals: WARDEN_CALL(fs_read, "{\"path\":\"/a\"}", buf, sizeof buf). */
#define WARDEN_CALL(tool, lit, out, cap) warden_##tool((lit), (int32_t)(sizeof(lit) - 1), (out), (int32_t)(cap))

#endif
