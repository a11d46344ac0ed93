#!/usr/bin/env python3
"""In-kernel ablation replay test (make test): boots the eval image once under QEMU/TCG, runs
`eval <config> fake` for the 4 configs on the `evalset` boot module (the project benchmark) and
asserts each block of output lines is IDENTICAL to host `warden-eval --model fake --config <config>`
on the same file and policy, computed now; then the same for the module `evalset-agents` (rows with the
optional "agent" and "t" fields: rate-limit bursts on the row clock, per-row agents and tiers).

usage: kernel_eval_test.py --iso ISO --warden-eval BIN --set FILE --agents-set FILE --policy FILE [--qemu Q]
"""
import argparse, os, re, subprocess, sys, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Kernel", "Host"))
import boottest  # noqa: E402

CONFIGS = ["full", "no-probelogits", "probelogits-only", "rules-only"]


def kernel_blocks(text):
    """{(config, model): (lines, ms)} from `eval: begin <config> <model> <n> rows` … `eval: end <ms> ms`."""
    blocks = {}
    for m in re.finditer(r"eval: begin (\S+) (\S+) (\d+) rows(?: of (\S+))?\n(.*?)eval: end (\S+) ms", text, re.S):
        lines = [l for l in m.group(5).split("\n") if l]
        blocks[(m.group(1), m.group(2), m.group(4) or "evalset")] = (lines, float(m.group(6)))
    return blocks


def host_lines(binary, config, model, path, policy, extra=()):
    r = subprocess.run([binary, "--model", model, "--config", config, "--policy", policy, *extra, path],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"warden-eval failed ({r.returncode}): {r.stderr.strip()}")
    return [l for l in r.stdout.split("\n") if l]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--iso", required=True)
    ap.add_argument("--warden-eval", required=True)
    ap.add_argument("--set", required=True)
    ap.add_argument("--agents-set", required=True)
    ap.add_argument("--policy", required=True)
    ap.add_argument("--qemu", default="qemu-system-x86_64")
    ap.add_argument("--timeout", type=float, default=300)
    a = ap.parse_args()
    runs = [(c, "evalset", a.set) for c in CONFIGS] + [(c, "evalset-agents", a.agents_set) for c in CONFIGS]
    inputs = [f"eval {c} fake set {name}\r".encode() for c, name, _ in runs] + [b"poweroff\r"]
    t0 = time.monotonic()
    status, out, _ = boottest.boot(a.qemu, a.iso, a.timeout, inputs)
    wall = time.monotonic() - t0
    text = out.replace("\r", "")
    blocks = kernel_blocks(text)
    failures = []
    if status != 0:
        failures.append(f"QEMU exit status {status}, expected 0 (poweroff)")
    for c, name, path in runs:
        want = host_lines(a.warden_eval, c, "fake", path, a.policy)
        if (c, "fake", name) not in blocks:
            failures.append(f"{c} {name}: no `eval: begin {c} fake` … `eval: end` block in the serial output")
            continue
        got, ms = blocks[(c, "fake", name)]
        if got != want:
            diff = next((i for i in range(min(len(got), len(want))) if got[i] != want[i]), min(len(got), len(want)))
            failures.append(f"{c} {name}: kernel output differs from warden-eval at line {diff + 1}: "
                            f"kernel {got[diff] if diff < len(got) else '<end>'!r} vs host {want[diff] if diff < len(want) else '<end>'!r}")
        else:
            print(f"kernel-eval-test {name:14s} {c:17s} {len(got) - 1} rows identical to warden-eval ({ms:.0f} ms in-kernel): {got[-1]}")
    for f in failures:
        print("kernel-eval-test ... FAIL: " + f)
    if failures:
        print(text[-3000:])
        return 1
    print(f"kernel-eval-test ... ok (one boot, {wall:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
