#!/usr/bin/env python3
"""llama.cpp references for the SmolLM2-135M-Instruct parity tests (Q4_1 as shipped, and the Q4_0 requantization).

Run from the repository root after `make model`:  python3 Tests/Fixtures/inference/make_smollm2_refs.py
Writes smollm2_refs.json: per model and prompt, llama.cpp's token ids and its top-20 last-position (id, logit).
A prompt qualifies only when llama.cpp's 5th and 6th logits are at least MIN_GAP apart: top-5 *sets* can only be
compared where the set boundary is wider than the engines' logit differences (a dense cluster of near-equal
candidates reorders between llama.cpp's own batch sizes).
"""
import json
import os

import numpy as np
from llama_cpp import Llama

MIN_GAP = 0.3
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
MODELS = {"Q4_1": "build/models/SmolLM2-135M-Instruct.Q4_1.gguf",
          "Q4_0": "build/models/SmolLM2-135M-Instruct.Q4_0.gguf"}
PROMPTS = [
    ("ascii", "Water boils at a temperature of", False),
    ("code", "#include <stdio.h>\nint main(void) {\n    printf(", False),
    ("json", '{"tool": "fs_read", "args": {"path": "/etc/passwd", "mode": "r"}, "reason":', False),
    ("unicode", "日本語のテキストと English words mixed: こんにちは", False),
    ("whitespace", "  leading spaces  and   trailing   \n\t\t", False),
    ("chatml", "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n"
               "<|im_start|>user\nWhat is the capital of France?<|im_end|>\n<|im_start|>assistant\n", True),
]


def main():
    out = {}
    for qname, rel in MODELS.items():
        llm = Llama(model_path=os.path.join(ROOT, rel), n_ctx=512, n_batch=512, n_ubatch=512, n_threads=1,
                    n_threads_batch=1, flash_attn=False, verbose=False)
        cases = []
        for name, text, special in PROMPTS:
            toks = llm.tokenize(text.encode(), add_bos=False, special=special)
            llm.reset()
            llm.eval(toks)
            logits = np.array(llm._ctx.get_logits_ith(-1)[:llm.n_vocab()], dtype=np.float64) \
                if hasattr(llm._ctx, "get_logits_ith") else np.array(llm.scores[len(toks) - 1])
            top = np.argsort(-logits)[:20]
            gap = logits[top[4]] - logits[top[5]]
            if gap < MIN_GAP:
                raise SystemExit("%s %s: 5th/6th logit gap %.3f < %.1f, choose another prompt" % (qname, name, gap, MIN_GAP))
            cases.append({"name": name, "text": text, "special": special, "tokens": toks,
                          "top": [[int(i), round(float(logits[i]), 5)] for i in top]})
            print(qname, name, len(toks), "tokens, top-5", [int(i) for i in top[:5]], "5th/6th gap %.3f" % gap)
        out[qname] = cases
    with open(os.path.join(HERE, "smollm2_refs.json"), "w") as f:
        json.dump(out, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
