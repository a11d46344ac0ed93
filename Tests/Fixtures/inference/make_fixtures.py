#!/usr/bin/env python3
"""Writes tiny random llama/qwen2 GGUF models and llama.cpp reference logits for the Inference parity tests.

Run from the repository root:  python3 Tests/Fixtures/inference/make_fixtures.py
Needs `gguf` (writer, Q4_0/Q4_1/Q8_0 quantizers) and `llama-cpp-python` (reference). Deterministic (fixed seeds).
Outputs, next to this script: <name>.gguf and <name>.logits.json = {"tokens": [...], "vocab": V, "logits": [[...] per position]}.
"""
import json
import os
import sys

import numpy as np
import gguf

HERE = os.path.dirname(os.path.abspath(__file__))

# name, arch, quant of matrices, embedding type, output type (None = tied), dims, extras
FIXTURES = [
    dict(name="llama_q4_0_untied", arch="llama", mat="Q4_0", embd="Q4_0", out="Q4_0",
         d=64, heads=4, kv=2, ff=128, layers=2, rope_base=10000.0),
    dict(name="llama_f16_tied", arch="llama", mat="F16", embd="F16", out=None,
         d=64, heads=4, kv=4, ff=128, layers=2, rope_base=10000.0),
    dict(name="qwen2_q8_0_tied", arch="qwen2", mat="Q8_0", embd="Q8_0", out=None,
         d=64, heads=4, kv=2, ff=128, layers=2, rope_base=1000000.0),
    dict(name="qwen2_f32_untied", arch="qwen2", mat="F32", embd="F32", out="F32",
         d=64, heads=4, kv=1, ff=96, layers=2, rope_base=10000.0),
    dict(name="llama_q4_1_q6k_linear", arch="llama", mat="Q4_1", embd="Q8_0", out="Q6_K",
         d=256, heads=4, kv=2, ff=256, layers=1, rope_base=100000.0, rope_linear=2.0),
]
VOCAB_WORDS = 29          # vocab = 3 specials + 256 byte tokens + words = 288
SEQ = [1, 260, 75, 101, 287, 33, 270, 5, 266, 199, 281, 42, 264, 100]


def vocab():
    toks = ["<unk>", "<s>", "</s>"] + ["<0x%02X>" % b for b in range(256)]
    toks += ["\u2581w%d" % i for i in range(VOCAB_WORDS)]
    types = [2, 3, 3] + [6] * 256 + [1] * VOCAB_WORDS
    scores = [0.0, 0.0, 0.0] + [0.0] * 256 + [-float(i) for i in range(VOCAB_WORDS)]
    return toks, scores, types


def q6_k_random(rng, rows, cols):
    """Random but valid Q6_K blocks (gguf-py cannot quantize K-quants): ql, qh, int8 scales, f16 d."""
    nb = cols // 256
    out = np.zeros((rows, nb, 210), dtype=np.uint8)
    out[:, :, :192] = rng.integers(0, 256, size=(rows, nb, 192), dtype=np.uint8)
    out[:, :, 192:208] = rng.integers(-40, 40, size=(rows, nb, 16)).astype(np.int8).view(np.uint8)
    d = (rng.uniform(0.5, 1.5, size=(rows, nb)) * 1.5e-4).astype(np.float16)
    out[:, :, 208:210] = d.view(np.uint8).reshape(rows, nb, 2)
    return out.reshape(rows, nb * 210)


def add(w, rng, name, data, qtype):
    """Adds a (rows, cols) float matrix in the given type (numpy shape is (ne1, ne0))."""
    if qtype == "F32":
        w.add_tensor(name, data.astype(np.float32))
    elif qtype == "F16":
        w.add_tensor(name, data.astype(np.float16))
    elif qtype == "Q6_K":
        raw = q6_k_random(rng, data.shape[0], data.shape[1])
        w.add_tensor(name, raw, raw_dtype=gguf.GGMLQuantizationType.Q6_K)
    else:
        t = getattr(gguf.GGMLQuantizationType, qtype)
        w.add_tensor(name, gguf.quants.quantize(data.astype(np.float32), t), raw_dtype=t)


def write_model(spec, path, attempt):
    rng = np.random.default_rng(sum(map(ord, spec["name"])) + 1000 * attempt)
    arch, d, hd = spec["arch"], spec["d"], spec["d"] // spec["heads"]
    toks, scores, types = vocab()
    V = len(toks)
    w = gguf.GGUFWriter(path, arch)
    w.add_name(spec["name"])
    w.add_block_count(spec["layers"])
    w.add_context_length(256)
    w.add_embedding_length(d)
    w.add_feed_forward_length(spec["ff"])
    w.add_head_count(spec["heads"])
    w.add_head_count_kv(spec["kv"])
    w.add_layer_norm_rms_eps(1e-5)
    w.add_rope_freq_base(spec["rope_base"])
    if "rope_linear" in spec:
        w.add_rope_scaling_type(gguf.RopeScalingType.LINEAR)
        w.add_rope_scaling_factor(spec["rope_linear"])
    w.add_tokenizer_model("llama")
    w.add_token_list(toks)
    w.add_token_scores(scores)
    w.add_token_types(types)
    w.add_bos_token_id(1)
    w.add_eos_token_id(2)
    w.add_unk_token_id(0)
    w.add_add_bos_token(False)

    def mat(rows, cols, scale):
        return rng.standard_normal((rows, cols)).astype(np.float32) * scale

    def norm(n):
        return (1.0 + 0.1 * rng.standard_normal(n)).astype(np.float32)

    add(w, rng, "token_embd.weight", mat(V, d, 0.3), spec["embd"])
    qd, kvd = spec["heads"] * hd, spec["kv"] * hd
    s = 1.0 / np.sqrt(d)
    for i in range(spec["layers"]):
        p = "blk.%d." % i
        w.add_tensor(p + "attn_norm.weight", norm(d))
        add(w, rng, p + "attn_q.weight", mat(qd, d, 2 * s), spec["mat"])
        add(w, rng, p + "attn_k.weight", mat(kvd, d, 2 * s), spec["mat"])
        add(w, rng, p + "attn_v.weight", mat(kvd, d, s), spec["mat"])
        if arch == "qwen2":
            w.add_tensor(p + "attn_q.bias", (0.1 * rng.standard_normal(qd)).astype(np.float32))
            w.add_tensor(p + "attn_k.bias", (0.1 * rng.standard_normal(kvd)).astype(np.float32))
            w.add_tensor(p + "attn_v.bias", (0.1 * rng.standard_normal(kvd)).astype(np.float32))
        add(w, rng, p + "attn_output.weight", mat(d, qd, s), spec["mat"])
        w.add_tensor(p + "ffn_norm.weight", norm(d))
        add(w, rng, p + "ffn_gate.weight", mat(spec["ff"], d, s), spec["mat"])
        add(w, rng, p + "ffn_up.weight", mat(spec["ff"], d, s), spec["mat"])
        add(w, rng, p + "ffn_down.weight", mat(d, spec["ff"], 1.0 / np.sqrt(spec["ff"])), spec["mat"])
    w.add_tensor("output_norm.weight", norm(d))
    if spec["out"] is not None:
        add(w, rng, "output.weight", mat(V, d, s), spec["out"])
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()


def reference_logits(path, tokens, batch):
    from llama_cpp import Llama
    llm = Llama(model_path=path, n_ctx=64, n_batch=batch, n_ubatch=batch, n_threads=1, n_threads_batch=1,
                logits_all=True, flash_attn=False, verbose=False)
    llm.eval(tokens)
    V = llm.n_vocab()
    return np.array(llm.scores[:len(tokens), :V], dtype=np.float64), V


def well_conditioned_reference(spec, path):
    """llama.cpp's batched and token-by-token paths sum in different orders; when that flips a Q8 rounding
    the fixture is ill-conditioned (a ~0.3 jump), so draw new weights until both paths agree to 1e-4."""
    for attempt in range(20):
        write_model(spec, path, attempt)
        batched, V = reference_logits(path, SEQ, 64)
        single, _ = reference_logits(path, SEQ, 1)
        gap = float(np.abs(batched - single).max())
        if gap <= 1e-4:
            return batched.tolist(), V, attempt, gap
    raise SystemExit("%s: no well-conditioned draw in 20 attempts" % spec["name"])


def main():
    only = set(sys.argv[1:])
    for spec in FIXTURES:
        if only and spec["name"] not in only:
            continue
        path = os.path.join(HERE, spec["name"] + ".gguf")
        logits, V, attempt, gap = well_conditioned_reference(spec, path)
        with open(os.path.join(HERE, spec["name"] + ".logits.json"), "w") as f:
            json.dump({"tokens": SEQ, "vocab": V,
                       "logits": [[round(x, 6) for x in row] for row in logits]}, f, separators=(",", ":"))
        print("%-24s %7d bytes, vocab %d, draw %d, batch/single gap %.1e, last logits [%.3f, %.3f]"
              % (spec["name"], os.path.getsize(path), V, attempt, gap, min(logits[-1]), max(logits[-1])))


if __name__ == "__main__":
    main()
