#!/usr/bin/env python3
"""Kernel integration test: boots the agents image under QEMU/TCG with COM2 on a Unix socket and runs the
MCP Python SDK client test (Tests/Integration/mcp_client_test.py --connect) against the in-kernel governed
MCP server; then checks on the console that the calls were audited under the client's identity.

usage: kernel_mcp_test.py --iso ISO [--qemu Q]
"""
import argparse, os, select, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))


def read_until(p, out, marker, timeout):
    end = time.monotonic() + timeout
    while marker not in out:
        left = end - time.monotonic()
        if left <= 0:
            return False
        r, _, _ = select.select([p.stdout], [], [], min(left, 0.5))
        if r:
            chunk = os.read(p.stdout.fileno(), 65536)
            if not chunk:
                return False
            out += chunk
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--iso", required=True)
    ap.add_argument("--qemu", default="qemu-system-x86_64")
    a = ap.parse_args()
    try:
        import mcp  # noqa: F401
    except ImportError:
        print("kernel-mcp-test ... FAIL: python package `mcp` missing (pip install mcp)")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        sock = os.path.join(tmp, "mcp.sock")
        p = subprocess.Popen([a.qemu, "-accel", "tcg", "-cpu", "max", "-m", "1G", "-display", "none", "-no-reboot",
                              "-serial", "stdio", "-serial", f"unix:{sock},server,nowait", "-monitor", "none",
                              "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-cdrom", a.iso],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        out = bytearray()
        ok = True
        try:
            if not read_until(p, out, b"warden> ", 60):
                print("kernel-mcp-test ... FAIL: no console prompt")
                ok = False
            elif b"governed MCP server on COM2" not in out:
                print("kernel-mcp-test ... FAIL: the kernel did not start the MCP server on COM2")
                ok = False
            else:
                r = subprocess.run([sys.executable, os.path.join(HERE, "mcp_client_test.py"), "--connect", "unix:" + sock],
                                   capture_output=True, text=True, timeout=300)
                print(r.stdout + r.stderr)
                if r.returncode != 0:
                    print(f"kernel-mcp-test ... FAIL: mcp_client_test.py exit {r.returncode}")
                    ok = False
                out.clear()
                p.stdin.write(b"audit tail 4\r")
                p.stdin.flush()
                read_until(p, out, b"warden> ", 20)
                text = out.decode(errors="replace")
                print(text)
                if " mcp:" not in text:
                    print("kernel-mcp-test ... FAIL: no audit record with an mcp: agent")
                    ok = False
            p.stdin.write(b"poweroff\r")
            p.stdin.flush()
            p.wait(timeout=20)
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()
    print("kernel-mcp-test ... " + ("ok" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
