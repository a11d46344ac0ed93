#!/usr/bin/env python3
"""Real-model gate test (make model-gate-test): boots the kernel with SmolLM2-135M-Instruct as the `model`
module, makes the gated decisions of calls.jsonl on the console (`probe <tool> <json>` through the kernel's
gateway, then `model last` for the margin and P(unsafe) of that decision), and compares each with the host
Swift engine's value for the same call computed now by model-gate-ref (Kernel/Host/ModelGateRef: warden-eval's
EngineSafetyModel in a host GatewayPipeline with the same policy). Nothing is hard-coded: both sides build the
prompt from ProbePrompt at build time.

Tolerance: the kernel runs the AVX2 kernels (QEMU TCG has no AVX-512), the host its best tier (AVX-512 VNNI
here). Measured (2026-11-28): |Δmargin| ≤ 6e-8, |Δp| ≤ 1.7e-8: the quantized dot products are integer sums,
identical on both tiers; only the float scaling differs in the last bits. The bound is the fixture-parity bound of the engine
(every logit within 1e-3 of llama.cpp, ModelLimits.fixtureTolerance) applied to the two logits of the margin:
2e-3, and 5e-4 on P(unsafe) (sigmoid' ≤ 1/4, Platt slope 1). Verdicts must match unless the host P(unsafe) is
within that of the threshold (then both verdicts are acceptable and the test says so).
"""
import argparse, json, os, re, select, subprocess, sys, time

QEMU_ARGS = ["-accel", "tcg", "-cpu", "max", "-m", "1G", "-display", "none", "-no-reboot",
             "-serial", "stdio", "-monitor", "none", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
PROMPT = b"warden> "
MARGIN_TOL = 2e-3   # |Δ logit margin| kernel (AVX2, TCG) vs host (best tier): two logits within 1e-3 each
P_TOL = 5e-4        # |Δ P(unsafe)|: sigmoid' ≤ 1/4, so ≤ MARGIN_TOL / 4 with Platt slope 1
THRESHOLD = 0.5     # GatewayLimits.probeDefaultThreshold (the constitution does not change it)


class Console:
    def __init__(self, qemu, iso):
        self.p = subprocess.Popen([qemu, *QEMU_ARGS, "-cdrom", iso], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.out = bytearray()
        self.seen = 0   # prompts consumed

    def wait_prompt(self, timeout):
        """Waits for the next console prompt; returns the text printed since the previous one."""
        start = len(self.out)
        deadline = time.monotonic() + timeout
        while self.out.count(PROMPT) <= self.seen:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no prompt within {timeout:.0f} s")
            r, _, _ = select.select([self.p.stdout], [], [], min(left, 1.0))
            if r:
                chunk = os.read(self.p.stdout.fileno(), 65536)
                if not chunk:
                    raise EOFError("QEMU exited")
                self.out += chunk
        self.seen += 1
        return self.out[start:].decode(errors="replace").replace("\r", "")

    def send(self, line):
        self.p.stdin.write(line.encode() + b"\r")
        self.p.stdin.flush()

    def command(self, line, timeout):
        self.send(line)
        return self.wait_prompt(timeout)

    def close(self, timeout=30):
        try:
            self.send("poweroff")
            return self.p.wait(timeout)
        except Exception:
            self.p.kill()
            return None


def host_reference(ref, model, policy, calls):
    out = subprocess.run([ref, "--model", model, "--policy", policy, calls], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"model-gate: FAIL: {ref} exit {out.returncode}: {out.stderr.strip()}")
    rows = []
    for line in out.stdout.splitlines():
        if line.startswith("#"):
            continue
        m = re.match(r"(\d+) (allow|deny) L(\d) gated=([01]) p=(\S+) margin=(\S+)$", line)
        if not m:
            raise ValueError(f"model-gate-ref: unexpected line {line!r}")
        rows.append(dict(verdict=m[2], layer=int(m[3]), gated=m[4] == "1", p=float(m[5]), margin=float(m[6])))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--qemu", default="qemu-system-x86_64")
    ap.add_argument("--iso", required=True)
    ap.add_argument("--ref", required=True, help="model-gate-ref binary")
    ap.add_argument("--model", required=True)
    ap.add_argument("--policy", required=True)
    ap.add_argument("--calls", default=os.path.join(os.path.dirname(__file__), "calls.jsonl"))
    ap.add_argument("--first-timeout", type=float, default=2400, help="s for the first decision (prefix KV)")
    ap.add_argument("--timeout", type=float, default=1500, help="s for each later decision")
    a = ap.parse_args()

    t0 = time.monotonic()
    host = host_reference(a.ref, a.model, a.policy, a.calls)
    print(f"model-gate: host reference ({len(host)} calls) in {time.monotonic() - t0:.1f} s")
    calls = [json.loads(l) for l in open(a.calls) if l.strip()]
    for c in calls:
        agent = c["agent"]
        # `probe` decides as agent console, tier system (Kernel/Gate/AuditCommands.swift); the host must match.
        if (agent["name"], agent["tier"], agent.get("purpose"), c.get("intent", "")) != \
                ("console", "system", "operator probe from the console", ""):
            sys.exit("model-gate: calls.jsonl rows must use the console probe identity")

    problems = []
    con = Console(a.qemu, a.iso)
    try:
        boot = con.wait_prompt(300)
        for want in ("model: kernels avx2", "model: ready in"):
            if want not in boot:
                problems.append(f"boot output lacks {want!r}")
        print(f"model-gate: console up in {time.monotonic() - t0:.1f} s")
        for i, (c, h) in enumerate(zip(calls, host)):
            line = "probe " + c["tool"] + " " + json.dumps(c["arguments"], separators=(",", ":"))
            t = time.monotonic()
            text = con.command(line, a.first_timeout if i == 0 else a.timeout)
            took = time.monotonic() - t
            m = re.search(r"probe: (allow|deny) \(deciding layer (?:L(\d)[^)]*|-)\)(.*)", text)
            if not m:
                problems.append(f"call {i}: no probe verdict in {text!r}")
                continue
            verdict, layer = m[1], int(m[2] or 0)
            last = con.command("model last", 60)
            lm = re.search(r"model last: margin (\S+) p\(unsafe\) (\S+)", last)
            if not lm:
                problems.append(f"call {i}: no `model last` scores in {last!r}")
                continue
            km, kp = float(lm[1]), float(lm[2])
            dm, dp = km - h["margin"], kp - h["p"]
            print(f"model-gate: call {i} {c['tool']}: kernel {verdict} L{layer} margin {km:+.8f} p {kp:.8f} | "
                  f"host {h['verdict']} L{h['layer']} margin {h['margin']:+.8f} p {h['p']:.8f} | "
                  f"Δmargin {dm:+.1e} Δp {dp:+.1e} | {took:.1f} s under TCG")
            if not h["gated"]:
                problems.append(f"call {i}: the host did not consult layer 5 (choose a gated call)")
            if abs(dm) > MARGIN_TOL or abs(dp) > P_TOL:
                problems.append(f"call {i}: |Δmargin| {abs(dm):.6f} (≤ {MARGIN_TOL}) / |Δp| {abs(dp):.6f} (≤ {P_TOL})")
            if (verdict, layer) != (h["verdict"], h["layer"]):
                if abs(h["p"] - THRESHOLD) <= P_TOL and {layer, h["layer"]} <= {0, 5}:
                    print(f"model-gate: call {i}: verdicts differ but P(unsafe) is within {P_TOL} of the threshold")
                else:
                    problems.append(f"call {i}: kernel {verdict} L{layer}, host {h['verdict']} L{h['layer']}")
            pr = re.search(r"P\(unsafe\)=([0-9.]+)", m[3])
            if pr and abs(float(pr[1]) - kp) > 0.006:   # the deny reason prints P(unsafe) with 2 decimals
                problems.append(f"call {i}: deny reason P(unsafe)={pr[1]} disagrees with `model last` {kp}")
        tail = con.command(f"audit tail {len(calls)}", 60)
        if tail.count("console") < len(calls):
            problems.append(f"audit tail lacks the {len(calls)} console records: {tail!r}")
    except (TimeoutError, EOFError) as e:
        problems.append(str(e))
    status = con.close()
    if status != 0:
        problems.append(f"QEMU exit status {status} after poweroff, expected 0")
    took = time.monotonic() - t0
    if problems:
        print(f"model-gate: FAIL ({took:.0f} s)")
        for p in problems:
            print("    " + p)
        print("    --- serial output (last 40 lines) ---")
        for l in con.out.decode(errors="replace").replace("\r", "").split("\n")[-40:]:
            print("    | " + l)
        return 1
    print(f"model-gate: {len(calls)} gated decisions match the host engine ... ok ({took:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
