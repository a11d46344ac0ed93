#!/usr/bin/env python3
"""ProbeLogits prompt search, step 2 (selection): from probe_search.py logits, scores every
(template, verbalizer set) design by AUC of its margin and by the F1 of the whole pipeline, and
estimates the selection's held-out F1 by nested cross-validation.

Usage: probe_select.py ROWINFO.json LOGITS.jsonl [LOGITS.jsonl ...] [--folds 5] [--seed 1]

Margin of a design = logsumexp(unsafe verbalizers' first-token logits) − logsumexp(safe ones'),
exactly what TextProbe computes. ROWINFO.json (made by probe_rowinfo.py from warden-eval runs)
tells, per row, the verdict of the pipeline without the model and whether the model decides it
("decisive": gated tool, passed the adversarial layer, not denied by the policy layer). The
pipeline denies a decisive row iff margin > threshold (threshold = −Platt intercept, slope 1).

Nested CV: the rows are split into k stratified folds; on each training part the design AND the
threshold maximising pipeline F1 are chosen, then applied to the held-out fold; the held-out
verdicts of all folds are pooled into one F1 (the honest estimate of the whole selection).
"""
import argparse, json, math, random, sys
from collections import defaultdict

# Verbalizer sets: (name, safe words, unsafe words). Words are first tokens of the answer.
VERB_SETS = [
    ("OK/BAD", [" OK"], [" BAD"]),
    ("OK,good/BAD,bad", [" OK", " good", " fine"], [" BAD", " bad"]),  # llama.cpp logits only
    ("Yes/No", [" Yes"], [" No"]),
    ("Yes,yes/No,no", [" Yes", " yes"], [" No", " no"]),
    ("No/Yes", [" No"], [" Yes"]),
    ("no,No/yes,Yes", [" No", " no"], [" Yes", " yes"]),
    ("safe/unsafe", [" safe"], [" unsafe"]),
    ("safe,Safe/unsafe,Unsafe", [" safe", " Safe"], [" unsafe", " Unsafe"]),
    ("safe/unsafe,dangerous,harmful", [" safe"], [" unsafe", " dangerous", " harmful"]),
    ("c:Yes/No", ["Yes"], ["No"]),
    ("c:Yes,yes/No,no", ["Yes", "yes"], ["No", "no"]),
    ("c:safe/unsafe", ["safe"], ["unsafe"]),
    ("c:Safe,safe/Unsafe,unsafe", ["Safe", "safe"], ["Unsafe", "unsafe"]),  # llama.cpp logits only
    ("c:No/Yes", ["No"], ["Yes"]),
]
# Which sets make sense for which template family (the answer words its few-shot/instruction use).
FAMILY = {
    "verdict": ["OK/BAD", "OK,good/BAD,bad"],
    "match": ["Yes/No", "Yes,yes/No,no"], "callfirst": ["Yes/No", "Yes,yes/No,no"],
    "safety": ["safe/unsafe", "safe,Safe/unsafe,Unsafe", "safe/unsafe,dangerous,harmful"],
    "danger": ["No/Yes", "no,No/yes,Yes"],
    "chat_safe": ["c:safe/unsafe", "c:Safe,safe/Unsafe,unsafe"],
    "chat_match": ["c:Yes/No", "c:Yes,yes/No,no"],
}


def lse(xs):
    m = max(xs)
    return m + math.log(sum(math.exp(x - m) for x in xs))


def family(template):
    base = template.rstrip("0123456789")
    return base


def auc(pos, neg):
    if not pos or not neg:
        return float("nan")
    s = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    return s / (len(pos) * len(neg))


def f1_of(preds, labels):
    tp = sum(1 for p, l in zip(preds, labels) if p and l)
    fp = sum(1 for p, l in zip(preds, labels) if p and not l)
    fn = sum(1 for p, l in zip(preds, labels) if not p and l)
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return f1, tp, fp, fn


def pipeline_preds(ids, info, margins, thr):
    dec = info["decisive"]
    out = []
    for i in ids:
        if i in dec:
            out.append(margins[i] > thr)
        else:
            out.append(info["base_deny"][i])
    return out


def best_threshold(ids, info, labels, margins):
    ms = sorted({margins[i] for i in ids if i in info["decisive"]})
    cands = [ms[0] - 1e-3] + [(a + b) / 2 for a, b in zip(ms, ms[1:])] + [ms[-1] + 1e-3] if ms else [0.0]
    best = (-1, 0.0)
    for t in cands:
        f = f1_of(pipeline_preds(ids, info, margins, t), [labels[i] for i in ids])[0]
        if f > best[0] + 1e-12:
            best = (f, t)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rowinfo"); ap.add_argument("logits", nargs="+")
    ap.add_argument("--folds", type=int, default=5); ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeats", type=int, default=10)
    ap.add_argument("--all-sets", action="store_true", help="try every verbalizer set on every template")
    ap.add_argument("--only", help="TEMPLATE/SET: evaluate this one design (CV then chooses the threshold only)")
    args = ap.parse_args()
    info = json.load(open(args.rowinfo))
    info["decisive"] = set(info["decisive"])
    labels = {i: l == "unsafe" for i, l in info["labels"].items()}
    ids = sorted(labels)
    logits = defaultdict(dict)   # template -> id -> {word: logit}
    prefix_tokens = {}
    for path in args.logits:
        for line in open(path):
            r = json.loads(line)
            logits[r["template"]][r["id"]] = r["logits"]
            prefix_tokens[r["template"]] = r["prefix_tokens"]
    sets = {n: (s, u) for n, s, u in VERB_SETS}
    designs = {}   # (template, set) -> {id: margin}
    for t, rows in logits.items():
        if not info["decisive"] <= set(rows):
            print(f"skip {t}: {len(rows)} rows scored, not every decisive row", file=sys.stderr)
            continue
        names = list(sets) if args.all_sets else FAMILY.get(family(t), [])
        have = set.intersection(*(set(lg) for lg in rows.values()))
        for n in names:
            s, u = sets[n]
            if not set(s + u) <= have:
                continue
            designs[(t, n)] = {i: lse([lg[w] for w in u]) - lse([lg[w] for w in s]) for i, lg in rows.items()}
    if args.only:
        t, n = args.only.split("/", 1)
        designs = {k: v for k, v in designs.items() if k == (t, n)}
    base_f1 = f1_of([info["base_deny"][i] and i not in info["decisive"] for i in ids], [labels[i] for i in ids])
    print(f"no-probelogits pipeline F1 {base_f1[0]:.3f} (tp {base_f1[1]} fp {base_f1[2]} fn {base_f1[3]}); "
          f"decisive rows {len(info['decisive'])} "
          f"({sum(labels[i] for i in info['decisive'])} unsafe)")
    print(f"{'template':14} {'verbalizers':32} {'pfx':>4} {'AUCdec':>6} {'AUCall':>6} {'F1@0':>6} {'bestF1':>6} {'thr':>6}")
    dec_ids = sorted(info["decisive"])
    table = []
    for (t, n), m in sorted(designs.items()):
        pos = [m[i] for i in dec_ids if labels[i]]; neg = [m[i] for i in dec_ids if not labels[i]]
        scored = [i for i in ids if i in m]
        pa = [m[i] for i in scored if labels[i]]; na = [m[i] for i in scored if not labels[i]]
        f0 = f1_of(pipeline_preds(ids, info, m, 0.0), [labels[i] for i in ids])[0]
        bf, bt = best_threshold(ids, info, labels, m)
        table.append((bf, t, n))
        all_auc = auc(pa, na) if len(scored) == len(ids) else float("nan")
        print(f"{t:14} {n:32} {prefix_tokens[t]:4d} {auc(pos, neg):6.3f} {all_auc:6.3f} {f0:6.3f} {bf:6.3f} {bt:6.2f}")
    # Nested CV of the whole selection (design + threshold chosen on the training folds).
    pos_ids = [i for i in ids if labels[i]]; neg_ids = [i for i in ids if not labels[i]]
    held = []
    for rep in range(args.repeats):
        rng = random.Random(args.seed + rep)
        p, n = pos_ids[:], neg_ids[:]
        rng.shuffle(p); rng.shuffle(n)
        folds = [p[k::args.folds] + n[k::args.folds] for k in range(args.folds)]
        preds, labs, picks, thrs = [], [], [], []
        for k in range(args.folds):
            test = folds[k]; train = [i for j, f in enumerate(folds) if j != k for i in f]
            best = (-1, None, 0.0)
            for key, m in designs.items():
                f, t = best_threshold(train, info, labels, m)
                if f > best[0] + 1e-12:
                    best = (f, key, t)
            picks.append(best[1]); thrs.append(best[2])
            preds += pipeline_preds(test, info, designs[best[1]], best[2]); labs += [labels[i] for i in test]
        f = f1_of(preds, labs)
        held.append(f[0])
        if rep == 0:
            print("fold picks (repeat 0):", "; ".join(f"{t}/{n}@{h:.2f}" for (t, n), h in zip(picks, thrs)))
    mean = sum(held) / len(held)
    print(f"nested {args.folds}-fold CV, {args.repeats} repeats: held-out pipeline F1 mean {mean:.3f} "
          f"(min {min(held):.3f}, max {max(held):.3f}); in-sample best {max(table)[0]:.3f} ({max(table)[1]}/{max(table)[2]})")


if __name__ == "__main__":
    main()
