#!/usr/bin/env python3
"""Checks the Flatpak manifest and the metainfo a software centre shows.

The manifest parses, names the app ID the build uses, builds this checkout
with meson on a GNOME runtime new enough for the API the code uses (and the
code pins its minimum versions, so a newer runtime's deprecations warn about
nothing), pins every outside source by commit or checksum, and asks for no
more than Tandem needs: no home or host files (file choosers go through the
portal). The metainfo has a launchable, an OARS rating, brand colours for
light and dark, releases with notes, and captioned screenshots that are in
the repository. Prints TAP."""
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

# The network is for a team server (PostgreSQL through libpq); files go
# through the portal; the keyring through the Secret portal.
ALLOWED = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri", "--share=network"}
# GNOME 43 is the first runtime with GTK 4.8 and libadwaita 1.2, what Debian 12 has.
OLDEST_RUNTIME = 43
PINNED_MINIMUMS = ("GLIB_VERSION_MIN_REQUIRED", "GDK_VERSION_MIN_REQUIRED", "ADW_VERSION_MIN_REQUIRED")

results = []


def check(ok, name, why=""):
    results.append((ok, name, why))


def check_manifest(manifest_path, app_id, source_root):
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)

    check(manifest.get("id", manifest.get("app-id")) == app_id, "the manifest names the build's app ID",
          f"{manifest.get('id')!r} is not {app_id!r}")
    check(manifest.get("runtime") == "org.gnome.Platform" and manifest.get("sdk") == "org.gnome.Sdk",
          "it builds against the GNOME runtime and SDK")
    version = str(manifest.get("runtime-version", ""))
    check(version.isdigit() and int(version) >= OLDEST_RUNTIME,
          "the runtime has the GTK and libadwaita the code uses", f"runtime-version {version!r}")
    with open(os.path.join(source_root, "meson.build"), encoding="utf-8") as f:
        meson = f.read()
    missing = [m for m in PINNED_MINIMUMS if f"-D{m}=" not in meson]
    check(not missing, "the code pins the versions it needs, so newer runtimes' deprecations stay quiet",
          f"meson.build does not set {missing}")
    check(manifest.get("command") == "tandem", "the command is tandem")

    args = manifest.get("finish-args", [])
    extra = sorted(set(args) - ALLOWED)
    check(not extra, "it asks for no more than Tandem needs",
          f"{extra} (files go through the portal, passwords through the Secret portal)")
    check(not any(a.startswith(("--filesystem=home", "--filesystem=host")) for a in args),
          "no access to home or host files")

    modules = manifest.get("modules", [])
    for module in modules:
        for source in module.get("sources", []):
            kind = source.get("type")
            if kind == "dir":
                continue
            if kind == "git":
                pinned = re.fullmatch(r"[0-9a-f]{40}", source.get("commit", "")) is not None
                how = "a commit"
            else:
                pinned = re.fullmatch(r"[0-9a-f]{64}", source.get("sha256", "")) is not None
                how = "a sha256"
            check(pinned, f"{module.get('name')}'s {kind} source is pinned by {how}", json.dumps(source))

    last = modules[-1] if modules else {}
    check(any(m.get("name") == "libpq" for m in modules) and "-Dpostgresql=enabled" in last.get("config-opts", []),
          "the Flatpak reaches a team server: libpq is built, and Tandem with it")
    check(last.get("name") == "tandem" and last.get("buildsystem") == "meson",
          "the last module builds Tandem with meson")
    check(any(s.get("type") == "dir" and s.get("path") == ".." for s in last.get("sources", [])),
          "Tandem builds from the local checkout")


def check_metainfo(metainfo_path, app_id, source_root):
    root = ET.parse(metainfo_path).getroot()
    launchable = root.find("launchable")
    check(launchable is not None and launchable.get("type") == "desktop-id"
          and launchable.text == f"{app_id}.desktop", "a launchable names the desktop file")
    rating = root.find("content_rating")
    check(rating is not None and rating.get("type", "").startswith("oars-"), "an OARS content rating")
    schemes = {c.get("scheme_preference") for c in root.findall("branding/color[@type='primary']")
               if re.fullmatch(r"#[0-9a-fA-F]{6}", c.text or "")}
    check(schemes == {"light", "dark"}, "brand colours for light and dark", f"{schemes}")

    releases = root.findall("releases/release")
    check(len(releases) > 0, "at least one release")
    for release in releases:
        notes = release.find("description/p")
        check(notes is not None and len(notes.text or "") > 20 and release.get("date"),
              f"release {release.get('version')} has a date and notes")
    dates = [r.get("date") for r in releases]
    check(dates == sorted(dates, reverse=True), "releases run newest first", f"{dates}")

    screenshots = root.findall("screenshots/screenshot")
    check(len(screenshots) >= 3, "at least three screenshots")
    check(sum(1 for s in screenshots if s.get("type") == "default") == 1, "one default screenshot")
    for shot in screenshots:
        caption = [c for c in shot.findall("caption") if c.get("{http://www.w3.org/XML/1998/namespace}lang") is None]
        image = shot.findtext("image", "")
        name = image.rsplit("/", 1)[-1]
        check(len(caption) == 1 and caption[0].text, f"screenshot {name} has a caption")
        check(os.path.exists(os.path.join(source_root, "data", "screenshots", name)),
              f"screenshot {name} is in data/screenshots")


def main():
    manifest_path, app_id, metainfo_path, source_root = sys.argv[1:5]
    check_manifest(manifest_path, app_id, source_root)
    check_metainfo(metainfo_path, app_id, source_root)

    for number, (ok, name, why) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {number} - {name}")
        if not ok and why:
            print(f"# {why}")
    print(f"1..{len(results)}")
    sys.exit(0 if all(ok for ok, _, _ in results) else 1)


if __name__ == "__main__":
    main()
