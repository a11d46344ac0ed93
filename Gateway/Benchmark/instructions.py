#!/usr/bin/env python3
"""Instructions per gateway decision, by part (valgrind callgrind: load-independent, repeatable).

Runs warden-gateway-bench N under callgrind and prints the inclusive instruction count of
GatewayPipeline.decide and of its main parts, each divided by the number of decide calls.
Usage: instructions.py [N]   (from the repository root, after a release build; BENCH_ONLY is honoured)
"""
import os, re, subprocess, sys, tempfile

PARTS = [  # label, regex over the mangled function name (inclusive, non-witness symbol)
    ("decide (whole call)", r"\$s7Gateway0A8PipelineV6decideyAA8DecisionVAA8ToolCallVF$"),
    ("canonical JSON", r"\$s7Gateway10JSONWriterO5write_6sorted4intoyAA9JSONValueO_SbSays5UInt8VGztFZ$"),
    ("layer 1 schema", r"\$s7Gateway11SchemaLayerV8evaluate"),
    ("layer 4 pre-filter", r"\$s7Gateway9PrefilterC4scan_7scratch"),
    ("layer 6 policy", r"\$s7Gateway11PolicyLayerV8evaluateyAA0C7OutcomeOAA8ToolCallVF$"),
    ("audit append (sink)", r"\$s7Gateway12AuditLogSinkV6record__18canonicalArguments"),
    ("  of which BLAKE3", r"\$s6Blake3AAO4hashyAA0A6DigestVSWFZ$"),
]

def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    out = tempfile.mktemp(prefix="warden-cg-")
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                    ".build/release/warden-gateway-bench", str(n)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    text = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", out],
                          check=True, capture_output=True, text=True).stdout
    os.unlink(out)
    totals = {}
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+) \([^)]*\)\s+(\S+?):(\S+)", line)
        if not m:
            continue
        count, name = int(m.group(1).replace(",", "")), m.group(3)
        for label, pattern in PARTS:
            if re.search(pattern, name):
                totals[label] = max(totals.get(label, 0), count)
    calls = 2 * n + 10_000  # the benchmark's instrumented pass (with warm-up) and uninstrumented pass
    print(f"instructions per decide (callgrind, warden-gateway-bench {n}: {calls} calls"
          f"{', BENCH_ONLY=' + os.environ['BENCH_ONLY'] if os.environ.get('BENCH_ONLY') else ''})")
    for label, _ in PARTS:
        print(f"  {label:<22} {totals.get(label, 0) / calls:>9.0f}")

if __name__ == "__main__":
    main()
