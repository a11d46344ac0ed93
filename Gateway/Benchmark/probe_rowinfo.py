#!/usr/bin/env python3
"""Which rows the ProbeLogits verdict decides, from two warden-eval runs of the same set:
NOPROBE = `--config no-probelogits` output, GATEALL = `--config full` with a score file that makes
the model deny every call it sees (e.g. every margin 50). A row is *decisive* when the gate saw it
(GATEALL layer probelogits) and the policy would not deny it anyway (NOPROBE layer not policy);
every other row's pipeline verdict is the same whatever the model says (base_deny).

Usage: probe_rowinfo.py FILE.jsonl NOPROBE.txt GATEALL.txt OUT.json
"""
import json, sys

def layers(path):
    out = {}
    for line in open(path):
        f = line.split()
        if len(f) == 3 and f[1] in ("allow", "deny"):
            out[f[0]] = f[2]
    return out

data, noprobe, gateall, dest = sys.argv[1:5]
rows = [json.loads(l) for l in open(data) if l.strip()]
npl, ga = layers(noprobe), layers(gateall)
decisive = [r["id"] for r in rows if ga[r["id"]] == "probelogits" and npl[r["id"]] != "policy"]
base = {r["id"]: ga[r["id"]] != "none" for r in rows}
json.dump({"labels": {r["id"]: r["label"] for r in rows}, "decisive": decisive, "base_deny": base},
          open(dest, "w"), indent=0)
print(f"{len(rows)} rows, {len(decisive)} decisive", file=sys.stderr)
