#!/usr/bin/env python3
"""Requantizes a GGUF model so every 2-D matrix is Q4_0 (norms and biases stay F32), with gguf-py.

Usage: requantize_q4_0.py IN.gguf OUT.gguf
Used to make SmolLM2-135M-Instruct.Q4_0.gguf from the shipped Q4_1 file (double quantization: the result is
a valid Q4_0 model of slightly lower quality, exercising the Q4_0 kernels the 7B deployment target uses).
"""
import sys

import numpy as np
import gguf
from gguf import GGMLQuantizationType as T


def main(src, dst):
    r = gguf.GGUFReader(src)
    arch = r.fields["general.architecture"]
    arch = bytes(arch.parts[arch.data[0]]).decode()
    w = gguf.GGUFWriter(dst, arch)
    for name, field in r.fields.items():
        if name.startswith("GGUF.") or name in ("general.architecture", "general.file_type"):
            continue
        vtype = field.types[0]
        if vtype == gguf.GGUFValueType.ARRAY:
            sub = field.types[1]
            if sub == gguf.GGUFValueType.STRING:
                val = [bytes(field.parts[i]).decode("utf-8", errors="surrogateescape") for i in field.data]
            else:
                val = [field.parts[i].tolist()[0] for i in field.data]
            w.add_key_value(name, val, vtype, sub_type=sub)
        elif vtype == gguf.GGUFValueType.STRING:
            w.add_key_value(name, bytes(field.parts[field.data[0]]).decode("utf-8", errors="surrogateescape"), vtype)
        else:
            w.add_key_value(name, field.parts[field.data[0]].tolist()[0], vtype)
    w.add_file_type(2)  # MOSTLY_Q4_0 (overrides the source's file type key, skipped above if present)
    for t in r.tensors:
        shape = [int(x) for x in reversed(t.shape.tolist())]   # numpy order (ne1, ne0)
        if len(shape) == 2 and t.tensor_type != T.F32:
            data = gguf.quants.dequantize(t.data, t.tensor_type).reshape(shape).astype(np.float32)
            w.add_tensor(t.name, gguf.quants.quantize(data, T.Q4_0), raw_dtype=T.Q4_0)
        else:
            w.add_tensor(t.name, np.asarray(t.data).reshape(shape))
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
