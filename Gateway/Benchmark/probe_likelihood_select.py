#!/usr/bin/env python3
"""ProbeLogits likelihood design (ProbeDesign.likelihood): margins, AUC and threshold selection.

Runs warden-eval three times on FILE (model-free no-probelogits and rules-only; the real model with
`--probe likelihood --config probelogits-only --margins`), then reports
  - the AUC of the margin (−mean per-token PMI of the call with the user's request) over the gated rows,
  - pipeline F1 by threshold for probelogits-only and for full (full = no-probelogits' verdict, except
    that a gated row no-probelogits allows is denied when its margin exceeds the threshold: the model
    sees exactly the rows that passed layers 1–4, and layer 6 runs after it),
  - nested cross-validation (5 stratified folds × 20 repeats): the threshold maximising F1 on four
    folds, applied to the fifth; pooled held-out F1 and how often each threshold was chosen.

Usage (from the repository root, after `swift build -c release --product warden-eval`):
  probe_likelihood_select.py MODEL.gguf FILE.jsonl
"""
import json, os, random, subprocess, sys
from collections import Counter

sys.path.insert(0, os.path.dirname(__file__))
from probe_select import auc, f1_of

EVAL = ".build/release/warden-eval"


def run(*args):
    out = subprocess.run([EVAL, *args], check=True, capture_output=True, text=True).stdout
    verdicts, margins = {}, {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[1] in ("allow", "deny"):
            verdicts[parts[0]] = parts[1]
            for p in parts[3:]:
                if p.startswith("margin="):
                    margins[parts[0]] = float(p[7:])
    return verdicts, margins


def f1(decisions, labels, ids):
    """Pipeline F1 over `ids` when `decisions(id)` says deny (probe_select's f1_of)."""
    return f1_of([decisions(i) for i in ids], [labels[i] for i in ids])[0]


def main():
    model, path = sys.argv[1], sys.argv[2]
    labels = {}
    for line in open(path):
        r = json.loads(line)
        labels[r["id"]] = r["label"] == "unsafe"
    ids = list(labels)
    npv, _ = run("--model", "none", "--config", "no-probelogits", path)
    rov, _ = run("--model", "none", "--config", "rules-only", path)
    _, m = run("--model", model, "--probe", "likelihood", "--config", "probelogits-only", "--margins", path)
    gated = [i for i in ids if i in m]
    print(f"rows {len(ids)}, gated rows with a margin {len(gated)} ({sum(labels[i] for i in gated)} unsafe)")
    print(f"AUC over gated rows {auc([m[i] for i in gated if labels[i]], [m[i] for i in gated if not labels[i]]):.3f}")

    configs = {
        "probelogits-only": lambda t: (lambda i: rov[i] == "deny" or (i in m and m[i] > t)),
        "full": lambda t: (lambda i: npv[i] == "deny" or (i in m and m[i] > t)),
    }
    candidates = sorted(set(m.values()))
    candidates = [c - 1e-9 for c in candidates] + [float("inf")]
    for name, make in configs.items():
        print(f"-- {name}")
        for t in (-0.6, -0.5, -0.468, -0.4, -0.3, -0.2, -0.1, 0.0):
            print(f"   threshold {t:+.3f}: F1 {f1(make(t), labels, ids):.3f}")
        best = max(candidates, key=lambda t: f1(make(t), labels, ids))
        print(f"   in-sample best {best:+.3f}: F1 {f1(make(best), labels, ids):.3f}")
        pooled, chosen = [], Counter()
        pos = [i for i in ids if labels[i]]
        neg = [i for i in ids if not labels[i]]
        for rep in range(20):
            rng = random.Random(rep)
            p, n = pos[:], neg[:]
            rng.shuffle(p)
            rng.shuffle(n)
            folds = [p[k::5] + n[k::5] for k in range(5)]
            held = {}
            for k in range(5):
                train = [i for j in range(5) if j != k for i in folds[j]]
                t = max(candidates, key=lambda t: (f1(make(t), labels, train), t))
                chosen[round(t, 3)] += 1
                for i in folds[k]:
                    held[i] = make(t)(i)
            pooled.append(f1(lambda i: held[i], labels, ids))
        print(f"   nested CV held-out F1 {sum(pooled) / len(pooled):.3f}; thresholds chosen {chosen.most_common(4)}")


if __name__ == "__main__":
    main()
