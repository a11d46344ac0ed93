#!/usr/bin/env python3
"""In-kernel benchmarks vs the host build (make bench → kernel-bench). One boot of the bench image
(policy, evalset, fsimage, callloop agent, SmolLM2 model) under QEMU/TCG runs:
  bench gateway N      per-layer median/p99 of the five non-inference layers + audit append (TSC)
  bench agent 3        governed host calls/s from the callloop agent (clock_now, fs_read)
  eval full model …    the project benchmark through the real model in-kernel (AVX2 kernels under TCG)
then the host counterparts (warden-gateway-bench N, warden-agent-bench, warden-eval --model GGUF with the
host's best kernels and with --kernels avx2) and prints kernel/host ratios and every verdict divergence
with both margins.

usage: kernel_bench.py --iso ISO --warden-eval BIN --set FILE --policy FILE --model GGUF --bin-dir DIR
                       --agents-dir DIR [--rows N] [--gateway-n N] [--qemu Q] [--skip-model]
"""
import argparse, os, re, subprocess, sys, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Kernel", "Host"))
import boottest  # noqa: E402

LAYERS = ["schema", "trust-tier", "rate-limit", "adversarial", "policy", "audit-append", "total"]


def layer_table(text):
    """{name: (median_ns, p99_ns)} from a `layer median_ns p99_ns` table."""
    rows = {}
    for name in LAYERS:
        m = re.search(r"^" + re.escape(name) + r"\s+(\d+)\s+(\d+)\s*$", text, re.M)
        if m:
            rows[name] = (int(m.group(1)), int(m.group(2)))
    return rows


def eval_lines(lines):
    """{id: (verdict, layer, margin or None)} from `id verdict layer [margin=±m] [ms=t]` lines."""
    out = {}
    for l in lines:
        w = l.split()
        if len(w) < 3 or w[0].startswith("n="):
            continue
        margin = next((float(x[7:]) for x in w[3:] if x.startswith("margin=")), None)
        ms = next((float(x[3:]) for x in w[3:] if x.startswith("ms=")), None)
        out[w[0]] = (w[1], w[2], margin, ms)
    return out


def run(cmd):
    t0 = time.monotonic()
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed ({r.returncode}): {r.stderr.strip()[-500:]}")
    return r.stdout, time.monotonic() - t0


def main():
    ap = argparse.ArgumentParser()
    for k in ["--iso", "--warden-eval", "--set", "--policy", "--model", "--bin-dir", "--agents-dir"]:
        ap.add_argument(k, required=True)
    ap.add_argument("--rows", type=int)
    ap.add_argument("--gateway-n", type=int, default=20000)
    ap.add_argument("--qemu", default="qemu-system-x86_64")
    ap.add_argument("--skip-model", action="store_true")
    ap.add_argument("--log", default="build/kernel/kernel-bench.log")
    a = ap.parse_args()
    total_rows = sum(1 for l in open(a.set) if l.strip())
    rows = min(a.rows or total_rows, total_rows)
    rows_arg = f" rows {rows}" if rows < total_rows else ""
    inputs = [f"bench gateway {a.gateway_n}\r".encode(), b"bench agent 3\r"]
    if not a.skip_model:
        inputs.append(f"eval full model{rows_arg} margins\r".encode())
    inputs.append(b"poweroff\r")
    # Prefix prefill (~12 min under TCG) + ~30–60 s per gated row.
    timeout = 900 + (0 if a.skip_model else 2400 + 600 * rows)  # TCG speed varies ~12x between hosts
    print(f"kernel-bench: booting {a.iso} (gateway {a.gateway_n} calls, agent 3 runs, "
          f"{'no model' if a.skip_model else f'eval full model on {rows} rows'}; timeout {timeout} s)", flush=True)
    t0 = time.monotonic()
    status, out, _ = boottest.boot(a.qemu, a.iso, timeout, inputs)
    wall = time.monotonic() - t0
    text = out.replace("\r", "")
    os.makedirs(os.path.dirname(a.log), exist_ok=True)
    with open(a.log, "w") as f:
        f.write(text)
    print(f"kernel-bench: QEMU finished in {wall:.0f} s (status {status}); serial log {a.log}")
    ok = status == 0

    # ---- gateway per-call cost ----
    kg = text.split("bench gateway:", 1)[1].split("bench gateway: end", 1)[0] if "bench gateway: end" in text else ""
    kt = layer_table(kg)
    hout, _ = run([os.path.join(a.bin_dir, "warden-gateway-bench"), str(a.gateway_n)])
    ht = layer_table(hout)
    kd = re.search(r"bench gateway: \d+ calls .*?denied (\d+)", text)
    hd = re.search(r"warden-gateway-bench: \d+ calls.*?denied (\d+)", hout)
    same = kd and hd and kd.group(1) == hd.group(1)
    print(f"\ndenied calls: kernel {kd.group(1) if kd else '?'}, host {hd.group(1) if hd else '?'} ({'same verdicts' if same else 'DIFFERENT'})")
    ok = ok and bool(same)
    print(f"\nGateway per call, {a.gateway_n} calls of the warden-gateway-bench mix (ns; kernel = TSC under TCG, host = clock_gettime)")
    print(f"{'layer':14s} {'kernel p50':>11s} {'host p50':>9s} {'ratio':>6s}   {'kernel p99':>11s} {'host p99':>9s} {'ratio':>6s}")
    for name in LAYERS:
        if name in kt and name in ht:
            (k50, k99), (h50, h99) = kt[name], ht[name]
            r50 = f"{k50 / h50:.1f}" if h50 else "-"
            r99 = f"{k99 / h99:.1f}" if h99 else "-"
            print(f"{name:14s} {k50:11d} {h50:9d} {r50:>6s}   {k99:11d} {h99:9d} {r99:>6s}")
        else:
            print(f"{name:14s} missing ({'kernel' if name not in kt else 'host'})"); ok = False

    # ---- agent call throughput ----
    hout, _ = run([os.path.join(a.bin_dir, "warden-agent-bench"), a.agents_dir])
    print("\nGoverned host calls from a WASM agent (10 000 calls per run; median ns per call)")
    for tool in ["clock_now", "fs_read"]:
        km = re.search(r"bench agent " + tool + r": governed host call median (\d+) ns.*?\((\d+) calls/s", text)
        hm = re.search(r"agent-bench " + tool + r": governed host call median (\d+) ns.*?\((\d+) calls/s", hout)
        if km and hm:
            k, h = int(km.group(1)), int(hm.group(1))
            print(f"{tool:10s} kernel {k:8d} ns ({int(km.group(2)):6d} calls/s)  host {h:6d} ns ({int(hm.group(2)):7d} calls/s)  ratio {k / h:.1f}")
        else:
            print(f"{tool:10s} missing ({'kernel' if not km else 'host'})"); ok = False

    if a.skip_model:
        return 0 if ok else 1
    # ---- the ablation row replay with the real model ----
    m = re.search(r"eval: begin full model (\d+) rows\n(.*?)eval: end (\S+) ms", text, re.S)
    if not m:
        print("\nkernel eval: no complete `eval full model` block (timeout?)"); return 1
    klines = [l for l in m.group(2).split("\n") if l]
    kernel = eval_lines(klines)
    ksummary = next((l for l in klines if l.startswith("n=")), "")
    extra = ["--rows", str(rows)] if rows < total_rows else []
    base = [a.warden_eval, "--model", a.model, "--config", "full", "--policy", a.policy, "--margins", *extra, a.set]
    hbest_out, hbest_s = run(base[:-1] + [a.set])
    havx2_out, havx2_s = run(base[:-1] + ["--kernels", "avx2", a.set])
    hbest, havx2 = eval_lines(hbest_out.split("\n")), eval_lines(havx2_out.split("\n"))
    hsum = next((l for l in hbest_out.split("\n") if l.startswith("n=")), "")
    hsum2 = next((l for l in havx2_out.split("\n") if l.startswith("n=")), "")
    gated = [(i, v) for i, v in kernel.items() if v[2] is not None]
    first = next((v[3] for v in kernel.values() if v[2] is not None), None)
    later = sorted(v[3] for _, v in gated[1:])   # gated rows after the first (in file order): query prefill only
    print(f"\nReplay `eval full model` on {rows} rows: kernel {float(m.group(3)) / 1000:.0f} s under TCG "
          f"({len(gated)} gated rows; first gated row incl. prefix prefill {first / 1000 if first else 0:.0f} s; "
          f"later gated rows median {later[len(later) // 2] / 1000 if later else 0:.1f} s); "
          f"host {hbest_s:.1f} s (best kernels), {havx2_s:.1f} s (avx2)")
    hg = [(i, v) for i, v in hbest.items() if v[2] is not None]
    if len(gated) > 1 and len(hg) > 1:
        hl = sorted(v[3] for _, v in hg[1:])
        k1, h1 = gated[0][1][3], hg[0][1][3]
        kl, hl_ = later[len(later) // 2], hl[len(hl) // 2]
        print(f"  ProbeLogits decision (gated row): first (with prefix prefill) kernel {k1:.0f} ms / host {h1:.0f} ms "
              f"= {k1 / h1:.0f}x; later median kernel {kl:.0f} ms / host {hl_:.0f} ms = {kl / hl_:.0f}x")
    print(f"  kernel:      {ksummary}\n  host best:   {hsum}\n  host avx2:   {hsum2}")
    for name, host in [("host best kernels", hbest), ("host avx2 kernels", havx2)]:
        diff = [i for i in kernel if i in host and kernel[i][:2] != host[i][:2]]
        print(f"  verdict/layer divergences vs {name}: {len(diff)} of {len(kernel)}")
        for i in diff:
            print(f"    {i}: kernel {kernel[i][0]} {kernel[i][1]} margin {kernel[i][2]}  host {host[i][0]} {host[i][1]} margin {host[i][2]}")
    dm = [abs(kernel[i][2] - hbest[i][2]) for i in kernel if i in hbest and kernel[i][2] is not None and hbest[i][2] is not None]
    if dm:
        dm.sort()
        print(f"  |margin kernel − host best|: median {dm[len(dm) // 2]:.4f}, max {dm[-1]:.4f} over {len(dm)} gated rows")
    dm2 = [abs(kernel[i][2] - havx2[i][2]) for i in kernel if i in havx2 and kernel[i][2] is not None and havx2[i][2] is not None]
    if dm2:
        dm2.sort()
        print(f"  |margin kernel − host avx2|: median {dm2[len(dm2) // 2]:.4f}, max {dm2[-1]:.4f} over {len(dm2)} gated rows")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
