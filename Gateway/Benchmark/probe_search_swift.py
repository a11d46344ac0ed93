#!/usr/bin/env python3
"""ProbeLogits prompt search on the project's own Swift engine (warden-infer --probe, the same
Inference/TextProbe code the gateway uses): one warden-infer call per (template, row) with one probe
class per candidate verbalizer (the FIRST token of each word, as the engine adapters use); the
restricted-softmax class log-probabilities differ from the logits by one shared constant, so the
margins of any verbalizer set are exact. Output = probe_search.py's JSONL (for probe_select.py).

Usage: probe_search_swift.py WARDEN_INFER MODEL.gguf FILE.jsonl OUT.jsonl --templates a,b [--words-from MODEL]
"""
import argparse, json, math, os, subprocess, sys, tempfile, time
sys.path.insert(0, os.path.dirname(__file__))
from probe_templates import TEMPLATES

WORDS = [" OK", " BAD", " Yes", " No", " yes", " no", " safe", " unsafe", " Safe", " Unsafe",
         " dangerous", " harmful", "Yes", "No", "safe", "unsafe"]   # ≤ InferenceLimits.maxProbeClasses (16)


def first_pieces(model):
    from llama_cpp import Llama
    llm = Llama(model_path=model, vocab_only=True, verbose=False)
    out = {}
    for w in WORDS:
        ids = llm.tokenize(w.encode(), add_bos=False, special=False)
        out[w] = llm.detokenize(ids[:1]).decode()
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("infer"); ap.add_argument("model"); ap.add_argument("data"); ap.add_argument("out")
    ap.add_argument("--templates", required=True)
    args = ap.parse_args()
    pieces = first_pieces(args.model)
    uniq = sorted(set(pieces.values()))
    cls = [f"c{k}={p}" for k, p in enumerate(uniq)]
    rows = [json.loads(l) for l in open(args.data) if l.strip()]
    out = open(args.out, "a")
    tmp = tempfile.mkdtemp()
    for name in args.templates.split(","):
        t = TEMPLATES[name]
        pf = os.path.join(tmp, "prefix.txt"); qf = os.path.join(tmp, "query.txt")
        open(pf, "w").write(t.prefix())
        t0 = time.time()
        for r in rows:
            intent = (r.get("context") or {}).get("user_intent", "")
            open(qf, "w").write(t.query(intent, r["tool"], r["arguments"]))
            cmd = [args.infer, "--model", args.model, "--prompt-file", qf, "--prefix-file", pf, "--probe"]
            if t.special: cmd.append("--special")
            for c in cls: cmd += ["--class", c]
            res = subprocess.run(cmd, capture_output=True, text=True)
            lp, ntok = {}, 0
            for line in res.stdout.splitlines():
                f = line.split("\t")
                if line.startswith("class "):
                    p = float(f[1]); lp[uniq[int(f[0][7:])]] = math.log(max(p, 1e-9))
                elif line.startswith("tokens "):
                    ntok = int(line.split()[1].split("+")[0])
            if len(lp) != len(uniq):
                print(f"{name} {r['id']}: warden-infer failed: {res.stderr.strip()[:200]}", file=sys.stderr); continue
            out.write(json.dumps({"template": name, "id": r["id"], "label": r["label"], "prefix_tokens": ntok,
                                  "engine": "swift", "logits": {w: round(lp[pieces[w]], 5) for w in WORDS}}) + "\n")
        out.flush()
        print(f"{name}: {len(rows)} rows, {(time.time() - t0) / len(rows):.1f} s/row", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
