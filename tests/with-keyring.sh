#!/bin/sh
# with-keyring.sh COMMAND…: runs COMMAND with a GNOME keyring of its own,
# unlocked, on the D-Bus session bus (run it inside dbus-run-session), in a
# temporary home; the keyring daemon is stopped at the end.
set -eu
home=$(mktemp -d)
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
printf 'tandem' | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
daemon=$!
trap 'kill $daemon 2>/dev/null; wait $daemon 2>/dev/null; rm -rf "$home"' EXIT
# Until the keyring answers on the bus (a few seconds at most).
tries=0
until gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
        --method org.freedesktop.DBus.NameHasOwner org.freedesktop.secrets 2>/dev/null | grep -q true; do
  tries=$((tries + 1))
  if [ $tries -gt 100 ]; then
    echo "with-keyring.sh: gnome-keyring-daemon did not start" >&2
    exit 1
  fi
  sleep 0.05
done
"$@"
