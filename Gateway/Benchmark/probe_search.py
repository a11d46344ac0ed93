#!/usr/bin/env python3
"""ProbeLogits prompt search, step 1 (model side): scores every row of a set under many prompt
templates and records the last-position logits of a fixed list of candidate verbalizer tokens, so
that verbalizer sets can be compared afterwards without re-running the model (probe_select.py).

Usage: probe_search.py MODEL.gguf FILE.jsonl OUT.jsonl [--templates a,b,c]
Each template = a shared prefix (prefilled once, KV state saved, exactly like the Swift engine)
+ a per-call query. Few-shot examples are hand-written (probe_templates.py), never rows of
either evaluation set. Output: one JSON object per (template, row) with the candidate logits.
"""
import argparse, json, sys, time
sys.path.insert(0, __import__("os").path.dirname(__file__))
from probe_templates import TEMPLATES, CANDIDATES


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model"); ap.add_argument("data"); ap.add_argument("out")
    ap.add_argument("--templates", default=",".join(TEMPLATES))
    args = ap.parse_args()
    from llama_cpp import Llama
    llm = Llama(model_path=args.model, n_ctx=2048, n_threads=1, n_batch=512, logits_all=False,
                verbose=False, flash_attn=False, use_extra_bufts=False)
    rows = [json.loads(l) for l in open(args.data) if l.strip()]
    out = open(args.out, "a")
    for name in args.templates.split(","):
        t = TEMPLATES[name]
        special = t.special
        tok = lambda s: llm.tokenize(s.encode(), add_bos=False, special=special)
        cand = {w: llm.tokenize(w.encode(), add_bos=False, special=False)[0] for w in CANDIDATES}
        prefix = tok(t.prefix())
        llm.reset(); llm.eval(prefix); state = llm.save_state()
        t0 = time.time()
        for r in rows:
            intent = (r.get("context") or {}).get("user_intent", "")
            q = tok(t.query(intent, r["tool"], r["arguments"]))[:400]
            llm.load_state(state); llm.eval(q)
            lg = llm._ctx.get_logits_ith(-1)
            out.write(json.dumps({"template": name, "id": r["id"], "label": r["label"],
                                  "prefix_tokens": len(prefix),
                                  "logits": {w: round(float(lg[i]), 4) for w, i in cand.items()}}) + "\n")
        out.flush()
        print(f"{name}: prefix {len(prefix)} tokens, {len(rows)} rows, "
              f"{(time.time() - t0) / len(rows) * 1000:.0f} ms/row", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
