#!/usr/bin/env python3
"""QEMU boot-test harness: boots each case of Tests/Boot/cases.txt under TCG, feeds its console input,
and fails on a wrong exit status, a timeout, or an expected line missing (expectations match in order, as
substrings of output lines). With --bench, prints boot-time figures instead of checking output.
"""
import argparse, os, select, subprocess, sys, time

QEMU_ARGS = ["-accel", "tcg", "-cpu", "max", "-m", "1G", "-display", "none", "-no-reboot",
             "-serial", "stdio", "-monitor", "none",
             "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
PROMPT = b"warden> "


def load_cases(folder):
    cases = []
    with open(os.path.join(folder, "cases.txt")) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, iso, status, timeout, expect, inp = [p.strip() for p in line.split("|")]
            cases.append(dict(name=name, iso=iso, status=int(status), timeout=float(timeout),
                              expect=os.path.join(folder, expect), input=os.path.join(folder, inp) if inp else None))
    return cases


def input_lines(path):
    """Console input: one line per command; @LONGLINE = 250 characters; \\b = backspace."""
    lines = []
    with open(path) as f:
        for raw in f:
            raw = raw.rstrip("\n")
            if raw == "@LONGLINE":
                raw = "x" * 250
            lines.append(raw.replace("\\b", "\x7f").encode() + b"\r")
    return lines


def boot(qemu, iso, timeout, inputs):
    """Runs QEMU; sends the next input line each time a new prompt appears. Returns (status, output, t_first_prompt)."""
    start = time.monotonic()
    p = subprocess.Popen([qemu, *QEMU_ARGS, "-cdrom", iso], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT)
    out = bytearray()
    prompts_seen = 0
    first_prompt = None
    pending = list(inputs)
    status = None
    while True:
        remaining = timeout - (time.monotonic() - start)
        if remaining <= 0:
            p.kill()
            p.wait()
            return None, out.decode(errors="replace"), first_prompt
        r, _, _ = select.select([p.stdout], [], [], min(remaining, 0.5))
        if r:
            chunk = os.read(p.stdout.fileno(), 65536)
            if not chunk:
                status = p.wait()
                break
            out += chunk
            n = out.count(PROMPT)
            if n > prompts_seen:
                if first_prompt is None:
                    first_prompt = time.monotonic() - start
                prompts_seen = n
                if pending:
                    p.stdin.write(pending.pop(0))
                    p.stdin.flush()
                    # Leave the console time to echo before the next prompt is counted.
    return status, out.decode(errors="replace"), first_prompt


def check(case, status, output):
    problems = []
    if status is None:
        problems.append(f"timeout after {case['timeout']:.0f} s")
    elif status != case["status"]:
        problems.append(f"exit status {status}, expected {case['status']}")
    lines = output.replace("\r", "").split("\n")
    pos = 0
    with open(case["expect"]) as f:
        for want in (l.rstrip("\n") for l in f):
            if not want or want.startswith("#"):
                continue
            while pos < len(lines) and want not in lines[pos]:
                pos += 1
            if pos == len(lines):
                problems.append(f"missing line: {want!r}")
                break
            pos += 1
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--qemu", default="qemu-system-x86_64")
    ap.add_argument("--dir", default="Tests/Boot")
    ap.add_argument("--iso-dir", default="build/kernel")
    ap.add_argument("--bench", action="store_true")
    ap.add_argument("--elf")
    a = ap.parse_args()
    cases = load_cases(a.dir)
    if a.bench:
        return bench(a, cases)
    failed = 0
    t0 = time.monotonic()
    for case in cases:
        inputs = input_lines(case["input"]) if case["input"] else []
        t = time.monotonic()
        status, output, _ = boot(a.qemu, os.path.join(a.iso_dir, case["iso"]), case["timeout"], inputs)
        problems = check(case, status, output)
        took = time.monotonic() - t
        if problems:
            failed += 1
            print(f"boot-test {case['name']} ... FAIL ({took:.1f} s)")
            for pr in problems:
                print(f"    {pr}")
            print("    --- serial output ---")
            for line in output.replace("\r", "").split("\n")[-40:]:
                print(f"    | {line}")
        else:
            print(f"boot-test {case['name']} ... ok ({took:.1f} s)")
    print(f"boot-test: {len(cases) - failed}/{len(cases)} passed in {time.monotonic() - t0:.1f} s")
    return 1 if failed else 0


def bench(a, cases):
    console = next(c for c in cases if c["name"] == "console")
    iso = os.path.join(a.iso_dir, console["iso"])
    runs = []
    for _ in range(3):
        status, output, first_prompt = boot(a.qemu, iso, console["timeout"], [b"poweroff\r"])
        ready = [l for l in output.replace("\r", "").split("\n") if "warden: ready in" in l]
        runs.append((first_prompt, ready[0] if ready else "(no ready line)"))
    for i, (fp, line) in enumerate(runs):
        print(f"boot-bench run {i + 1}: prompt {fp:.2f} s after QEMU start (wall); kernel: {line.strip()}")
    if a.elf:
        print(f"boot-bench kernel ELF: {os.path.getsize(a.elf)} bytes ({a.elf})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
