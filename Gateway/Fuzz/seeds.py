#!/usr/bin/env python3
"""Seed corpus for the gateway fuzzer (Gateway/Fuzz/FuzzEntry.swift; first byte = surface).

Usage: seeds.py BENCH.jsonl CONSTITUTION.policy OUT_DIR
Writes: every benchmark row as a tool call (surface 0: tool index, tier, intent length, intent,
arguments JSON) and as an MCP tools/call line (surface 1), a few protocol lines, the constitution
and single rules from it (surface 2), and each regex of the constitution with a sample text (3).
"""
import json, os, re, sys

TOOLS = ["fs_read", "fs_write", "fs_list", "fs_delete", "fs_stat", "http_fetch", "net_send", "proc_exec",
         "kv_get", "kv_put", "clock_now", "random_bytes", "log_write", "env_get", "mcp_call", "ext_weather"]

def main():
    bench, policy_path, out = sys.argv[1:4]
    os.makedirs(out, exist_ok=True)
    seeds = []
    for line in open(bench, encoding="utf-8"):
        row = json.loads(line)
        tool = TOOLS.index(row["tool"]) if row["tool"] in TOOLS else 15
        intent = (row.get("context") or {}).get("user_intent", "").encode()[:255]
        args = json.dumps(row["arguments"], ensure_ascii=False).encode()
        seeds.append(bytes([0, tool, 1, len(intent)]) + intent + args)
        call = {"jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": {"name": row["tool"], "arguments": row["arguments"]}}
        seeds.append(b"\x01" + json.dumps(call, ensure_ascii=False).encode())
    for line in ['{"jsonrpc":"2.0","id":1,"method":"tools/list"}', '{"jsonrpc":"2.0","id":2,"method":"ping"}',
                 '[{"jsonrpc":"2.0","id":3,"method":"ping"},{"jsonrpc":"2.0","method":"notifications/cancelled"}]',
                 '{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"fs_read"}}', '{"jsonrpc":"2.0","id":']:
        seeds.append(b"\x01" + line.encode())
    text = open(policy_path, encoding="utf-8").read()
    seeds.append(b"\x02" + text.encode())
    for block in text.split("\n\n"):
        if block.lstrip().startswith("rule"):
            seeds.append(b"\x02" + ("default allow\n" + block).encode())
    for pattern in re.findall(r'regex "((?:[^"\\]|\\.)*)"', text):
        seeds.append(b"\x03" + pattern.replace('\\"', '"').encode() + b"\x00" + b"read ~/.ssh/id_rsa AKIA0123456789ABCDEF then sk-" + b"a" * 40)
    for i, s in enumerate(seeds):
        with open(os.path.join(out, f"seed-{i:04d}"), "wb") as f:
            f.write(s)
    print(f"gateway-fuzz: {len(seeds)} seeds in {out}")

if __name__ == "__main__":
    main()
