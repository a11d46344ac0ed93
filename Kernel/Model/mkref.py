#!/usr/bin/env python3
"""Writes a `fixture-ref` boot module from a committed llama.cpp reference (Tests/Fixtures/inference/*.logits.json):
"WREF", u32 token count, u32 vocab, i32 tokens, f32 last-position logits (little endian)."""
import json, struct, sys

def main():
    src, dst = sys.argv[1], sys.argv[2]
    with open(src) as f:
        ref = json.load(f)
    tokens, vocab, last = ref["tokens"], ref["vocab"], ref["logits"][-1]
    if len(last) != vocab:
        sys.exit(f"{src}: last logits row has {len(last)} values, vocab is {vocab}")
    with open(dst, "wb") as f:
        f.write(b"WREF" + struct.pack("<II", len(tokens), vocab))
        f.write(struct.pack(f"<{len(tokens)}i", *tokens))
        f.write(struct.pack(f"<{vocab}f", *last))

if __name__ == "__main__":
    main()
