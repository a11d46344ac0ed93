#!/usr/bin/env python3
"""mkfsimg.py DIR OUT: packs DIR into the RAM file-system image format of docs/agents.md
(`WARDENFS 1`, then `D <path>` and `F <path> <size>` + bytes + newline), sorted by path."""
import os
import sys

def main():
    root, out = sys.argv[1], sys.argv[2]
    parts = [b"WARDENFS 1\n"]
    for d, dirs, files in sorted(os.walk(root)):
        dirs.sort()
        rel = "/" + os.path.relpath(d, root).replace(os.sep, "/")
        rel = "/" if rel == "/." else rel
        if rel != "/":
            parts.append(f"D {rel}\n".encode())
        for f in sorted(files):
            path = (rel.rstrip("/") + "/" + f)
            if " " in path:
                sys.exit(f"mkfsimg: spaces are not allowed in paths: {path}")
            data = open(os.path.join(d, f), "rb").read()
            parts.append(f"F {path} {len(data)}\n".encode() + data + b"\n")
    with open(out, "wb") as fh:
        fh.write(b"".join(parts))

if __name__ == "__main__":
    main()
