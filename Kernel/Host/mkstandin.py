#!/usr/bin/env python3
"""Writes a tiny stand-in GGUF model for the fast kernel test images that need the ProbeLogits layer to run a
real engine without the cost of SmolLM2 under TCG (make kernel-egress-test).

A random 1-layer llama (dim 64, F32) with a byte-fallback SentencePiece vocabulary (any text encodes) and an
all-zero output matrix: every logit is exactly 0, so the margin of any verbalizers is 0 and P(unsafe) =
calibration(0) whatever the prompt is. The forward pass still runs over the whole prompt (real prefix KV,
real query prefill). Deterministic (fixed seed).

usage: mkstandin.py OUT.gguf
"""
import sys

import numpy as np
import gguf

D, HEADS, KV, FF, LAYERS, CONTEXT = 64, 4, 2, 128, 1, 4096


def main(path):
    rng = np.random.default_rng(20261128)
    toks = ["<unk>", "<s>", "</s>"] + ["<0x%02X>" % b for b in range(256)]
    w = gguf.GGUFWriter(path, "llama")
    w.add_name("warden-standin-zero-logits")
    w.add_block_count(LAYERS)
    w.add_context_length(CONTEXT)
    w.add_embedding_length(D)
    w.add_feed_forward_length(FF)
    w.add_head_count(HEADS)
    w.add_head_count_kv(KV)
    w.add_layer_norm_rms_eps(1e-5)
    w.add_rope_freq_base(10000.0)
    w.add_tokenizer_model("llama")
    w.add_token_list(toks)
    w.add_token_scores([0.0] * len(toks))
    w.add_token_types([2, 3, 3] + [6] * 256)
    w.add_bos_token_id(1)
    w.add_eos_token_id(2)
    w.add_unk_token_id(0)
    w.add_add_bos_token(False)
    hd = D // HEADS

    def mat(rows, cols, scale):
        return (rng.standard_normal((rows, cols)) * scale).astype(np.float32)

    w.add_tensor("token_embd.weight", mat(len(toks), D, 0.3))
    for i in range(LAYERS):
        p = "blk.%d." % i
        w.add_tensor(p + "attn_norm.weight", np.ones(D, dtype=np.float32))
        w.add_tensor(p + "attn_q.weight", mat(HEADS * hd, D, 0.2))
        w.add_tensor(p + "attn_k.weight", mat(KV * hd, D, 0.2))
        w.add_tensor(p + "attn_v.weight", mat(KV * hd, D, 0.1))
        w.add_tensor(p + "attn_output.weight", mat(D, HEADS * hd, 0.1))
        w.add_tensor(p + "ffn_norm.weight", np.ones(D, dtype=np.float32))
        w.add_tensor(p + "ffn_gate.weight", mat(FF, D, 0.1))
        w.add_tensor(p + "ffn_up.weight", mat(FF, D, 0.1))
        w.add_tensor(p + "ffn_down.weight", mat(D, FF, 0.1))
    w.add_tensor("output_norm.weight", np.ones(D, dtype=np.float32))
    w.add_tensor("output.weight", np.zeros((len(toks), D), dtype=np.float32))   # every logit is 0
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
