#!/usr/bin/env python3
"""Kernel egress end to end (make kernel-egress-test): boots the egress test image under QEMU/TCG with COM2 (MCP)
and COM3 (egress) on Unix sockets, and checks through a raw MCP JSON-RPC client:

  1. no peer attached: an allowed http_fetch fails with the kernel's clear "egress peer not attached" error;
  2. with Kernel/Host/egress_peer.py attached (--resolve maps the test host name to 127.0.0.1), an allowed
     http_fetch of a local HTTP server started here is performed by the peer and its body reaches the client;
  3. denied calls (a loopback URL: layer 4; net_send above the client's tier: layer 2) have no side effect:
     the server sees no connection;
  4. the console's audit shows the four decisions (allowed, allowed, denied L4, denied L2) for agent mcp:<client>,
     and their wall_ns (CMOS RTC at boot + TSC) agrees with the host clock; so does the kernel's `rtc:` boot line.

Network tools are always ProbeLogits-gated; the image carries a stand-in model whose logits are all 0
(Kernel/Host/mkstandin.py: P(unsafe) = calibration(0) for any prompt, computed by the real engine) and the default
constitution with the ProbeLogits threshold raised to 0.99; every other layer and rule applies unchanged.
usage: kernel_egress_test.py --iso ISO [--qemu Q]
"""
import argparse, http.server, json, os, re, select, socket, subprocess, sys, tempfile, threading, time

HERE = os.path.dirname(os.path.abspath(__file__))
PEER = os.path.join(HERE, "..", "..", "Kernel", "Host", "egress_peer.py")
HOST_NAME = "egress-test.example"      # public-looking: passes layers 4 and 6; the peer resolves it locally
BODY = "hello from the egress test server\n"
CLOCK_SLACK_S = 120                    # kernel wall clock vs host clock (TCG timing, boot read granularity)


class Server(http.server.ThreadingHTTPServer):
    """Records every accepted connection and every request path."""
    def __init__(self):
        self.connections, self.paths = 0, []
        super().__init__(("127.0.0.1", 0), Handler)

    def verify_request(self, request, client_address):
        self.connections += 1
        return True


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.paths.append(self.path)
        data = BODY.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


class Console:
    def __init__(self, p):
        self.p, self.out, self.seen = p, bytearray(), 0

    def wait_prompt(self, timeout):
        start, end = len(self.out), time.monotonic() + timeout
        while self.out.count(b"warden> ") <= self.seen:
            left = end - time.monotonic()
            if left <= 0:
                raise TimeoutError("no console prompt")
            r, _, _ = select.select([self.p.stdout], [], [], min(left, 0.5))
            if r:
                chunk = os.read(self.p.stdout.fileno(), 65536)
                if not chunk:
                    raise EOFError("QEMU exited")
                self.out += chunk
        self.seen += 1
        return self.out[start:].decode(errors="replace").replace("\r", "")

    def command(self, line, timeout=30):
        self.p.stdin.write(line.encode() + b"\r")
        self.p.stdin.flush()
        return self.wait_prompt(timeout)


class MCP:
    def __init__(self, path):
        self.s = socket.socket(socket.AF_UNIX)
        self.s.connect(path)
        self.buf, self.next_id = b"", 1

    def send(self, obj):
        self.s.sendall(json.dumps(obj, separators=(",", ":")).encode() + b"\n")

    def request(self, method, params, timeout=60):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        end = time.monotonic() + timeout
        while True:
            while b"\n" in self.buf:
                line, self.buf = self.buf.split(b"\n", 1)
                msg = json.loads(line)
                if msg.get("id") == rid:
                    return msg
            left = end - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no MCP answer to {method}")
            self.s.settimeout(left)
            chunk = self.s.recv(65536)
            if not chunk:
                raise EOFError("MCP socket closed")
            self.buf += chunk

    def call(self, tool, arguments, timeout=60):
        r = self.request("tools/call", {"name": tool, "arguments": arguments}, timeout)
        if "result" not in r:
            raise ValueError(f"tools/call {tool}: {r}")
        res = r["result"]
        return res.get("isError", False), "".join(c.get("text", "") for c in res.get("content", []))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--iso", required=True)
    ap.add_argument("--qemu", default="qemu-system-x86_64")
    a = ap.parse_args()
    t0 = time.monotonic()
    problems = []

    def expect(cond, what):
        print(f"kernel-egress: {what} ... {'ok' if cond else 'FAIL'}")
        if not cond:
            problems.append(what)

    server = Server()
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://{HOST_NAME}:{port}/hello.txt"
    peer = None
    with tempfile.TemporaryDirectory() as tmp:
        mcp_sock, egress_sock = os.path.join(tmp, "mcp.sock"), os.path.join(tmp, "egress.sock")
        p = subprocess.Popen([a.qemu, "-accel", "tcg", "-cpu", "max", "-m", "1G", "-display", "none", "-no-reboot",
                              "-serial", "stdio", "-serial", f"unix:{mcp_sock},server,nowait",
                              "-serial", f"unix:{egress_sock},server,nowait", "-monitor", "none",
                              "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-cdrom", a.iso],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        con = Console(p)
        try:
            boot = con.wait_prompt(120)
            m = re.search(r"rtc: (\d{4})-\d\d-\d\d \d\d:\d\d:\d\d UTC \(unix (-?\d+) s", boot)
            expect(m is not None and abs(int(m[2]) - time.time()) < CLOCK_SLACK_S,
                   f"RTC at boot ({m[0] if m else 'no rtc: line'}) within {CLOCK_SLACK_S} s of the host clock "
                   f"(year {time.gmtime().tm_year})")
            expect("governed MCP server on COM2" in boot, "MCP server on COM2")
            expect("model: ready in" in boot, "stand-in model loaded (layer 5 runs a real engine)")
            mcp = MCP(mcp_sock)
            init = mcp.request("initialize", {"protocolVersion": "2025-06-18", "capabilities": {},
                                              "clientInfo": {"name": "egress-e2e", "version": "1"}})
            expect(init.get("result", {}).get("protocolVersion") == "2025-06-18", "MCP initialize")
            mcp.send({"jsonrpc": "2.0", "method": "notifications/initialized"})

            err, text = mcp.call("http_fetch", {"url": url})
            expect(err and "egress peer not attached" in text and server.connections == 0,
                   f"no peer: allowed http_fetch fails clearly ({text[:90]!r})")

            peer = subprocess.Popen([sys.executable, PEER, "--connect", f"unix:{egress_sock}", "--wait", "10",
                                     "--resolve", f"{HOST_NAME}:{port}:127.0.0.1"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            line = ""
            while "connected" not in line:   # the peer logs "connected" once QEMU's socket accepted it
                line = peer.stderr.readline()
                if not line:
                    raise EOFError("egress peer exited before connecting")
            err, text = mcp.call("http_fetch", {"url": url})
            result = json.loads(text) if not err else {}
            expect(not err and result.get("status") == 200 and result.get("body") == BODY
                   and server.paths == ["/hello.txt"],
                   f"allowed http_fetch performed by the peer, body back to the client ({text[:80]!r})")

            before = server.connections
            err, text = mcp.call("http_fetch", {"url": f"http://127.0.0.1:{port}/secret"})
            expect(err and text.startswith("denied by layer 4"), f"loopback URL denied ({text[:70]!r})")
            err, text = mcp.call("net_send", {"host": HOST_NAME, "port": port, "data": "GET /raw HTTP/1.0\r\n\r\n"})
            expect(err and text.startswith("denied by layer 2"), f"net_send above the client's tier denied ({text[:70]!r})")
            time.sleep(0.5)
            expect(server.connections == before and "/secret" not in server.paths and "/raw" not in server.paths,
                   "denied calls reached nothing")

            tail = con.command("audit tail 4")
            rows = re.findall(r"#(\d+) mcp:egress-e2e (\w+) (allow|deny) (L\d|-)", tail)
            expect([(t, v, l) for _, t, v, l in rows] == [("http_fetch", "allow", "-"), ("http_fetch", "allow", "-"),
                                                          ("http_fetch", "deny", "L4"), ("net_send", "deny", "L2")],
                   f"audit tail: {[(t, v, l) for _, t, v, l in rows]}")
            if rows:
                show = con.command(f"audit show {rows[1][0]}")
                lat = re.search(r'"latency_ns":\[(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)\]', show)
                expect(lat is not None and int(lat[5]) > 0, "the allowed call passed layer 5 (ProbeLogits ran)")
                w = re.search(r'"wall_ns":(-?\d+)', show)
                expect(w is not None and abs(int(w[1]) / 1e9 - time.time()) < CLOCK_SLACK_S,
                       f"audit wall_ns is Unix time ({int(w[1]) / 1e9 - time.time():+.1f} s from the host clock)"
                       if w else "audit show gives wall_ns")
            verify = con.command("audit verify")
            expect("OK" in verify, "audit verify")
            con.p.stdin.write(b"poweroff\r")
            con.p.stdin.flush()
            expect(p.wait(timeout=30) == 0, "poweroff")
        except (TimeoutError, EOFError, ValueError, OSError, json.JSONDecodeError) as e:
            problems.append(f"{type(e).__name__}: {e}")
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()
            if peer is not None:
                peer.terminate()
                peer.wait()
    server.shutdown()
    took = time.monotonic() - t0
    if problems:
        print(f"kernel-egress-test ... FAIL ({took:.1f} s)")
        for pr in problems:
            print("    " + pr)
        for l in con.out.decode(errors="replace").replace("\r", "").split("\n")[-30:]:
            print("    | " + l)
        return 1
    print(f"kernel-egress-test ... ok ({took:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
