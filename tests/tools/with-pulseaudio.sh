#!/usr/bin/env bash
# with-pulseaudio.sh <command...>
#
# Runs <command> with a real PulseAudio daemon of its own (docs/development.md; the recipe of
# the machine notes): a private runtime directory, anonymous auth on its Unix socket, one
# null sink "call" (the default sink, so Qt's default output plays into it) and a remapped
# monitor source "callmon" (Qt lists it; the sink's own .monitor is hidden). Exports
# PULSE_SERVER for every client, Qt included; the daemon is stopped by its pid and the
# directory removed when the command ends, and the command's status is returned.
set -euo pipefail

if [[ $# -eq 0 ]]; then
    echo "usage: $0 <command> [args...]" >&2
    exit 2
fi
for tool in pulseaudio pactl; do
    command -v "$tool" >/dev/null || {
        echo "with-pulseaudio.sh: ERROR: $tool is missing (apt-get install pulseaudio pulseaudio-utils)." >&2
        exit 127
    }
done

PA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/callvault-pulse.XXXXXX")
chmod 700 "$PA_DIR"
pa_pid=""
cleanup() {
    if [[ -n "$pa_pid" ]]; then
        kill "$pa_pid" 2>/dev/null || true
        wait "$pa_pid" 2>/dev/null || true
    fi
    rm -rf "$PA_DIR"
}
trap cleanup EXIT

# HOME and XDG_RUNTIME_DIR only for the daemon: its state and socket stay in PA_DIR, and the
# other services of the test run keep their own runtime directory.
HOME=$PA_DIR XDG_RUNTIME_DIR=$PA_DIR pulseaudio -n --daemonize=no --exit-idle-time=-1 \
    --disallow-exit=no --log-target=file:"$PA_DIR/log" \
    -L "module-native-protocol-unix auth-anonymous=1 socket=$PA_DIR/native" \
    -L "module-null-sink sink_name=call" \
    -L "module-remap-source master=call.monitor source_name=callmon" \
    -L "module-always-sink" &
pa_pid=$!
export PULSE_SERVER=unix:$PA_DIR/native

for _ in $(seq 100); do
    if pactl info >/dev/null 2>&1; then
        break
    fi
    if ! kill -0 "$pa_pid" 2>/dev/null; then
        echo "with-pulseaudio.sh: ERROR: pulseaudio failed to start:" >&2
        cat "$PA_DIR/log" >&2 || true
        pa_pid=""
        exit 1
    fi
    sleep 0.1
done
pactl info >/dev/null 2>&1 || { echo "with-pulseaudio.sh: ERROR: pulseaudio does not answer on $PULSE_SERVER" >&2; exit 1; }
pactl set-default-sink call

status=0
"$@" || status=$?
exit $status
