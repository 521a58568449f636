#!/usr/bin/env bash
# Proves the .deb works without installing it:
#   installers/verify-deb.sh [DEB] [INPUT_FOLDER]
# Unpacks DEB (default: the newest installers/target/ferry_*.deb) with dpkg-deb -x into a temporary root, links
# usr/bin/ferry there as the package's postinst does on a real install, runs the packaged `ferry --version` and
# `ferry propose` on INPUT_FOLDER (default: the demo estate's YAML in modules/sandbox), `ferry sandbox` and `ferry
# inventory` against it, then starts the packaged workbench on its demo estate under Xvfb and writes
# screenshots/installed-app.png.
# Needs: dpkg-deb, Xvfb and GTK 3 (Debian/Ubuntu: sudo apt-get install -y xvfb libgtk-3-0), and a JDK 17+ on the
# PATH for the screenshot tool. Exit code 0 when every step passed.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
deb="${1:-$(ls -t "$here"/target/ferry_*.deb 2>/dev/null | head -1)}"
input="${2:-$root/modules/sandbox/src/main/resources/dev/ferry/sandbox/demo}"
[ -n "$deb" ] && [ -f "$deb" ] || { echo "verify-deb.sh: no .deb; build one with installers/build.sh --type deb" >&2; exit 2; }
for tool in dpkg-deb Xvfb java; do
    command -v "$tool" > /dev/null || { echo "verify-deb.sh: $tool is missing (see the header of this script)" >&2; exit 2; }
done

tmp="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$tmp"
}
trap cleanup EXIT
step() { printf '\n== %s\n' "$*"; }

step "unpack $(basename "$deb")"
dpkg-deb -x "$deb" "$tmp/root"
dpkg-deb -e "$deb" "$tmp/control"
grep -q 'ln -sf /opt/ferry/bin/ferry /usr/bin/ferry' "$tmp/control/postinst" \
    || { echo "postinst does not link /usr/bin/ferry" >&2; exit 1; }
grep -q '^Depends:.*libgtk-3-0' "$tmp/control/control" || { echo "control does not depend on libgtk-3-0" >&2; exit 1; }
mkdir -p "$tmp/root/usr/bin"
ln -s ../../opt/ferry/bin/ferry "$tmp/root/usr/bin/ferry"
ferry="$tmp/root/usr/bin/ferry"
echo "ok: /opt/ferry, usr/bin/ferry -> $(readlink "$ferry"), postinst links /usr/bin/ferry, depends on libgtk-3-0"

step "ferry --version"
"$ferry" --version | tee "$tmp/version.txt"
grep -Eq '^ferry [0-9]+\.[0-9]+\.[0-9]+[^ ]* \(commit ([0-9a-f]{7,}|unknown), built ' "$tmp/version.txt"

step "ferry propose on ${input#"$root"/}"
"$ferry" propose --settings "$root/examples/settings.yaml" --out "$tmp/bundle" "$input" | tail -4
test -f "$tmp/bundle/bundle.yaml" && test -f "$tmp/bundle/report.md"
echo "ok: bundle with $(find "$tmp/bundle" -type f | wc -l) files"

step "ferry sandbox and ferry inventory (the packaged runtime talking to an API server)"
"$ferry" sandbox --dir "$tmp/sandbox" --estate demo --port-base 0 > "$tmp/sandbox.log" 2>&1 &
pids+=($!)
sandbox=$!
for _ in $(seq 1 120); do
    grep -qx ready "$tmp/sandbox.log" && break
    kill -0 "$sandbox" 2>/dev/null || { cat "$tmp/sandbox.log" >&2; exit 1; }
    sleep 1
done
grep -qx ready "$tmp/sandbox.log" || { tail "$tmp/sandbox.log" >&2; exit 1; }
"$ferry" inventory --context ferry-sandbox-source --kubeconfig "$tmp/sandbox/source.kubeconfig" \
    --out "$tmp/inventory" 2>&1 | tail -3
test -f "$tmp/inventory/.inventory.yaml"
kill "$sandbox"

step "the installed workbench on the demo estate, under Xvfb"
display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp > "$tmp/xvfb.log" 2>&1 &
pids+=($!)
mkdir -p "$tmp/home"
HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" DISPLAY="$display" \
    "$tmp/root/opt/ferry/bin/Ferry" --demo > "$tmp/app.log" 2>&1 &
pids+=($!)
app=$!
# the demo has started when the workbench has connected its simulated target
for _ in $(seq 1 180); do
    grep -q 'connected to `ferry-sandbox-target`' "$tmp/app.log" && break
    kill -0 "$app" 2>/dev/null || { cat "$tmp/app.log" >&2; echo "the workbench exited" >&2; exit 1; }
    if grep -q ' ERROR ' "$tmp/app.log"; then cat "$tmp/app.log" >&2; echo "the workbench failed" >&2; exit 1; fi
    sleep 1
done
grep -q 'connected to `ferry-sandbox-target`' "$tmp/app.log" || { tail "$tmp/app.log" >&2; exit 1; }
mkdir -p "$root/screenshots"
DISPLAY="$display" java "$here/tools/Screenshot.java" "$root/screenshots/installed-app.png" 90
kill -0 "$app" || { echo "the workbench exited while the screenshot was taken" >&2; exit 1; }
echo "ok: screenshots/installed-app.png"
echo
echo "verify-deb: every step passed"
