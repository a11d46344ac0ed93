#!/usr/bin/env python3
"""Builds a GRUB (multiboot2) ISO: the kernel, a command line, and modules given as path:name[:words].

Each module becomes `module2 /boot/modules/<file> <name> [words] crc32=<hex> size=<bytes>` in grub.cfg,
so the kernel can verify what it was given. Also generates the deterministic boot-test module.
"""
import argparse, os, shutil, subprocess, sys, tempfile, zlib


def make_test_module(path):
    data = bytes(((i * 31 + (i >> 8) * 7 + 3) & 0xFF) for i in range(192 * 1024))
    with open(path, "wb") as f:
        f.write(data)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--make-test-module")
    ap.add_argument("--kernel")
    ap.add_argument("--out")
    ap.add_argument("--cmdline", default="")
    ap.add_argument("modules", nargs="*", help="path:name[:extra words]")
    a = ap.parse_args()
    if a.make_test_module:
        make_test_module(a.make_test_module)
        return 0
    if not a.kernel or not a.out:
        ap.error("--kernel and --out are required")
    with tempfile.TemporaryDirectory() as tmp:
        boot = os.path.join(tmp, "boot")
        os.makedirs(os.path.join(boot, "grub"))
        os.makedirs(os.path.join(boot, "modules"))
        shutil.copy(a.kernel, os.path.join(boot, "warden.elf"))
        lines = []
        for spec in a.modules:
            parts = spec.split(":", 2)
            if len(parts) < 2 or not parts[1]:
                sys.exit(f"mkiso: module spec '{spec}' must be path:name")
            path, name = parts[0], parts[1]
            extra = parts[2] if len(parts) > 2 else ""
            if not os.path.isfile(path):
                sys.exit(f"mkiso: module file '{path}' not found")
            base = os.path.basename(path)
            shutil.copy(path, os.path.join(boot, "modules", base))
            crc, size = 0, 0
            with open(path, "rb") as f:
                while chunk := f.read(1 << 20):
                    crc = zlib.crc32(chunk, crc)
                    size += len(chunk)
            words = " ".join(w for w in [name, extra, f"crc32={crc:x}", f"size={size}"] if w)
            lines.append(f"    module2 /boot/modules/{base} {words}")
        cfg = "\n".join([
            "set timeout=0",
            "set default=0",
            'menuentry "warden" {',
            f"    multiboot2 /boot/warden.elf {a.cmdline}".rstrip(),
            *lines,
            "    boot",
            "}",
            "",
        ])
        with open(os.path.join(boot, "grub", "grub.cfg"), "w") as f:
            f.write(cfg)
        r = subprocess.run(["grub-mkrescue", "-o", a.out, tmp], capture_output=True, text=True)
        if r.returncode != 0:
            sys.stderr.write(r.stderr)
            sys.exit(f"mkiso: grub-mkrescue failed ({r.returncode})")
    print(f"  ISO      {a.out} ({len(a.modules)} module(s), cmdline '{a.cmdline}')")
    return 0


if __name__ == "__main__":
    sys.exit(main())
