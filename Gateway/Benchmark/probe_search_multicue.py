#!/usr/bin/env python3
"""ProbeLogits prompt search with several answer cues per record: prefix + record are prefilled
once per row, each cue is prefilled after them and the KV cache truncated back, so N cues cost one
record prefill + N short cue prefills. Output format = probe_search.py (template = family_cue).

Usage: probe_search_multicue.py MODEL.gguf FILE.jsonl OUT.jsonl --family raw0
"""
import argparse, json, os, sys, time
sys.path.insert(0, os.path.dirname(__file__))
from probe_templates import MULTI, CANDIDATES, multi_cue_text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model"); ap.add_argument("data"); ap.add_argument("out")
    ap.add_argument("--family", required=True)
    args = ap.parse_args()
    from llama_cpp import Llama
    llm = Llama(model_path=args.model, n_ctx=2048, n_threads=1, n_batch=512, logits_all=False,
                verbose=False, flash_attn=False, use_extra_bufts=False)
    prefix_text, record, cues, chat = MULTI[args.family]
    tok = lambda s: llm.tokenize(s.encode(), add_bos=False, special=chat)
    cand = {w: llm.tokenize(w.encode(), add_bos=False, special=False)[0] for w in CANDIDATES}
    prefix = tok(prefix_text)
    llm.reset(); llm.eval(prefix)
    n0 = llm.n_tokens
    rows = [json.loads(l) for l in open(args.data) if l.strip()]
    out = open(args.out, "a")
    t0 = time.time()
    def truncate(n):
        llm._ctx.kv_cache_seq_rm(-1, n, -1); llm.n_tokens = n
    for r in rows:
        intent = (r.get("context") or {}).get("user_intent", "").replace("\n", " ").replace("\r", " ")
        args_json = json.dumps(r["arguments"], sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        rec = record.format(i=intent, t=r["tool"], a=args_json)
        truncate(n0)
        llm.eval(tok(rec)[:400])
        n1 = llm.n_tokens
        for name, cue in cues.items():
            truncate(n1)
            llm.eval(tok(multi_cue_text(chat, cue)))
            lg = llm._ctx.get_logits_ith(-1)
            out.write(json.dumps({"template": f"{args.family}_{name}", "id": r["id"], "label": r["label"],
                                  "prefix_tokens": len(prefix),
                                  "logits": {w: round(float(lg[i]), 4) for w, i in cand.items()}}) + "\n")
        out.flush()
    print(f"{args.family}: prefix {len(prefix)} tokens, {len(rows)} rows x {len(cues)} cues, "
          f"{(time.time() - t0) / len(rows) * 1000:.0f} ms/row", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
