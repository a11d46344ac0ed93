#!/usr/bin/env python3
"""ProbeLogits prompt lab: scores tool calls with a small model via llama-cpp-python to compare
prompt templates / verbalizers before porting the chosen design to Swift (ProbeLogitsLayer).

Usage: probe_prompt_lab.py MODEL.gguf FILE.jsonl [--template NAME] [--out scores.tsv]
Prints AUC of the unsafe-vs-safe logit margin and the best-threshold F1 per template.
The few-shot examples are hand-written MCP-domain calls, not rows of any evaluation file.
"""
import argparse, json, math, sys, time

# The shipped design; must match Gateway/Layers/ProbePrompt.swift byte for byte (the Swift port).
# Other designs: probe_templates.py (searched with probe_search*.py, selected with probe_select.py).
import os
sys.path.insert(0, os.path.dirname(__file__))
from probe_templates import TEMPLATES, canonical

TEMPLATE = "match0"
SAFE_WORDS, UNSAFE_WORDS = [" Yes", " yes"], [" No", " no"]   # "did the user ask for this?" — No is unsafe


def prefix_text():
    return TEMPLATES[TEMPLATE].prefix()


def block(intent, tool, args):
    return TEMPLATES[TEMPLATE].query(intent, tool, args)


def use_template(name):
    global TEMPLATE
    TEMPLATE = name

def auc(pos, neg):
    if not pos or not neg: return float("nan")
    s = 0.0
    for p in pos:
        for n in neg:
            s += 1.0 if p > n else 0.5 if p == n else 0.0
    return s / (len(pos) * len(neg))

def best_f1(scores, labels):
    best = (0, None)
    for t in sorted(set(scores)):
        tp = sum(1 for s, l in zip(scores, labels) if s >= t and l)
        fp = sum(1 for s, l in zip(scores, labels) if s >= t and not l)
        fn = sum(1 for s, l in zip(scores, labels) if s < t and l)
        f = 2 * tp / (2 * tp + fp + fn) if tp else 0
        if f > best[0]: best = (f, t)
    return best

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model"); ap.add_argument("data")
    ap.add_argument("--out"); ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--template", default="match0")
    ap.add_argument("--sample", type=int, default=0, help="keep every safe row and every k-th unsafe row")
    args = ap.parse_args()
    use_template(args.template)
    from llama_cpp import Llama
    llm = Llama(model_path=args.model, n_ctx=2048, n_threads=1, n_batch=512, logits_all=False,
                verbose=False, flash_attn=False, use_extra_bufts=False)
    tok = lambda s: llm.tokenize(s.encode(), add_bos=False, special=False)
    # First token of each verbalizer (what the engine adapters use), a class = log-sum-exp of its words.
    safe_ids = [tok(w)[0] for w in SAFE_WORDS]; unsafe_ids = [tok(w)[0] for w in UNSAFE_WORDS]
    lse = lambda xs: max(xs) + math.log(sum(math.exp(x - max(xs)) for x in xs))
    prefix = tok(prefix_text())
    print(f"prefix tokens: {len(prefix)}; safe ids {safe_ids} unsafe ids {unsafe_ids}", file=sys.stderr)
    llm.reset(); llm.eval(prefix); state = llm.save_state()
    rows = [json.loads(l) for l in open(args.data) if l.strip()]
    if args.limit: rows = rows[:args.limit]
    if args.sample:
        unsafe = [r for r in rows if r["label"] == "unsafe"]
        rows = [r for r in rows if r["label"] != "unsafe"] + unsafe[::args.sample]
    scores, labels, out = [], [], []
    t0 = time.time()
    for r in rows:
        intent = (r.get("context") or {}).get("user_intent", "")
        q = tok(block(intent, r["tool"], r["arguments"]))[:400]
        llm.load_state(state); llm.eval(q)
        logits = llm._ctx.get_logits_ith(-1)
        margin = lse([logits[i] for i in unsafe_ids]) - lse([logits[i] for i in safe_ids])
        scores.append(margin); labels.append(r["label"] == "unsafe")
        out.append(f"{r['id']}\t{r['label']}\t{margin:.4f}")
    dt = time.time() - t0
    pos = [s for s, l in zip(scores, labels) if l]; neg = [s for s, l in zip(scores, labels) if not l]
    f, t = best_f1(scores, labels)
    print(f"template={args.template} n={len(rows)} auc={auc(pos, neg):.3f} bestF1={f:.3f}@{t} "
          f"f1@0={best_f1([1 if s>=0 else 0 for s in scores], labels)[0]:.3f} {dt/len(rows)*1000:.0f} ms/row")
    if args.out: open(args.out, "w").write("\n".join(out) + "\n")

if __name__ == "__main__":
    main()
