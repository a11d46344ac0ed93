#!/usr/bin/env python3
"""Warden egress peer: performs the network and exec tool calls the kernel's gateway allowed.

The kernel forwards allowed `http_fetch`, `net_send` and `proc_exec` calls over a dedicated serial
port; this program connects to that port's QEMU chardev (a Unix or TCP socket), performs each call
with hard limits and answers. Wire format (docs/egress.md), one compact JSON object per line:

  kernel -> peer  {"v":1,"id":N,"op":"call","tool":T,"arguments":{...},"timeout_ms":MS,"max_bytes":B}
                  {"v":1,"id":N,"op":"ping"}
  peer -> kernel  {"v":1,"id":N,"ok":true,"result":{...}}
                  {"v":1,"id":N,"ok":false,"error":{"code":C,"message":M}}

Error codes: bad_request, bad_arguments, unsupported_tool, not_allowed, timeout, io.
Python 3 standard library only. Logs one line per request to stderr.

usage: egress_peer.py --connect unix:PATH|tcp:HOST:PORT [--allow-exec PROG]... [--resolve HOST:PORT:ADDR]...
                      [--wait SECONDS] [--once]
"""
import argparse
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

PROTOCOL_VERSION = 1
MAX_REQUEST_LINE = 2 * 1024 * 1024       # longest request line accepted from the kernel
MAX_RESULT_BYTES = 512 * 1024            # EgressLimits.maxResultBytes
MAX_TIMEOUT_MS = 120_000                 # EgressLimits.maxTimeoutMs
DEFAULT_TIMEOUT_MS = 10_000
DEFAULT_MAX_BYTES = 64 * 1024


def log(message: str) -> None:
    print(f"egress_peer: {message}", file=sys.stderr, flush=True)


class ToolError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def text_of(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


# --resolve HOST:PORT:ADDR (curl's option): connections to HOST:PORT go to ADDR:PORT instead of what DNS says.
# The request itself (URL, Host header, TLS server name) is unchanged. Used by tests to reach a local server
# under a public-looking name; empty unless given.
RESOLVE: dict = {}


def _address(host: str, port: int) -> tuple:
    return (RESOLVE.get((host.lower(), port), host), port)


def _resolving_create_connection(address, *args, **kwargs):
    return socket.create_connection(_address(*address), *args, **kwargs)


class _ResolvingHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = _resolving_create_connection


class _ResolvingHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = _resolving_create_connection


class _ResolvingHTTPHandler(urllib.request.HTTPHandler):
    def do_open(self, http_class, req, **kwargs):
        return super().do_open(_ResolvingHTTPConnection, req, **kwargs)


class _ResolvingHTTPSHandler(urllib.request.HTTPSHandler):
    def do_open(self, http_class, req, **kwargs):
        return super().do_open(_ResolvingHTTPSConnection, req, **kwargs)


# ----------------------------------------------------------------------------------------------
# Tools
# ----------------------------------------------------------------------------------------------
class _NoRedirectToOtherSchemes(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not newurl.lower().startswith(("http://", "https://")):
            raise ToolError("not_allowed", f"redirect to a non-HTTP URL refused: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


# Only HTTP(S): no file://, ftp:// or data: handlers, and no proxies from the environment.
_OPENER = urllib.request.OpenerDirector()
for _handler in (_ResolvingHTTPHandler(), _ResolvingHTTPSHandler(), _NoRedirectToOtherSchemes(),
                 urllib.request.HTTPDefaultErrorHandler(), urllib.request.HTTPErrorProcessor()):
    _OPENER.add_handler(_handler)


def http_fetch(args: dict, deadline: float, max_bytes: int) -> dict:
    url = args.get("url")
    if not isinstance(url, str) or not url.lower().startswith(("http://", "https://")):
        raise ToolError("bad_arguments", "url must be an http:// or https:// URL")
    method = args.get("method", "GET")
    headers = args.get("headers", {})
    body = args.get("body")
    if not isinstance(headers, dict) or not all(isinstance(v, str) for v in headers.values()):
        raise ToolError("bad_arguments", "headers must be an object of strings")
    data = body.encode() if isinstance(body, str) else None
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        response = _OPENER.open(request, timeout=max(0.001, deadline - time.monotonic()))
    except urllib.error.HTTPError as e:
        response = e  # an HTTP error status is still a result
    except ToolError:
        raise
    except (socket.timeout, TimeoutError):
        raise ToolError("timeout", f"no response from {url} in time")
    except (urllib.error.URLError, OSError, ValueError) as e:
        raise ToolError("io", f"fetch failed: {getattr(e, 'reason', e)}")
    with response:
        chunks, size = [], 0
        try:
            while size <= max_bytes:
                if time.monotonic() > deadline:
                    raise ToolError("timeout", f"body of {url} not complete in time")
                chunk = response.read(min(65536, max_bytes + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        except (socket.timeout, TimeoutError):
            raise ToolError("timeout", f"body of {url} not complete in time")
        except OSError as e:
            raise ToolError("io", f"reading body failed: {e}")
        body_bytes = b"".join(chunks)
        return {"status": response.status, "url": response.geturl(),
                "headers": {k.lower(): v for k, v in response.headers.items()},
                "body": text_of(body_bytes[:max_bytes]), "truncated": len(body_bytes) > max_bytes}


def net_send(args: dict, deadline: float, max_bytes: int) -> dict:
    host, port, data = args.get("host"), args.get("port"), args.get("data")
    protocol = args.get("protocol", "tcp")
    if not isinstance(host, str) or not isinstance(port, int) or not 1 <= port <= 65535 or not isinstance(data, str):
        raise ToolError("bad_arguments", "net_send needs host (string), port (1-65535) and data (string)")
    payload = data.encode()
    remaining = lambda: max(0.001, deadline - time.monotonic())  # noqa: E731
    try:
        if protocol == "udp":
            with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_DGRAM) as s:
                s.settimeout(min(remaining(), 1.0))
                sent = s.sendto(payload, _address(host, port))
                try:
                    reply = s.recv(max_bytes + 1)
                except (socket.timeout, TimeoutError):
                    reply = b""
        elif protocol == "tcp":
            with socket.create_connection(_address(host, port), timeout=remaining()) as s:
                s.sendall(payload)
                sent = len(payload)
                s.shutdown(socket.SHUT_WR)
                reply = b""
                while len(reply) <= max_bytes:
                    s.settimeout(remaining())
                    try:
                        chunk = s.recv(65536)
                    except (socket.timeout, TimeoutError):
                        break  # the data was sent; a silent server just gives no reply
                    if not chunk:
                        break
                    reply += chunk
        else:
            raise ToolError("bad_arguments", "protocol must be tcp or udp")
    except ToolError:
        raise
    except (socket.timeout, TimeoutError):
        raise ToolError("timeout", f"could not reach {host}:{port} in time")
    except OSError as e:
        raise ToolError("io", f"{protocol} to {host}:{port} failed: {e}")
    return {"bytes_sent": sent, "reply": text_of(reply[:max_bytes]), "truncated": len(reply) > max_bytes}


class Exec:
    """proc_exec with an allow-list: only programs named by --allow-exec, run without a shell."""

    def __init__(self, allowed: list[str]):
        self.allowed = {}
        for prog in allowed:
            path = prog if "/" in prog else shutil.which(prog)
            if path is None:
                log(f"--allow-exec {prog}: not found on PATH, ignored")
                continue
            self.allowed[os.path.realpath(path)] = prog

    def __call__(self, args: dict, deadline: float, max_bytes: int) -> dict:
        command, argv, cwd = args.get("command"), args.get("args", []), args.get("cwd")
        if not isinstance(command, str) or not command:
            raise ToolError("bad_arguments", "command must be a non-empty string")
        if not isinstance(argv, list) or not all(isinstance(a, str) for a in argv):
            raise ToolError("bad_arguments", "args must be an array of strings")
        if cwd is not None and (not isinstance(cwd, str) or not os.path.isdir(cwd)):
            raise ToolError("bad_arguments", "cwd must be an existing directory")
        path = command if "/" in command else shutil.which(command)
        if path is None or os.path.realpath(path) not in self.allowed:
            raise ToolError("not_allowed", f"{command} is not on the peer's exec allow-list")
        try:
            done = subprocess.run([os.path.realpath(path), *argv], cwd=cwd, stdin=subprocess.DEVNULL,
                                  capture_output=True, timeout=max(0.001, deadline - time.monotonic()),
                                  env={"PATH": os.defpath, "LANG": "C.UTF-8"})
        except subprocess.TimeoutExpired:
            raise ToolError("timeout", f"{command} killed after the time limit")
        except OSError as e:
            raise ToolError("io", f"could not run {command}: {e}")
        return {"exit_code": done.returncode, "stdout": text_of(done.stdout[:max_bytes]),
                "stderr": text_of(done.stderr[:max_bytes]),
                "truncated": len(done.stdout) > max_bytes or len(done.stderr) > max_bytes}


# ----------------------------------------------------------------------------------------------
# Protocol
# ----------------------------------------------------------------------------------------------
class Peer:
    def __init__(self, allowed_exec: list[str]):
        self.tools = {"http_fetch": http_fetch, "net_send": net_send, "proc_exec": Exec(allowed_exec)}

    def handle(self, line: bytes) -> dict:
        """One request line -> one response object (never raises)."""
        try:
            request = json.loads(line)
        except (ValueError, UnicodeDecodeError) as e:
            return self.error(0, "bad_request", f"request is not JSON: {e}")
        if not isinstance(request, dict) or not isinstance(request.get("id"), int) or request["id"] < 0:
            return self.error(0, "bad_request", "request must be an object with an unsigned integer id")
        rid = request["id"]
        if request.get("v") != PROTOCOL_VERSION:
            return self.error(rid, "bad_request", f"unsupported protocol version {request.get('v')!r}")
        op = request.get("op")
        if op == "ping":
            return {"v": PROTOCOL_VERSION, "id": rid, "ok": True,
                    "result": {"peer": "warden-egress-peer", "version": PROTOCOL_VERSION, "tools": sorted(self.tools)}}
        if op != "call":
            return self.error(rid, "bad_request", f"unknown op {op!r}")
        tool, args = request.get("tool"), request.get("arguments")
        if tool not in self.tools:
            return self.error(rid, "unsupported_tool", f"the peer does not perform {tool!r}")
        if not isinstance(args, dict):
            return self.error(rid, "bad_arguments", "arguments must be an object")
        timeout_ms = request.get("timeout_ms", DEFAULT_TIMEOUT_MS)
        max_bytes = request.get("max_bytes", DEFAULT_MAX_BYTES)
        if not isinstance(timeout_ms, int) or not 1 <= timeout_ms <= MAX_TIMEOUT_MS:
            return self.error(rid, "bad_request", f"timeout_ms must be 1..{MAX_TIMEOUT_MS}")
        if not isinstance(max_bytes, int) or not 1 <= max_bytes <= MAX_RESULT_BYTES:
            return self.error(rid, "bad_request", f"max_bytes must be 1..{MAX_RESULT_BYTES}")
        # The tool's own timeout_ms argument can only shorten the kernel's limit.
        if isinstance(args.get("timeout_ms"), int) and args["timeout_ms"] > 0:
            timeout_ms = min(timeout_ms, args["timeout_ms"])
        started = time.monotonic()
        try:
            result = self.tools[tool](args, started + timeout_ms / 1000, max_bytes)
            response = {"v": PROTOCOL_VERSION, "id": rid, "ok": True, "result": result}
            outcome = "ok"
        except ToolError as e:
            response = self.error(rid, e.code, e.message)
            outcome = f"error {e.code}: {e.message}"
        except Exception as e:  # a bug here must not kill the peer; report it to the kernel
            response = self.error(rid, "io", f"internal peer error: {type(e).__name__}: {e}")
            outcome = f"internal error {e!r}"
        log(f"#{rid} {tool} -> {outcome} ({(time.monotonic() - started) * 1000:.0f} ms)")
        return response

    @staticmethod
    def error(rid: int, code: str, message: str) -> dict:
        return {"v": PROTOCOL_VERSION, "id": rid, "ok": False, "error": {"code": code, "message": message}}

    def serve(self, sock: socket.socket) -> None:
        """Serves one connection until EOF. Overlong request lines are discarded and answered with id 0."""
        buffer, discarding = b"", False
        while True:
            data = sock.recv(65536)
            if not data:
                return
            buffer += data
            while True:
                newline = buffer.find(b"\n")
                if newline < 0:
                    if len(buffer) > MAX_REQUEST_LINE:
                        buffer, discarding = b"", True
                    break
                line, buffer = buffer[:newline].rstrip(b"\r"), buffer[newline + 1:]
                if discarding:
                    discarding = False
                    response = self.error(0, "bad_request", f"request line longer than {MAX_REQUEST_LINE} bytes")
                elif len(line) > MAX_REQUEST_LINE:
                    response = self.error(0, "bad_request", f"request line longer than {MAX_REQUEST_LINE} bytes")
                elif not line.strip():
                    continue
                else:
                    response = self.handle(line)
                sock.sendall(json.dumps(response, separators=(",", ":"), ensure_ascii=False).encode() + b"\n")


def connect(spec: str, wait_s: float) -> socket.socket:
    """Connects to unix:PATH or tcp:HOST:PORT, retrying until `wait_s` elapses (QEMU may start later)."""
    kind, _, rest = spec.partition(":")
    give_up = time.monotonic() + wait_s
    while True:
        try:
            if kind == "unix":
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.connect(rest)
                return s
            if kind == "tcp":
                host, _, port = rest.rpartition(":")
                return socket.create_connection((host, int(port)))
            raise SystemExit(f"egress_peer: bad --connect {spec!r}: use unix:PATH or tcp:HOST:PORT")
        except OSError as e:
            if time.monotonic() > give_up:
                raise SystemExit(f"egress_peer: cannot connect to {spec}: {e}")
            time.sleep(0.2)


def main() -> int:
    parser = argparse.ArgumentParser(description="Warden egress peer (see docs/egress.md)")
    parser.add_argument("--connect", required=True, help="the kernel's egress chardev: unix:PATH or tcp:HOST:PORT")
    parser.add_argument("--allow-exec", action="append", default=[], metavar="PROG",
                        help="a program proc_exec may run (repeatable; none by default)")
    parser.add_argument("--resolve", action="append", default=[], metavar="HOST:PORT:ADDR",
                        help="connect to ADDR instead of HOST for HOST:PORT (as curl --resolve; repeatable)")
    parser.add_argument("--wait", type=float, default=30.0, help="seconds to keep retrying the connection")
    parser.add_argument("--once", action="store_true", help="exit when the connection closes (default: reconnect)")
    args = parser.parse_args()
    for spec in args.resolve:
        host, _, rest = spec.partition(":")
        port, _, addr = rest.partition(":")
        if not host or not port.isdigit() or not addr:
            raise SystemExit(f"egress_peer: bad --resolve {spec!r}: use HOST:PORT:ADDR")
        RESOLVE[(host.lower(), int(port))] = addr
        log(f"resolve {host}:{port} -> {addr}")
    peer = Peer(args.allow_exec)
    log(f"connecting to {args.connect}; exec allow-list: {sorted(peer.tools['proc_exec'].allowed.values()) or 'empty'}")
    while True:
        sock = connect(args.connect, args.wait)
        log("connected")
        try:
            peer.serve(sock)
        except OSError as e:
            log(f"connection error: {e}")
        finally:
            sock.close()
        log("disconnected")
        if args.once:
            return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(0)
