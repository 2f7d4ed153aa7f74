#!/usr/bin/env python3
"""Checks the Flatpak manifest: it parses, names the app ID the build uses,
builds this checkout with meson, and asks for no more than Tandem needs."""
import json
import sys

ALLOWED = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"}


def fail(message):
    print(f"not ok - {message}")
    sys.exit(1)


def main():
    manifest_path, app_id = sys.argv[1], sys.argv[2]
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)

    if manifest.get("id", manifest.get("app-id")) != app_id:
        fail(f"manifest app ID {manifest.get('id')!r} is not the build's {app_id!r}")
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
        fail("the app must build against the GNOME runtime and SDK")
    if manifest.get("command") != "tandem":
        fail("the command must be tandem")

    extra = set(manifest.get("finish-args", [])) - ALLOWED
    if extra:
        fail(f"permissions beyond what Tandem needs: {sorted(extra)} (files go through the portal)")

    last = manifest["modules"][-1]
    if last.get("name") != "tandem" or last.get("buildsystem") != "meson":
        fail("the last module must build Tandem with meson")
    if not any(s.get("type") == "dir" and s.get("path") == ".." for s in last.get("sources", [])):
        fail("Tandem must build from the local checkout")

    print("ok - flatpak manifest")


if __name__ == "__main__":
    main()
