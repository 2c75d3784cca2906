#!/usr/bin/env bash
# Runs a command with the real services the tests talk to, started here and stopped after:
#   - a D-Bus session with gnome-keyring's Secret Service, unlocked (for QtKeychain)
#   - a throwaway PostgreSQL server (with-postgres.sh; CALLVAULT_TEST_PG_URL)
#   - a PulseAudio daemon with a null sink (with-pulseaudio.sh; PULSE_SERVER)
# Usage: tests/tools/with-services.sh COMMAND [ARGS...]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "with-services: $tool is missing (apt-get install dbus gnome-keyring)" >&2; exit 1; }
done

if [ -z "${CALLVAULT_IN_SERVICES:-}" ]; then
  export CALLVAULT_IN_SERVICES=1
  # A private runtime dir so the keyring daemon of this run is ours alone.
  runtime=$(mktemp -d /tmp/callvault-runtime.XXXXXX)
  chmod 700 "$runtime"
  trap 'rm -rf "$runtime"' EXIT
  export XDG_RUNTIME_DIR=$runtime
  status=0
  dbus-run-session -- "$0" "$@" || status=$?
  exit $status
fi

# Inside the D-Bus session: our own keyring daemon, unlocked with a throwaway password,
# stopped by its pid when the command ends.
export XDG_DATA_HOME=$XDG_RUNTIME_DIR/data
mkdir -p "$XDG_DATA_HOME"
printf 'callvault-test-keyring' | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
keyring_pid=$!
trap 'kill "$keyring_pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
       org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
    break
  fi
  kill -0 "$keyring_pid" 2>/dev/null || { echo "with-services: gnome-keyring-daemon failed to start" >&2; exit 1; }
  sleep 0.1
done
"$here/with-postgres.sh" "$here/with-pulseaudio.sh" "$@"
