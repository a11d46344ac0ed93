#!/usr/bin/env python3
"""Tokenizer fixtures and llama.cpp reference token ids for the Warden tokenizer tests.

Writes (next to this script):
  tiny-spm.gguf                 a ~500-token llama-style SentencePiece vocabulary (vocab only, no tensors)
  tokenizer_refs_spm.json       llama.cpp token ids / detokenization for tiny-spm.gguf
  tokenizer_refs_smollm2.json   llama.cpp token ids for SmolLM2-135M-Instruct's vocabulary, with its own
                                pre-tokenizer (smollm) and re-labelled as qwen2, llama3 (llama-bpe) and gpt-2

Usage: python3 make_tokenizer_refs.py [path/to/SmolLM2-135M-Instruct.Q4_1.gguf]
Needs: gguf (PyPI), llama-cpp-python (vocab_only=True is enough). Deterministic: same inputs, same files.
"""
import ctypes, json, os, sys, tempfile
from collections import Counter

import gguf
import llama_cpp

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SMOL = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "build", "models", "SmolLM2-135M-Instruct.Q4_1.gguf")

# Prompts: ASCII, code, JSON, Unicode/CJK/emoji, whitespace runs, digit runs, contractions, ChatML, long words.
PROMPTS = [
    "Hello world",
    "Hello, world! How are you today?",
    " leading space",
    "trailing space ",
    "  two leading spaces",
    "multiple   spaces   inside",
    "tabs\tand\nnewlines\n\n\nend",
    "windows\r\nline\r\n\r\nendings",
    "   ",
    " ",
    "\n",
    "a\n\n\n\nb",
    "x    \n    y",
    " \n \n ",
    "end\n",
    "I'm sure it's fine, they're here and we've done what you'll do; he'd say DON'T",
    "'s 're 'll 'S 'RE 'Ve 'd 't 'm",
    "1234567890",
    "3.14159 and 2,718 and 1e10",
    "year 2024: 365 days, 12345678 ms",
    "def f(x):\n    return x**2  # square\n",
    "for (int i = 0; i < n; ++i) { sum += a[i]; }",
    '{"tool": "fs_read", "args": {"path": "/etc/passwd", "limit": 100}}',
    "<html><body class=\"x\">&amp;</body></html>",
    "Café naïve résumé",
    "Привет мир",
    "こんにちは世界",
    "你好，世界！",
    "안녕하세요",
    "emoji 😀🎉 👍🏽 family 👨‍👩‍👧",
    "Ünïcödé ß ẞ",
    "mixed العربية text",
    "math ∑∫√ ≤ ≥ ½ ² ٣",
    "zero\u200bwidth and nbsp\u00a0here and ideographic\u3000space",
    "e\u0301 vs \u00e9",
    "bell\u0007 unit\u001f sep",
    "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\nIs `rm -rf /` safe?<|im_end|>\n<|im_start|>assistant\n",
    "<|endoftext|>text<|im_end|> and <|im_start without end",
    "Hello<|im_end|>world",
    "supercalifragilisticexpialidocious",
    "pneumonoultramicroscopicsilicovolcanoconiosis",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "https://example.com/path/to/resource?query=value&other=123#frag",
    "The quick brown fox jumps over the lazy dog.",
    "SELECT * FROM users WHERE name = 'admin' --",
    "rm -rf / --no-preserve-root && echo done",
    "<tool>call</tool> with <unk> and <s> inside",
    "don'T WON'T I'M we'RE they'Ll",
    "hello!!!\n\nworld...\n",
    "foo(bar)\n\n\tbaz();",
    "  \t  x \n",
    "word\u00a0\u00a0word \u2003 em",
    "(hello) [world] {json} <tag>",
    "1+1=2, 10/3≈3.33, -5°C",
    "Iñtërnâtiônàlizætiøn",
    "a'b c'd 'quoted' \"double\"",
    "ALL CAPS SENTENCE WITH NUMBERS 42 AND 7",
]


def detokenize(llm, ids, special):
    """llama_detokenize(remove_special=False, unparse_special=special) as bytes."""
    arr = (llama_cpp.llama_token * max(1, len(ids)))(*ids)
    cap = 64 + 16 * len(ids)
    buf = ctypes.create_string_buffer(cap)
    n = llama_cpp.llama_detokenize(llm._model.vocab, arr, len(ids), buf, cap, False, special)
    assert 0 <= n <= cap, n
    return buf.raw[:n]


def piece(llm, token, special=True):
    buf = ctypes.create_string_buffer(256)
    n = llama_cpp.llama_token_to_piece(llm._model.vocab, token, buf, 256, 0, special)
    assert 0 <= n <= 256, n
    return list(buf.raw[:n])


def llama_refs(path):
    llm = llama_cpp.Llama(model_path=path, vocab_only=True, verbose=False)
    cases = []
    for text in PROMPTS:
        raw = text.encode("utf-8")
        ids = llm.tokenize(raw, add_bos=False, special=False)
        ids_special = llm.tokenize(raw, add_bos=False, special=True)
        cases.append({
            "text": text,
            "ids": ids,
            "ids_special": ids_special,
            "ids_add_special": llm.tokenize(raw, add_bos=True, special=True),
            "decoded": detokenize(llm, ids, False).decode("utf-8", errors="replace"),
            "decoded_special": detokenize(llm, ids_special, True).decode("utf-8", errors="replace"),
        })
    n = llm.n_vocab()
    # Pieces (llama_token_to_piece, special rendered and not) for a spread of ids, as byte lists.
    step = max(1, n // 97)
    ids = sorted(set(list(range(0, min(n, 40))) + list(range(0, n, step)) + [n - 1]))
    pieces = {str(i): [piece(llm, i, True), piece(llm, i, False)] for i in ids}
    info = {"n_vocab": n, "bos": llm.token_bos(), "eos": llm.token_eos()}
    del llm
    return {"info": info, "cases": cases, "pieces": pieces}


# ---------------------------------------------------------------------------------------------
# Tiny SentencePiece (llama) vocabulary: specials, 256 byte tokens, characters and greedy merges
# learned from a small corpus; score = -rank so merge order is well defined (some ties on purpose).
# ---------------------------------------------------------------------------------------------
CORPUS = """The quick brown fox jumps over the lazy dog. Hello world! Hello, world.
the theory of the thing is that there are three other threads; they're here and it's fine.
def hello(): return world  # comment
for i in range(10): print(i, i * 2)
世界 你好 世界你好 café naïve résumé
12 123 2024 3.14 100 1000
""" * 3

def make_spm(path):
    text = CORPUS.replace(" ", "\u2581").replace("\n", "\u2581")
    words = [("\u2581" + w) if not w.startswith("\u2581") else w for w in text.split("\u2581") if w]
    words = ["\u2581" + w.lstrip("\u2581") for w in words]
    chars = sorted(set("".join(words)))
    vocab = [c for c in chars]
    seqs = [list(w) for w in words]
    merges = []
    for _ in range(220):
        pairs = Counter()
        for s in seqs:
            for a, b in zip(s, s[1:]):
                pairs[(a, b)] += 1
        if not pairs:
            break
        (a, b), cnt = max(pairs.items(), key=lambda kv: (kv[1], kv[0]))
        if cnt < 2:
            break
        merged = a + b
        merges.append(merged)
        for s in seqs:
            i = 0
            while i < len(s) - 1:
                if s[i] == a and s[i + 1] == b:
                    s[i:i + 2] = [merged]
                i += 1
    tokens, scores, types = [], [], []
    def add(t, score, ty):
        tokens.append(t); scores.append(score); types.append(ty)
    add("<unk>", 0.0, gguf.TokenType.UNKNOWN)
    add("<s>", 0.0, gguf.TokenType.CONTROL)
    add("</s>", 0.0, gguf.TokenType.CONTROL)
    for b in range(256):
        add("<0x%02X>" % b, 0.0, gguf.TokenType.BYTE)
    add("<|im_start|>", 0.0, gguf.TokenType.CONTROL)
    add("<|im_end|>", 0.0, gguf.TokenType.CONTROL)
    add("<tool>", 0.0, gguf.TokenType.USER_DEFINED)
    seen = set(tokens)
    rank = 0
    for m in merges:
        if m not in seen:
            # Every 7th merge shares its score with the previous one: ties resolve leftmost-first.
            add(m, -float(rank - (1 if rank % 7 == 6 else 0)), gguf.TokenType.NORMAL)
            seen.add(m); rank += 1
    for c in vocab:
        if c not in seen:
            add(c, -1000.0 - len(tokens), gguf.TokenType.NORMAL)
            seen.add(c)
    w = gguf.GGUFWriter(path, "llama")
    w.add_context_length(128)
    w.add_embedding_length(64)
    w.add_block_count(1)
    w.add_feed_forward_length(128)
    w.add_head_count(4)
    w.add_head_count_kv(4)
    w.add_layer_norm_rms_eps(1e-5)
    w.add_tokenizer_model("llama")
    w.add_token_list(tokens)
    w.add_token_scores(scores)
    w.add_token_types(types)
    w.add_bos_token_id(1)
    w.add_eos_token_id(2)
    w.add_unk_token_id(0)
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    return len(tokens)


def relabel(src, dst, pre):
    """Vocab-only copy of `src` whose tokenizer.ggml.pre is `pre` (all other metadata kept)."""
    r = gguf.GGUFReader(src)
    w = gguf.GGUFWriter(dst, r.fields["general.architecture"].contents())
    for name, f in r.fields.items():
        if name.startswith("GGUF.") or name == "general.architecture":
            continue
        value = pre if name == "tokenizer.ggml.pre" else f.contents()
        vtype = f.types[0]
        if vtype == gguf.GGUFValueType.ARRAY:
            w.add_key_value(name, value, vtype, sub_type=f.types[-1])
        else:
            w.add_key_value(name, value, vtype)
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()


def dump(obj, name):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=None, separators=(",", ":"))
        f.write("\n")


def main():
    spm_path = os.path.join(HERE, "tiny-spm.gguf")
    n = make_spm(spm_path)
    print(f"tiny-spm.gguf: {n} tokens, {os.path.getsize(spm_path)} bytes")
    dump(llama_refs(spm_path), "tokenizer_refs_spm.json")
    if not os.path.exists(SMOL):
        sys.exit(f"SmolLM2 model not found at {SMOL}; SPM refs written, SmolLM2 refs skipped")
    out = {"smollm": llama_refs(SMOL)}
    with tempfile.TemporaryDirectory() as tmp:
        for label, pre in (("qwen2", "qwen2"), ("llama3", "llama-bpe"), ("gpt2", "gpt-2")):
            p = os.path.join(tmp, f"smollm2-{label}.gguf")
            relabel(SMOL, p, pre)
            out[label] = llama_refs(p)
    dump(out, "tokenizer_refs_smollm2.json")
    print("tokenizer_refs_smollm2.json written")


if __name__ == "__main__":
    main()
