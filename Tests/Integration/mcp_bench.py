#!/usr/bin/env python3
"""Throughput and latency of warden-mcp over stdio (release build): pipelined `ping`, permitted
`tools/call clock_now`, denied `tools/call fs_read` (layer 4), and lock-step round trips.
Prints one line per case: wall time and the server's CPU time per message (pipelined), or
median/p99 round-trip latency (lock-step).

Layer 3 is left out (--no-rate-limit) so every call runs the full path instead of being rate-limited.

usage: mcp_bench.py [SERVER_CMD ...]   (default: .build/release/warden-mcp --quiet --no-rate-limit)
"""
import json
import os
import resource
import subprocess
import sys
import threading
import time

N = 20_000
ROUND_TRIPS = 2_000


def start(command):
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    init = {"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}}
    proc.stdin.write(json.dumps(init).encode() + b"\n")
    proc.stdin.flush()
    proc.stdout.readline()
    return proc


def child_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def pipelined(command, name, message):
    cpu0 = child_cpu()
    proc = start(command)
    lines = b"".join(json.dumps(dict(message, id=i + 1)).encode() + b"\n" for i in range(N))
    out = []
    reader = threading.Thread(target=lambda: out.append(proc.stdout.read()))  # avoid a pipe deadlock
    t = time.perf_counter()
    reader.start()
    proc.stdin.write(lines)
    proc.stdin.close()
    reader.join()
    elapsed = time.perf_counter() - t
    replies = out[0].count(b"\n")
    proc.wait()
    cpu = child_cpu() - cpu0
    assert replies == N, f"{name}: {replies} replies for {N} requests"
    # Server CPU time (user+sys, includes start-up) is the robust figure on a shared machine.
    print(f"mcp_bench {name} n={N} wall_ms={elapsed * 1000:.0f} wall_us_per_msg={elapsed / N * 1e6:.1f} "
          f"server_cpu_us_per_msg={cpu / N * 1e6:.1f}")


def lockstep(command, name, message):
    proc = start(command)
    samples = []
    for i in range(ROUND_TRIPS):
        line = json.dumps(dict(message, id=i + 1)).encode() + b"\n"
        t = time.perf_counter()
        proc.stdin.write(line)
        proc.stdin.flush()
        proc.stdout.readline()
        samples.append(time.perf_counter() - t)
    proc.stdin.close()
    proc.wait()
    samples.sort()
    print(f"mcp_bench {name} n={ROUND_TRIPS} median_us={samples[len(samples) // 2] * 1e6:.1f} "
          f"p99_us={samples[int(len(samples) * 0.99)] * 1e6:.1f}")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    command = sys.argv[1:] or [os.path.join(here, "..", "..", ".build", "release", "warden-mcp"), "--quiet", "--no-rate-limit"]
    ping = {"jsonrpc": "2.0", "method": "ping"}
    allowed = {"jsonrpc": "2.0", "method": "tools/call", "params": {"name": "clock_now", "arguments": {}}}
    denied = {"jsonrpc": "2.0", "method": "tools/call",
              "params": {"name": "fs_read", "arguments": {"path": "/home/u/.ssh/id_rsa"}}}
    pipelined(command, "ping_pipelined", ping)
    pipelined(command, "call_allowed_pipelined", allowed)
    pipelined(command, "call_denied_pipelined", denied)
    lockstep(command, "call_allowed_roundtrip", allowed)


if __name__ == "__main__":
    main()
