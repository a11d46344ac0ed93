#!/usr/bin/env python3
"""Kernel integration test: boots the agents image under QEMU/TCG, runs demo agents, reads `audit export`
from the serial console and verifies the JSON Lines on the host with `warden-audit verify`, pinning the
genesis binding to the kernel ELF's BLAKE3 and the policy file's BLAKE3; a one-byte change must fail it.

usage: audit_export_test.py --iso ISO --elf ELF --policy POLICY --warden-audit BIN [--qemu Q]
"""
import argparse, os, subprocess, sys, tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Kernel", "Host"))
import boottest  # noqa: E402

BEGIN, END = "-----BEGIN WARDEN AUDIT-----", "-----END WARDEN AUDIT-----"


def b3(path):
    return subprocess.run(["b3sum", "--no-names", path], check=True, capture_output=True, text=True).stdout.strip()


def b3_text(text):
    return subprocess.run(["b3sum", "--no-names"], input=text, check=True, capture_output=True, text=True).stdout.strip()


MODEL = "none"   # AbsentModel's identity: this image has no model module


def verify(tool, path, kernel, policy):
    r = subprocess.run([tool, "verify", path, "--kernel", kernel, "--policy", policy, "--model", b3_text(MODEL)],
                       capture_output=True, text=True)
    return r.returncode, (r.stdout + r.stderr).strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--iso", required=True)
    ap.add_argument("--elf", required=True)
    ap.add_argument("--policy", required=True)
    ap.add_argument("--warden-audit", required=True)
    ap.add_argument("--qemu", default="qemu-system-x86_64")
    a = ap.parse_args()
    inputs = [b"run assistant\r", b"run injected\r", b"run misbehave-pointers\r", b"audit export\r", b"poweroff\r"]
    status, out, _ = boottest.boot(a.qemu, a.iso, 120, inputs)
    failures = []
    if status != 0:
        failures.append(f"QEMU exit status {status}, expected 0 (poweroff)")
    text = out.replace("\r", "")
    if BEGIN not in text or END not in text:
        print("audit-export-test ... FAIL: no export block in the serial output")
        print(text[-3000:])
        return 1
    block = text.split(BEGIN, 1)[1].split(END, 1)[0].strip("\n") + "\n"
    kernel, policy = b3(a.elf), b3(a.policy)
    with tempfile.TemporaryDirectory() as tmp:
        good = os.path.join(tmp, "audit.jsonl")
        with open(good, "w") as f:
            f.write(block)
        rc, msg = verify(a.warden_audit, good, kernel, policy)
        lines = block.count("\n")
        if rc != 0:
            failures.append(f"warden-audit verify rejected the kernel's export ({lines} lines): {msg}")
        else:
            print(f"audit-export-test: {msg} (kernel {kernel[:16]}, policy {policy[:16]})")
        # Tamper: change one character of a reason in the middle of the chain; verification must fail.
        rows = block.split("\n")
        target = next(i for i, r in enumerate(rows) if '"verdict":"deny"' in r)
        rows[target] = rows[target].replace('"verdict":"deny"', '"verdict":"allw"', 1).replace('"allw"', '"allow"')
        bad = os.path.join(tmp, "tampered.jsonl")
        with open(bad, "w") as f:
            f.write("\n".join(rows))
        rc, msg = verify(a.warden_audit, bad, kernel, policy)
        if rc == 0:
            failures.append("a deny turned into allow still verifies")
        else:
            print(f"audit-export-test: tampered export rejected: {msg}")
        rc, msg = verify(a.warden_audit, good, "0" * 64, policy)
        if rc == 0:
            failures.append("the export verifies against a wrong kernel build id")
    for f in failures:
        print("audit-export-test ... FAIL: " + f)
    if not failures:
        print("audit-export-test ... ok")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
