#!/usr/bin/env python3
"""Tests of Kernel/Host/egress_peer.py, playing the kernel's side of the egress serial port.

Part 1 drives the peer directly over a Unix socket (ping, http_fetch against a local HTTP server,
net_send to a local TCP echo server, proc_exec with its allow-list, timeouts, protocol errors).
Part 2 (when a warden-mcp binary is given) runs the whole host chain: MCP client -> warden-mcp ->
gateway -> EgressClient (Swift) -> socket -> egress_peer.py -> subprocess, and back.
Python 3 stdlib only. Exit status 0 if all pass.

usage: egress_peer_test.py [--warden-mcp PATH]
"""
import argparse
import http.server
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PEER = os.path.join(HERE, "..", "..", "Kernel", "Host", "egress_peer.py")
failures = []


def check(name, condition, detail=""):
    print(f"{name} ... {'ok' if condition else 'FAIL'}" + ("" if condition or not detail else f"  ({detail})"), flush=True)
    if not condition:
        failures.append(name)


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/slow":
            time.sleep(2)
        if self.path == "/missing":
            self.send_error(404)
            return
        body = b"x" * 5000 if self.path == "/big" else b"hello " + self.path.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except BrokenPipeError:
            pass  # the peer gave up (the timeout case)

    def do_POST(self):
        data = self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def start_http():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def start_echo():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)

    def serve():
        while True:
            conn, _ = listener.accept()
            with conn:
                data = b""
                while chunk := conn.recv(4096):
                    data += chunk
                conn.sendall(b"echo:" + data)

    threading.Thread(target=serve, daemon=True).start()
    return listener.getsockname()[1]


class Kernel:
    """The kernel's end: a listening socket the peer connects to, one request line at a time."""

    def __init__(self, path):
        self.listener = socket.socket(socket.AF_UNIX)
        self.listener.bind(path)
        self.listener.listen(1)
        self.listener.settimeout(20)
        self.peer = subprocess.Popen([sys.executable, PEER, "--connect", "unix:" + path, "--once",
                                      "--allow-exec", "echo", "--allow-exec", "sleep"], stderr=subprocess.DEVNULL)
        self.conn, _ = self.listener.accept()
        self.conn.settimeout(20)
        self.reader = self.conn.makefile("rb")
        self.next_id = 1

    def raw(self, line: bytes) -> dict:
        self.conn.sendall(line + b"\n")
        return json.loads(self.reader.readline())

    def call(self, tool, arguments, timeout_ms=5000, max_bytes=65536):
        rid, self.next_id = self.next_id, self.next_id + 1
        reply = self.raw(json.dumps({"v": 1, "id": rid, "op": "call", "tool": tool, "arguments": arguments,
                                     "timeout_ms": timeout_ms, "max_bytes": max_bytes}).encode())
        assert reply["id"] == rid, reply
        return reply

    def close(self):
        self.reader.close()
        self.conn.close()
        try:
            self.peer.wait(timeout=10)
        except subprocess.TimeoutExpired:
            failures.append("peer exits when the kernel closes the port")
            self.peer.kill()


def peer_tests(tmp):
    http_server = start_http()
    base = f"http://127.0.0.1:{http_server.server_address[1]}"
    echo_port = start_echo()
    k = Kernel(os.path.join(tmp, "egress.sock"))
    try:
        r = k.raw(b'{"v":1,"id":99,"op":"ping"}')
        check("ping answers with the peer's identity", r == {"v": 1, "id": 99, "ok": True, "result": {
            "peer": "warden-egress-peer", "version": 1, "tools": ["http_fetch", "net_send", "proc_exec"]}}, str(r))

        r = k.call("http_fetch", {"url": base + "/hello"})
        check("http_fetch GET", r["ok"] and r["result"]["status"] == 200 and r["result"]["body"] == "hello /hello"
              and r["result"]["truncated"] is False, str(r))
        r = k.call("http_fetch", {"url": base + "/post", "method": "POST", "body": "payload"})
        check("http_fetch POST sends the body", r["ok"] and r["result"]["body"] == "payload", str(r))
        r = k.call("http_fetch", {"url": base + "/big"}, max_bytes=100)
        check("http_fetch caps the body at max_bytes", r["ok"] and len(r["result"]["body"]) == 100
              and r["result"]["truncated"] is True, str(r)[:200])
        r = k.call("http_fetch", {"url": base + "/missing"})
        check("http_fetch reports an HTTP error status as a result", r["ok"] and r["result"]["status"] == 404, str(r)[:200])
        t = time.monotonic()
        r = k.call("http_fetch", {"url": base + "/slow"}, timeout_ms=300)
        check("http_fetch times out", not r["ok"] and r["error"]["code"] == "timeout" and time.monotonic() - t < 1.5, str(r))
        r = k.call("http_fetch", {"url": "file:///etc/passwd"})
        check("http_fetch refuses non-HTTP URLs", not r["ok"] and r["error"]["code"] == "bad_arguments", str(r))

        r = k.call("net_send", {"host": "127.0.0.1", "port": echo_port, "data": "ping\n"})
        check("net_send tcp returns the reply", r["ok"] and r["result"] == {"bytes_sent": 5, "reply": "echo:ping\n",
                                                                             "truncated": False}, str(r))
        closed = socket.socket()
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
        closed.close()
        r = k.call("net_send", {"host": "127.0.0.1", "port": port, "data": "x"})
        check("net_send to a closed port is an io error", not r["ok"] and r["error"]["code"] == "io", str(r))

        r = k.call("proc_exec", {"command": "echo", "args": ["hi", "there"]})
        check("proc_exec runs an allow-listed program", r["ok"] and r["result"]["exit_code"] == 0
              and r["result"]["stdout"] == "hi there\n", str(r))
        r = k.call("proc_exec", {"command": "ls", "args": ["/"]})
        check("proc_exec refuses programs off the allow-list", not r["ok"] and r["error"]["code"] == "not_allowed", str(r))
        r = k.call("proc_exec", {"command": "/bin/sh", "args": ["-c", "echo pwned"]})
        check("proc_exec refuses a shell by path", not r["ok"] and r["error"]["code"] == "not_allowed", str(r))
        t = time.monotonic()
        r = k.call("proc_exec", {"command": "sleep", "args": ["5"]}, timeout_ms=300)
        check("proc_exec kills at the time limit", not r["ok"] and r["error"]["code"] == "timeout"
              and time.monotonic() - t < 2, str(r))
        r = k.call("proc_exec", {"command": "sleep", "args": ["5"], "timeout_ms": 200}, timeout_ms=5000)
        check("the tool's own timeout_ms can only shorten the limit", not r["ok"] and r["error"]["code"] == "timeout", str(r))

        r = k.call("fs_read", {"path": "/etc/passwd"})
        check("tools other than the three are unsupported", not r["ok"] and r["error"]["code"] == "unsupported_tool", str(r))
        r = k.raw(b"{not json")
        check("a malformed line is answered with id 0", r["id"] == 0 and r["error"]["code"] == "bad_request", str(r))
        r = k.raw(b'{"v":2,"id":5,"op":"ping"}')
        check("an unknown protocol version is refused", r["id"] == 5 and r["error"]["code"] == "bad_request", str(r))
        r = k.call("http_fetch", {"url": base + "/x"}, timeout_ms=0)
        check("limits outside the protocol's range are refused", not r["ok"] and r["error"]["code"] == "bad_request", str(r))
    finally:
        k.close()
        http_server.shutdown()


def mcp_chain_test(tmp, warden_mcp):
    sock = os.path.join(tmp, "mcp-egress.sock")
    server = subprocess.Popen([warden_mcp, "--config", "no-probelogits", "--client-tier", "chain=system",
                               "--egress-listen", sock, "--quiet"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def rpc(obj):
        server.stdin.write(json.dumps(obj).encode() + b"\n")
        server.stdin.flush()
        return json.loads(server.stdout.readline())

    rpc({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "chain", "version": "1"}}})
    call = {"jsonrpc": "2.0", "id": 2, "method": "tools/call",
            "params": {"name": "proc_exec", "arguments": {"command": "echo", "args": ["via", "egress"]}}}
    r = rpc(call)
    text = r["result"]["content"][0]["text"]
    check("chain: allowed exec without a peer fails clearly", r["result"]["isError"] and "egress peer not attached" in text, text)
    for _ in range(100):
        if os.path.exists(sock):
            break
        time.sleep(0.05)
    peer = subprocess.Popen([sys.executable, PEER, "--connect", "unix:" + sock, "--once", "--allow-exec", "echo"],
                            stderr=subprocess.DEVNULL)
    try:
        time.sleep(0.5)
        r = rpc(dict(call, id=3))
        text = r["result"]["content"][0]["text"]
        result = json.loads(text) if not r["result"]["isError"] else {}
        check("chain: MCP -> gateway -> egress peer -> exec -> back", result.get("stdout") == "via egress\n", text)
        r = rpc({"jsonrpc": "2.0", "id": 4, "method": "tools/call",
                 "params": {"name": "proc_exec", "arguments": {"command": "ls"}}})
        text = r["result"]["content"][0]["text"]
        check("chain: the peer's allow-list refusal reaches the client",
              r["result"]["isError"] and "egress peer error (not_allowed)" in text, text)
    finally:
        server.stdin.close()
        server.wait(timeout=10)
        peer.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--warden-mcp", help="path of the warden-mcp binary for the end-to-end chain test")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        peer_tests(tmp)
        if args.warden_mcp:
            mcp_chain_test(tmp, args.warden_mcp)
    print(f"egress_peer_test: {'all passed' if not failures else 'FAILED: ' + ', '.join(failures)}")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
