#!/usr/bin/env bash
# Builds Ferry's packages with jlink and jpackage from a JDK 17+, from the repository's Maven build:
#   installers/build.sh [--type app-image|deb|rpm|dmg|all] [--no-maven]
# Linux: app-image, deb, rpm (all = the three). macOS: app-image, dmg (all = both). Windows: windows/build.ps1.
# Outputs go to installers/target/: app-image/Ferry (Ferry.app), ferry_<version>_amd64.deb,
# ferry-<version>.x86_64.rpm, Ferry-<version>.dmg.
# Needs a JDK 17+ with jlink and jpackage (JAVA_HOME or PATH); for deb: dpkg-deb and fakeroot; for rpm: rpmbuild
# (Debian/Ubuntu: sudo apt-get install -y rpm; Fedora/RHEL: sudo dnf install -y rpm-build).
# --no-maven reuses the jars of an earlier build. MAVEN_ARGS goes to the Maven wrapper (MAVEN_ARGS=-o: offline).
set -euo pipefail

type=all
run_maven=true
while [ $# -gt 0 ]; do
    case "$1" in
        --type) type="${2:-}"; shift 2 ;;
        --type=*) type="${1#--type=}"; shift ;;
        --no-maven) run_maven=false; shift ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "build.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done
case "$(uname -s)" in
    Linux) os=linux; types="app-image deb rpm" ;;
    Darwin) os=macos; types="app-image dmg" ;;
    *) echo "build.sh: on Windows run installers\\windows\\build.ps1" >&2; exit 2 ;;
esac
case " $types all " in
    *" $type "*) ;;
    *) echo "build.sh: --type must be one of: $types all (on $os), not '$type'" >&2; exit 2 ;;
esac
wants() { [ "$type" = "$1" ] || [ "$type" = all ]; }

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/target"
work="$out/work"
cd "$root"

bin() {
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/$1" ]; then echo "$JAVA_HOME/bin/$1"; return; fi
    command -v "$1" || { echo "build.sh: $1 not found; install a JDK 17+ (not a JRE) and set JAVA_HOME" >&2; exit 2; }
}
jlink="$(bin jlink)"
jpackage="$(bin jpackage)"
need() {
    command -v "$1" > /dev/null || { echo "build.sh: $1 is missing. $2" >&2; exit 2; }
}
if [ $os = linux ] && wants deb; then
    need dpkg-deb "Install it with: sudo apt-get install -y dpkg-dev"
    need fakeroot "Install it with: sudo apt-get install -y fakeroot"
fi
if [ $os = linux ] && wants rpm; then
    need rpmbuild "On Debian/Ubuntu: sudo apt-get install -y rpm; on Fedora/RHEL: sudo dnf install -y rpm-build"
fi

seconds() { date +%s; }
took() { echo "$(( $(seconds) - $1 )) s"; }
size() { du -sh "$1" | cut -f1; }

# 1. The jars: the workbench, the CLI and the runtime dependencies of both
rm -rf "$work"
mkdir -p "$work/deps" "$work/input" "$work/javafx"
if $run_maven; then
    start=$(seconds)
    # install, so that the next step (without -am, which would add the test kit's dependencies) finds the modules
    # shellcheck disable=SC2086
    ./mvnw -q -B ${MAVEN_ARGS:-} -pl app,modules/cli -am -DskipTests install
    echo "Maven build: $(took "$start")"
fi
# shellcheck disable=SC2086
./mvnw -q -B ${MAVEN_ARGS:-} -pl app,modules/cli org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$work/deps"
props="modules/cli/target/classes/ferry-version.properties"
[ -f "$props" ] || { echo "build.sh: $props is missing; run without --no-maven" >&2; exit 2; }
project_version="$(sed -n 's/^version=//p' "$props")"
commit="$(sed -n 's/^commit=//p' "$props")"
case "$commit" in ''|*'${'*) commit=unknown ;; esac
# jpackage wants a plain numeric version; a snapshot becomes package release 0.snapshot.<commit>
app_version="${project_version%-SNAPSHOT}"
release=1
if [ "$app_version" != "$project_version" ]; then release="0.snapshot.$commit"; fi

app_jar="ferry-app-$project_version.jar"
cli_jar="ferry-cli-$project_version.jar"
cp "app/target/$app_jar" "modules/cli/target/$cli_jar" "$work/input/"
for jar in "$work"/deps/*.jar; do
    case "$(basename "$jar")" in
        javafx-*-linux.jar|javafx-*-mac.jar|javafx-*-mac-aarch64.jar) cp "$jar" "$work/javafx/" ;;  # modules
        javafx-*.jar) ;;  # the empty placeholders of the JavaFX POMs
        *) cp "$jar" "$work/input/" ;;
    esac
done

# 2. A runtime with JavaFX inside: the JavaFX jars are modules with their native libraries, jlink takes them
start=$(seconds)
modules="$(grep -v '^#' "$here/runtime-modules.txt" | grep . | paste -sd, -)"
"$jlink" --module-path "$work/javafx" --add-modules "$modules" --include-locales en \
    --strip-debug --no-header-files --no-man-pages --compress=2 --output "$work/runtime"
echo "jlink runtime: $(took "$start") ($(size "$work/runtime"))"

# 3. The app image: the workbench launcher Ferry and the CLI launcher (ferry on Linux, ferry-cli on macOS)
cli_name=ferry
icon="$here/icon/ferry.png"
platform=()
if [ $os = macos ]; then
    cli_name=ferry-cli
    icon="$here/icon/ferry.icns"
    platform=(--mac-package-identifier dev.ferry.workbench --mac-package-name Ferry
        --file-associations "$here/macos/ferry-bundle.properties")
fi
cp "$here/$os/ferry-cli.properties" "$work/ferry-cli.properties"
printf 'main-jar=%s\n' "$cli_jar" >> "$work/ferry-cli.properties"
common=(--name Ferry --app-version "$app_version" --vendor Ferry
    --description "Moves Kubernetes workloads between Azure AKS and Amazon EKS, edge by edge."
    --copyright "Copyright the Ferry authors. Apache License 2.0.")
start=$(seconds)
rm -rf "$out/app-image"
"$jpackage" --type app-image "${common[@]}" --dest "$out/app-image" \
    --runtime-image "$work/runtime" --input "$work/input" \
    --main-jar "$app_jar" --main-class dev.ferry.app.FerryLauncher --icon "$icon" \
    --java-options "-XX:TieredStopAtLevel=1" \
    --java-options "--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED" \
    --java-options "--add-exports=javafx.controls/com.sun.javafx.scene.control.behavior=ALL-UNNAMED" \
    --add-launcher "$cli_name=$work/ferry-cli.properties" ${platform[@]+"${platform[@]}"}
image="$(ls -d "$out"/app-image/Ferry*)"
echo "app image: $(took "$start") ($(size "$image")) at ${image#"$root"/}"

# 4. Packages from the app image
package() {
    local kind="$1"
    shift
    start=$(seconds)
    "$jpackage" --type "$kind" --app-image "$image" "${common[@]}" --dest "$out" --license-file LICENSE "$@"
    local file
    file="$(ls -t "$out"/*."$kind" | head -1)"
    echo "$kind: $(took "$start") ($(size "$file")) at ${file#"$root"/}"
}
# Linux: the workbench's desktop entry and the .ferry.zip association; postinst/prerm (deb) and the spec (rpm) in
# linux/resources add /usr/bin/ferry. GTK is declared by hand: jpackage does not find that JavaFX loads it.
linux=(--resource-dir "$here/linux/resources" --icon "$here/icon/ferry.png"
    --file-associations "$here/linux/ferry-bundle.properties"
    --linux-package-name ferry --linux-app-release "$release"
    --linux-menu-group Development --linux-app-category devel)
if [ $os = linux ] && wants deb; then
    rm -f "$out"/ferry_*.deb
    package deb "${linux[@]}" --linux-package-deps "libgtk-3-0, libgl1" --linux-deb-maintainer "ferry@example.org"
fi
if [ $os = linux ] && wants rpm; then
    rm -f "$out"/ferry-*.rpm
    package rpm "${linux[@]}" --linux-package-deps "gtk3, mesa-libGL" --linux-rpm-license-type "ASL 2.0"
fi
if [ $os = macos ] && wants dmg; then
    rm -f "$out"/Ferry-*.dmg
    package dmg --mac-package-identifier dev.ferry.workbench --mac-package-name Ferry
fi
