#!/usr/bin/env python3
"""Real-client test of Warden's governed MCP server, using the official MCP Python SDK (`pip install mcp`).

The server is any command speaking MCP over stdio (default: `warden-mcp` as built by SwiftPM), or a
socket reached through a built-in stdio<->socket bridge (`--connect unix:/path` or `tcp:host:port`,
e.g. QEMU's `-chardev socket,id=mcp,path=/tmp/warden-mcp.sock,server=on,wait=off`).

Cases (one line each, `name ... ok`): initialize with version negotiation, tools/list, a permitted call,
a denied call with its deciding layer and reason, an unknown tool, an unannounced method, ping, the SDK's
auto mode falling back from server/discover to initialize, then raw malformed JSON-RPC on a fresh
connection (parse error, invalid request, batch, request before initialize, bad params, overlong line).
Exit status 0 if all pass, 1 otherwise, 77 if the SDK is missing.

usage: mcp_client_test.py [--connect unix:PATH|tcp:HOST:PORT [--fresh]] [--] [SERVER_CMD ...]
       mcp_client_test.py --bridge unix:PATH|tcp:HOST:PORT      (internal: stdio <-> socket pump)
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import threading

OVERLONG_BYTES = 300_000  # > MCPLimits.maxLineBytes (262144)


# ----------------------------------------------------------------------------------------------
# stdio <-> socket bridge (runs as a subprocess so the SDK's stdio_client can drive a socket)
# ----------------------------------------------------------------------------------------------
def open_socket(spec: str, timeout: float = 10.0) -> socket.socket:
    kind, _, rest = spec.partition(":")
    if kind == "unix":
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(timeout)
        s.connect(rest)
    elif kind == "tcp":
        host, _, port = rest.rpartition(":")
        s = socket.create_connection((host, int(port)), timeout=timeout)
    else:
        raise SystemExit(f"bad --connect/--bridge spec {spec!r}: use unix:PATH or tcp:HOST:PORT")
    s.settimeout(None)
    return s


def bridge(spec: str) -> None:
    sock = open_socket(spec)

    def pump_in():
        try:
            while True:
                data = os.read(0, 65536)
                if not data:
                    break
                sock.sendall(data)
        finally:
            try:
                sock.shutdown(socket.SHUT_WR)
            except OSError:
                pass

    threading.Thread(target=pump_in, daemon=True).start()
    while True:
        data = sock.recv(65536)
        if not data:
            break
        os.write(1, data)


# ----------------------------------------------------------------------------------------------
# Test bookkeeping
# ----------------------------------------------------------------------------------------------
failures = []


def check(name: str, condition: bool, detail: str = "") -> None:
    print(f"{name} ... {'ok' if condition else 'FAIL'}" + ("" if condition or not detail else f"  ({detail})"),
          flush=True)
    if not condition:
        failures.append(name)


# ----------------------------------------------------------------------------------------------
# SDK session tests
# ----------------------------------------------------------------------------------------------
async def sdk_tests(command: list[str]) -> None:
    from mcp import ClientSession, StdioServerParameters
    from mcp.client.stdio import stdio_client
    from mcp.shared.exceptions import MCPError
    from mcp.types import Implementation

    params = StdioServerParameters(command=command[0], args=command[1:])
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write, read_timeout_seconds=60,
                                 client_info=Implementation(name="mcp-client-test", version="1.0")) as session:
            init = await session.initialize()
            # The SDK offers its newest handshake version (2025-11-25); Warden answers with its latest.
            check("initialize negotiates a supported version",
                  init.protocol_version in ("2025-06-18", "2025-03-26", "2024-11-05"), init.protocol_version)
            check("initialize announces the server", init.server_info.name == "warden"
                  and init.capabilities.tools is not None, str(init.server_info))

            tools = (await session.list_tools()).tools
            names = {t.name for t in tools}
            expected = {"fs_read", "fs_write", "fs_list", "fs_delete", "fs_stat", "http_fetch", "net_send",
                        "proc_exec", "kv_get", "kv_put", "clock_now", "random_bytes", "log_write", "env_get",
                        "mcp_call"}
            check("tools/list returns the 15 catalogue tools", expected <= names, f"missing {expected - names}")
            check("every tool has an object inputSchema",
                  all(t.input_schema.get("type") == "object" for t in tools))

            ok = await session.call_tool("clock_now", {"clock": "monotonic"})
            text = ok.content[0].text if ok.content else ""
            check("permitted call returns its result", ok.is_error is False and '"ns":' in text, text)

            denied = await session.call_tool("fs_read", {"path": "/home/user/.ssh/id_rsa"})
            text = denied.content[0].text if denied.content else ""
            check("denied call is a tool error naming layer and reason",
                  denied.is_error is True and text.startswith("denied by layer 4 (adversarial): ")
                  and len(text) > len("denied by layer 4 (adversarial): "), text)

            tiered = await session.call_tool("proc_exec", {"command": "rm", "args": ["-rf", "/"]})
            text = tiered.content[0].text if tiered.content else ""
            check("call above the client's tier is denied by layer 2",
                  tiered.is_error is True and text.startswith("denied by layer 2 (trust-tier): "), text)

            try:
                await session.call_tool("no_such_tool", {})
                check("unknown tool is JSON-RPC -32602", False, "no error raised")
            except MCPError as e:
                check("unknown tool is JSON-RPC -32602", e.code == -32602 and "no_such_tool" in e.message, str(e))

            try:
                await session.list_resources()
                check("unannounced method is JSON-RPC -32601", False, "no error raised")
            except MCPError as e:
                check("unannounced method is JSON-RPC -32601", e.code == -32601, str(e))

            await session.send_ping()
            check("ping", True)


async def sdk_auto_mode_test(command: list[str]) -> None:
    """The SDK's default Client probes `server/discover` (2026-era) and must fall back to initialize."""
    from mcp import Client, StdioServerParameters
    params = StdioServerParameters(command=command[0], args=command[1:])
    async with Client(params, read_timeout_seconds=60) as client:
        result = await client.call_tool("random_bytes", {"count": 8})
        text = result.content[0].text if result.content else ""
        check("SDK auto mode falls back to initialize and calls a tool",
              client.protocol_version == "2025-06-18" and result.is_error is False and '"hex":' in text,
              f"{client.protocol_version} {text}")


# ----------------------------------------------------------------------------------------------
# Raw JSON-RPC on a fresh connection
# ----------------------------------------------------------------------------------------------
class Raw:
    def __init__(self, command: list[str]):
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def exchange(self, line: bytes):
        self.proc.stdin.write(line + b"\n")
        self.proc.stdin.flush()
        reply = self.proc.stdout.readline()
        if not reply:
            raise RuntimeError("server closed the connection")
        return json.loads(reply)

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def raw_tests(command: list[str], fresh: bool) -> None:
    from mcp_types import JSONRPCError, JSONRPCResponse  # the SDK's wire models validate each reply

    def error_of(reply, name):
        JSONRPCError.model_validate(reply)
        return reply["error"]["code"], reply.get("id")

    raw = Raw(command)
    try:
        code, rid = error_of(raw.exchange(b'{"jsonrpc":"2.0","id":1,"method":"tools/list"'), "parse")
        check("raw: truncated JSON is -32700 with id null", code == -32700 and rid is None)
        if fresh:
            code, rid = error_of(raw.exchange(b'{"jsonrpc":"2.0","id":2,"method":"tools/list"}'), "early")
            check("raw: tools/list before initialize is rejected (-32002)", code == -32002 and rid == 2)
        else:
            print("raw: tools/list before initialize ... skipped (the server session may predate this connection)")
        reply = raw.exchange(json.dumps({"jsonrpc": "2.0", "id": 3, "method": "initialize", "params": {
            "protocolVersion": "1999-01-01", "capabilities": {},
            "clientInfo": {"name": "raw-client", "version": "0"}}}).encode())
        JSONRPCResponse.model_validate(reply)
        check("raw: unknown protocol version is answered with the latest (2025-06-18)",
              reply["result"]["protocolVersion"] == "2025-06-18")
        raw.proc.stdin.write(b'{"jsonrpc":"2.0","method":"notifications/initialized"}\n')
        code, rid = error_of(raw.exchange(b'{"jsonrpc":"1.0","id":"x","method":"ping"}'), "version")
        check("raw: wrong jsonrpc version is -32600 echoing the id", code == -32600 and rid == "x")
        code, rid = error_of(raw.exchange(b'[{"jsonrpc":"2.0","id":4,"method":"ping"}]'), "batch")
        check("raw: a batch at 2025-06-18 is -32600", code == -32600 and rid is None)
        code, rid = error_of(raw.exchange(b'{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"arguments":{}}}'), "params")
        check("raw: tools/call without a name is -32602", code == -32602 and rid == 5)
        code, rid = error_of(raw.exchange(b'{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":"clock_now","arguments":[]}}'), "args")
        check("raw: non-object arguments are -32602", code == -32602 and rid == 6)
        code, rid = error_of(raw.exchange(b'{"x":"' + b"a" * OVERLONG_BYTES + b'"}'), "overlong")
        check("raw: an overlong line is -32600 and the stream resyncs", code == -32600 and rid is None)
        reply = raw.exchange(b'{"jsonrpc":"2.0","id":7,"method":"ping"}\r')
        check("raw: CRLF-terminated request after resync is answered", reply.get("id") == 7 and reply.get("result") == {})
    finally:
        raw.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--connect", help="reach the server through a socket: unix:PATH or tcp:HOST:PORT")
    parser.add_argument("--fresh", action="store_true",
                        help="with --connect: the server has seen no initialize yet (check the pre-initialize error)")
    parser.add_argument("--bridge", help=argparse.SUPPRESS)
    parser.add_argument("command", nargs="*", help="server command (default: .build/debug/warden-mcp)")
    args = parser.parse_args()
    if args.bridge:
        bridge(args.bridge)
        return 0
    try:
        import anyio
        import mcp  # noqa: F401
    except ImportError:
        print("mcp_client_test: SKIP: the MCP Python SDK is not installed (pip install mcp)")
        return 77
    if args.connect:
        command = [sys.executable, os.path.abspath(__file__), "--bridge", args.connect]
    elif args.command:
        command = args.command
    else:
        command = [os.path.join(os.path.dirname(__file__), "..", "..", ".build", "debug", "warden-mcp")]
    # Three connections in turn. Over a serial port the server cannot see a reconnect, so it must
    # treat a new initialize as a new session (MCPServer(allowsReinitialize: true) in the kernel).
    anyio.run(sdk_tests, command)
    anyio.run(sdk_auto_mode_test, command)
    raw_tests(command, fresh=args.fresh or not args.connect)
    print(f"mcp_client_test: {'all passed' if not failures else 'FAILED: ' + ', '.join(failures)}")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
