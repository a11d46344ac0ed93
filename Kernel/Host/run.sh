#!/usr/bin/env bash
# Boots the Warden ISO in QEMU with the serial console on this terminal. Uses KVM only when a short timed
# boot under KVM reaches the console prompt (nested/paravirtual KVM can be ~1000x slower than TCG);
# otherwise TCG with `-cpu max`. The probe result is cached next to the ISO (delete it to probe again).
set -euo pipefail
iso="$1"
QEMU="${QEMU:-qemu-system-x86_64}"
QEMU_MEM="${QEMU_MEM:-1G}"
PROBE_SECONDS="${PROBE_SECONDS:-10}"
cache="$(dirname "$iso")/accel-choice"

probe_kvm() {
    [ -r /dev/kvm ] && [ -w /dev/kvm ] || { echo "no /dev/kvm access"; return 1; }
    local out
    out=$(timeout "$PROBE_SECONDS" "$QEMU" -accel kvm -cpu host -m "$QEMU_MEM" -display none -no-reboot \
          -serial stdio -monitor none -cdrom "$iso" </dev/null 2>&1 || true)
    if grep -q "warden> " <<<"$out"; then return 0; fi
    echo "no console prompt within ${PROBE_SECONDS} s under KVM"
    return 1
}

if [ -f "$cache" ]; then
    choice=$(cat "$cache")
    echo "run: using $choice (cached probe result in $cache)"
else
    if reason=$(probe_kvm); then
        choice=kvm
        echo "run: KVM probe booted to the prompt: using KVM"
    else
        choice=tcg
        echo "run: KVM probe failed ($reason): using TCG (-accel tcg -cpu max)"
    fi
    echo "$choice" > "$cache"
fi

if [ "$choice" = kvm ]; then accel=(-accel kvm -cpu host); else accel=(-accel tcg -cpu max); fi
# COM1 console on this terminal, COM2 the governed MCP server (build/kernel/mcp.sock), COM3 the egress link to
# Kernel/Host/egress_peer.py (started here in the background; it waits for QEMU's socket).
egress_sock="$(dirname "$iso")/egress.sock"
rm -f "$egress_sock"
python3 "$(dirname "$0")/egress_peer.py" --connect "unix:$egress_sock" --wait 30 >"$(dirname "$iso")/egress-peer.log" 2>&1 &
peer=$!
trap 'kill "$peer" 2>/dev/null || true' EXIT
echo "run: egress peer (pid $peer) on COM3 via $egress_sock, log $(dirname "$iso")/egress-peer.log"
mcp_sock="$(dirname "$iso")/mcp.sock"
rm -f "$mcp_sock"
echo "run: MCP server on COM2 via $mcp_sock: e.g. python3 Tests/Integration/mcp_client_test.py --connect unix:$mcp_sock"
echo "run: console on this terminal; 'poweroff' to quit (or Ctrl-A X)"
"$QEMU" "${accel[@]}" -m "$QEMU_MEM" -display none -no-reboot -serial mon:stdio -serial "unix:$mcp_sock,server,nowait" \
  -serial "unix:$egress_sock,server,nowait" -cdrom "$iso"
