#!/usr/bin/env python3
"""make bench (Inference): this engine (warden-infer) vs llama.cpp (llama-cpp-python), same machine, same run,
one thread each. Prefill of a ~100-token and a ~400-token prompt and one ProbeLogits decision (full prompt and
with prefix KV reuse), per model. Prints tokens/s, time ratios and peak memory (max RSS).

Usage: bench.py --engine .build/release/warden-infer MODEL.gguf [MODEL.gguf ...]
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time

SYSTEM = ("<|im_start|>system\nYou are Warden's safety probe. An AI agent wants to call a tool. Read the call and "
          "answer with one word: safe if the call is harmless, unsafe if it could leak secrets, destroy data, "
          "escalate privileges or attack other systems.\nExamples:\nfs_read {\"path\": \"README.md\"} -> safe\n"
          "shell {\"cmd\": \"rm -rf /\"} -> unsafe\nhttp_get {\"url\": \"https://example.com\"} -> safe\n"
          "fs_write {\"path\": \"/etc/shadow\", \"data\": \"root::0:0\"} -> unsafe<|im_end|>\n")
SUFFIX = ("<|im_start|>user\nTool call: fs_read {\"path\": \"/home/agent/.ssh/id_rsa\"}<|im_end|>\n"
          "<|im_start|>assistant\nThe call is")
PARAGRAPH = ("Warden is a small operating system kernel that runs AI agents as WebAssembly modules and checks every "
             "tool call they make. Each call passes a schema check, a trust tier, a rate limit, an adversarial "
             "pre-filter, a language-model probe and a constitutional policy before it reaches the host, and every "
             "decision is written to a hash-chained audit log so that nothing can be denied afterwards. ")
REPS = 3


def best(fn, reps=REPS):
    """Best (wall ms, thread CPU ms) of reps runs; llama.cpp with n_threads=1 computes on this thread."""
    wall = cpu = float("inf")
    for _ in range(reps):
        w, c = time.perf_counter(), time.thread_time()
        fn()
        cpu = min(cpu, time.thread_time() - c)
        wall = min(wall, time.perf_counter() - w)
    return wall * 1e3, cpu * 1e3


def row(case, tokens, eng, ref, note=""):
    """eng/ref: (wall ms, cpu ms). Ratios < 1 mean this engine is faster."""
    print("%-24s %6d %10.1f %10.1f %9.1f %9.2fx %9.2fx %s" % (case, tokens, eng[1], ref[1], tokens / eng[1] * 1e3,
                                                             eng[1] / ref[1], eng[0] / ref[0], note))


def run_engine(engine, model, prompt, extra):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write(prompt)
    try:
        out = subprocess.run([engine, "--model", model, "--prompt-file", f.name, "--special", "--top", "1",
                              "--bench", str(REPS)] + extra, check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(f.name)
    res = {}
    for line in out.splitlines():
        if line.startswith("bench "):
            parts = line.split()
            res[parts[1]] = {k: float(v) for k, v in (p.split("=") for p in parts[2:])}
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--engine", required=True)
    ap.add_argument("models", nargs="+")
    a = ap.parse_args()
    try:
        from llama_cpp import Llama
    except ImportError:
        raise SystemExit("bench-inference needs llama-cpp-python: CMAKE_ARGS=\"-DGGML_NATIVE=OFF -DGGML_AVX2=ON "
                         "-DGGML_FMA=ON -DGGML_F16C=ON\" pip install llama-cpp-python==0.3.36 (about 10 min)")

    print("ProbeLogits engine vs llama.cpp (llama-cpp-python), 1 thread each, best of %d" % REPS)
    for model in a.models:
        name = os.path.basename(model)
        llm = Llama(model_path=model, n_ctx=1024, n_batch=512, n_ubatch=512, n_threads=1, n_threads_batch=1,
                    flash_attn=False, verbose=False)
        print("\n== %s" % name)
        print("%-24s %6s %10s %10s %9s %10s %10s" % ("case", "tokens", "engine cpu", "llama cpu", "eng tok/s",
                                                  "cpu ratio", "wall ratio"))
        prompts = {"prefill ~100": PARAGRAPH * 1 + PARAGRAPH[:40], "prefill ~400": PARAGRAPH * 5}
        for case, text in prompts.items():
            toks = llm.tokenize(text.encode(), add_bos=False, special=True)
            def ev():
                llm.reset()
                llm.eval(toks)
            ref = best(ev)
            for tier in ("avx512", "avx2"):
                r = run_engine(a.engine, model, text, ["--tier", tier])["prefill"]
                row("%s [%s]" % (case, tier), int(r["tokens"]), (r["ms"], r["cpu_ms"]), ref)
            if int(r["tokens"]) != len(toks):
                print("  NOTE: token counts differ (engine %d, llama.cpp %d)" % (r["tokens"], len(toks)))
        # One ProbeLogits decision: full prompt through llama.cpp vs this engine, and with prefix reuse.
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as pf:
            pf.write(SYSTEM)
        try:
            r = run_engine(a.engine, model, SUFFIX, ["--prefix-file", pf.name, "--probe", "--class", "safe= safe| Safe",
                                                     "--class", "unsafe= unsafe| Unsafe", "--content-free", "N/A"])
        finally:
            os.unlink(pf.name)
        full_toks = llm.tokenize((SYSTEM + SUFFIX).encode(), add_bos=False, special=True)
        def probe():
            llm.reset()
            llm.eval(full_toks)
            llm._ctx.get_logits_ith(-1)
        ref = best(probe)
        f, u = r["probe-full"], r["probe-reuse"]
        row("probe full prompt", int(f["tokens"]), (f["ms"], f["cpu_ms"]), ref)
        row("probe prefix reuse", int(u["tokens"]), (u["ms"], u["cpu_ms"]), ref,
            "reuse/full (engine) %.2fx, goal <= 0.3x" % (u["cpu_ms"] / f["cpu_ms"]))
        del llm
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("\npeak memory (max RSS): engine %.0f MiB (largest warden-infer run, model image + KV cache 1024 + scratch); "
          "llama-cpp-python process %.0f MiB (Python + both models)" % (child, own))


if __name__ == "__main__":
    sys.exit(main())
