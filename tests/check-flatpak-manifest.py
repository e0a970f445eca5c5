#!/usr/bin/env python3
"""Checks flatpak/my.gov.mpkk.Hebahan.json without building it (there is no
network here for flatpak-builder): its shape, that its permissions are the
narrow set the app needs, that every downloaded source is pinned, and that
every dependency meson found for this build is either in the GNOME runtime
or built by a module of the manifest.  Prints TAP.

usage: check-flatpak-manifest.py MANIFEST INTRO-DEPENDENCIES.JSON APP-ID COMMAND
"""
import json
import sys

# What the runtime provides, by pkg-config name, for the runtime-version
# below.  GNOME 51 is built on the freedesktop SDK 26.08: glib, json-glib,
# gdk-pixbuf, nettle, pango, cairo, libarchive, libsoup, libxml2 and the X
# libraries are freedesktop platform elements; GNOME adds gtk4 and
# libadwaita; GStreamer (core and base, with the base and good plugins) is
# in the GNOME runtime for its media stack.  libyaml left the runtime with 26.08, so it is a module.
# When runtime-version changes, check this list again and update both.
RUNTIME_VERSION = "51"
RUNTIME_PROVIDES = {
    "glib-2.0", "gobject-2.0", "gio-2.0", "gio-unix-2.0", "gmodule-2.0",
    "json-glib-1.0", "gdk-pixbuf-2.0", "nettle", "hogweed",
    "pango", "pangocairo", "cairo", "cairo-pdf", "libarchive",
    "libsoup-3.0", "libxml-2.0", "x11", "xtst",
    "gtk4", "libadwaita-1",
    # gtk4's own pkg-config files for its Unix print dialog and its X11
    # backend (test-gui-dialogs looks into the print dialog and moves the
    # pointer): the same library, in the runtime with it
    "gtk4-unix-print", "gtk4-x11",
    "gstreamer-1.0", "gstreamer-base-1.0",
    # the discoverer (hb-media-measure.c) is a library of gst-plugins-base,
    # which the runtime ships with its media stack
    "gstreamer-pbutils-1.0",
    # ICU (libicu, with its spoof checker) is part of the freedesktop base
    # the GNOME runtime is built on
    "icu-uc", "icu-i18n",
}

# Everything the app needs goes through portals or these; anything else
# must be argued for here first.
ALLOWED_FINISH_ARGS = {
    "--share=ipc": "X11 shared memory, needed with fallback-x11",
    "--socket=wayland": "the display",
    "--socket=fallback-x11": "the display where there is no Wayland",
    "--device=dri": "GPU rendering for GTK",
    "--share=network": "the network helpers (src/net: policy updates, website check, links)",
}
REQUIRED_FINISH_ARGS = ["--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"]

results = []


def check(ok, description, detail=""):
    results.append((bool(ok), description, detail))


def sources_of(module):
    for source in module.get("sources", []):
        if isinstance(source, dict):
            yield source
        else:  # a path to a JSON file of sources; nothing to pin here
            yield {"type": "file-list", "path": source}


def pinned(source, module_name, is_app):
    kind = source.get("type")
    if kind in ("archive", "file"):
        if "url" not in source:
            return "path" in source, "local file"
        if not source["url"].startswith("https://"):
            return False, "not an https URL: " + source["url"]
        return bool(source.get("sha256") or source.get("sha512")), "no sha256"
    if kind == "git":
        if "url" in source and not source["url"].startswith("https://"):
            return False, "not an https URL: " + source["url"]
        commit = source.get("commit", "")
        return len(commit) == 40, "no 40-hex commit"
    if kind == "dir":
        return is_app and source.get("path") == "..", "a dir source other than the app's own tree"
    if kind in ("patch", "script", "shell"):
        return "url" not in source, "a downloaded " + kind
    return False, "source type %r not checked here" % kind


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    manifest_path, deps_path, app_id, command = sys.argv[1:]

    try:
        with open(manifest_path, encoding="utf-8") as f:
            manifest = json.load(f)
        check(isinstance(manifest, dict), "the manifest is a JSON object")
    except (OSError, ValueError) as e:
        check(False, "the manifest is valid JSON", str(e))
        return report()

    check(manifest.get("id") == app_id and "app-id" not in manifest,
          "id is %s (and the deprecated app-id is not used)" % app_id,
          "id: %r" % manifest.get("id"))
    check(manifest.get("runtime") == "org.gnome.Platform" and manifest.get("sdk") == "org.gnome.Sdk",
          "runtime and SDK are GNOME's", "%r / %r" % (manifest.get("runtime"), manifest.get("sdk")))
    check(manifest.get("runtime-version") == RUNTIME_VERSION,
          "runtime-version is the one whose contents this test lists (%s)" % RUNTIME_VERSION,
          "runtime-version: %r" % manifest.get("runtime-version"))
    check(manifest.get("command") == command, "command is the installed %s" % command,
          "command: %r" % manifest.get("command"))

    args = manifest.get("finish-args", [])
    for arg in REQUIRED_FINISH_ARGS:
        check(arg in args, "finish-args include " + arg)
    extra = [a for a in args if a not in ALLOWED_FINISH_ARGS]
    check(not extra, "finish-args grant nothing beyond the allowed set (portals do files and printing)",
          "not allowed: " + ", ".join(extra))
    check(len(args) == len(set(args)), "finish-args have no duplicates")

    modules = manifest.get("modules", [])
    check(isinstance(modules, list) and modules and isinstance(modules[-1], dict)
          and modules[-1].get("name") == "hebahan" and modules[-1].get("buildsystem") == "meson",
          "the last module builds hebahan with meson")
    provided_by_modules = {}
    for i, module in enumerate(modules):
        if not isinstance(module, dict):
            check(False, "module %d is written inline" % i, "a module file is not checked")
            continue
        name = module.get("name", "#%d" % i)
        is_app = i == len(modules) - 1
        srcs = list(sources_of(module))
        check(srcs, "module %s has sources" % name)
        for j, source in enumerate(srcs):
            ok, why = pinned(source, name, is_app)
            check(ok, "module %s source %d is pinned" % (name, j), why)
        for pc in module.get("x-pkg-config", []):
            provided_by_modules[pc] = name
        if not is_app:
            check(module.get("x-pkg-config"),
                  "module %s names the pkg-config modules it provides (x-pkg-config)" % name)
    for pc, name in sorted(provided_by_modules.items()):
        check(pc not in RUNTIME_PROVIDES,
              "module %s builds %s, which the runtime lacks" % (name, pc))

    try:
        with open(deps_path, encoding="utf-8") as f:
            deps = sorted({d["name"] for d in json.load(f) if d.get("name")})
    except (OSError, ValueError, KeyError, TypeError) as e:
        check(False, "meson's dependency list can be read", str(e))
        return report()
    check(deps, "meson's dependency list is not empty")
    for dep in deps:
        where = ("the runtime" if dep in RUNTIME_PROVIDES
                 else "module " + provided_by_modules[dep] if dep in provided_by_modules else None)
        check(where, "meson dependency %s is provided by %s" % (dep, where or "nothing"),
              "neither in the GNOME %s runtime list nor in any module's x-pkg-config: "
              "add a module that builds it from a pinned source" % RUNTIME_VERSION)
    needs_network = "libsoup-3.0" in deps
    check(("--share=network" in args) == needs_network,
          "--share=network is granted exactly when the network helpers (libsoup) are built")
    return report()


def report():
    print("1..%d" % len(results))
    for n, (ok, description, detail) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", n, description))
        if not ok and detail:
            print("# " + detail)
    return 0 if all(ok for ok, _, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
