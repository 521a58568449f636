#!/usr/bin/env bash
# Builds Ferry's Linux packages with jlink and jpackage from a JDK 17+:
#   installers/build.sh [--type app-image|deb|rpm|all] [--no-maven]
# Outputs go to installers/target/ (app-image/Ferry, ferry_<version>_amd64.deb, ferry-<version>.x86_64.rpm).
# Needs: a JDK 17+ with jlink and jpackage (JAVA_HOME or PATH); for deb: dpkg-deb and fakeroot; for rpm: rpmbuild
# (Debian/Ubuntu: `sudo apt-get install -y rpm`; Fedora/RHEL: `sudo dnf install -y rpm-build`).
# MAVEN_ARGS is passed to the Maven wrapper (e.g. MAVEN_ARGS=-o to build offline). Windows and macOS: see
# installers/windows/ and installers/macos/ (jpackage builds those only on their own systems).
set -euo pipefail

type=all
run_maven=true
while [ $# -gt 0 ]; do
    case "$1" in
        --type) type="${2:-}"; shift 2 ;;
        --type=*) type="${1#--type=}"; shift ;;
        --no-maven) run_maven=false; shift ;;
        -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "build.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done
case "$type" in
    app-image|deb|rpm|all) ;;
    *) echo "build.sh: --type must be app-image, deb, rpm or all, not '$type'" >&2; exit 2 ;;
esac

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/target"
work="$out/work"

bin() {
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/$1" ]; then echo "$JAVA_HOME/bin/$1"; return; fi
    command -v "$1" || { echo "build.sh: $1 not found; install a JDK 17+ (not a JRE) and set JAVA_HOME" >&2; exit 2; }
}
jlink="$(bin jlink)"
jpackage="$(bin jpackage)"
need() {
    command -v "$1" > /dev/null || { echo "build.sh: $1 is missing. $2" >&2; exit 2; }
}
if [ "$type" = deb ] || [ "$type" = all ]; then
    need dpkg-deb "Install it with: sudo apt-get install -y dpkg-dev"
    need fakeroot "Install it with: sudo apt-get install -y fakeroot"
fi
if [ "$type" = rpm ] || [ "$type" = all ]; then
    need rpmbuild "On Debian/Ubuntu: sudo apt-get install -y rpm; on Fedora/RHEL: sudo dnf install -y rpm-build"
fi

seconds() { date +%s.%N; }
took() { awk -v a="$1" -v b="$(seconds)" 'BEGIN { printf "%.1f s", b - a }'; }

# 1. The jars: the workbench, the CLI and every runtime dependency of both
rm -rf "$work"
mkdir -p "$work/deps"
if $run_maven; then
    start=$(seconds)
    # shellcheck disable=SC2086
    # install, so the next step (without -am, which would add the test kit's dependencies) finds the modules
    (cd "$root" && ./mvnw -q -B ${MAVEN_ARGS:-} -pl app,modules/cli -am -DskipTests install)
    echo "Maven build: $(took "$start")"
fi
# shellcheck disable=SC2086
(cd "$root" && ./mvnw -q -B ${MAVEN_ARGS:-} -pl app,modules/cli \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$work/deps")
props="$root/modules/cli/target/classes/ferry-version.properties"
[ -f "$props" ] || { echo "build.sh: $props is missing; run without --no-maven" >&2; exit 2; }
project_version="$(sed -n 's/^version=//p' "$props")"
commit="$(sed -n 's/^commit=//p' "$props")"
case "$commit" in ''|*'${'*) commit=unknown ;; esac
# jpackage wants a plain number version; a snapshot becomes release 0.snapshot.<commit>
app_version="${project_version%-SNAPSHOT}"
release=1
if [ "$app_version" != "$project_version" ]; then release="0.snapshot.$commit"; fi

app_jar="ferry-app-$project_version.jar"
cli_jar="ferry-cli-$project_version.jar"
mkdir -p "$work/input" "$work/javafx"
cp "$root/app/target/$app_jar" "$root/modules/cli/target/$cli_jar" "$work/input/"
for jar in "$work"/deps/*.jar; do
    name="$(basename "$jar")"
    case "$name" in
        javafx-*-linux.jar) cp "$jar" "$work/javafx/" ;;  # modules for jlink, with their native libraries
        javafx-*.jar) ;;                                   # empty placeholders of the JavaFX POMs
        *) cp "$jar" "$work/input/" ;;
    esac
done

# 2. A runtime with JavaFX inside (the JavaFX jars are modules; jlink takes them like jmods)
start=$(seconds)
modules="java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.net.http,java.sql"
modules="$modules,java.xml,jdk.charsets,jdk.crypto.ec,jdk.jsobject,jdk.localedata,jdk.unsupported"
modules="$modules,jdk.unsupported.desktop,jdk.xml.dom,jdk.zipfs"
modules="$modules,javafx.base,javafx.graphics,javafx.controls,javafx.media,javafx.swing,javafx.web"
"$jlink" --module-path "$work/javafx" --add-modules "$modules" --include-locales en \
    --strip-debug --no-header-files --no-man-pages --compress=2 --output "$work/runtime"
echo "jlink runtime: $(took "$start") ($(du -sh "$work/runtime" | cut -f1))"

# 3. The app image: the workbench launcher `Ferry` and the CLI launcher `ferry`
cp "$here/linux/ferry-cli.properties" "$work/ferry-cli.properties"
printf 'main-jar=%s\n' "$cli_jar" >> "$work/ferry-cli.properties"
common=(--name Ferry --app-version "$app_version" --vendor Ferry
    --description "Moves Kubernetes workloads between Azure AKS and Amazon EKS, edge by edge."
    --copyright "Copyright the Ferry authors. Apache License 2.0.")
start=$(seconds)
rm -rf "$out/app-image"
"$jpackage" --type app-image "${common[@]}" --dest "$out/app-image" \
    --runtime-image "$work/runtime" --input "$work/input" \
    --main-jar "$app_jar" --main-class dev.ferry.app.FerryLauncher \
    --icon "$here/icon/ferry.png" \
    --java-options "--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED" \
    --java-options "--add-exports=javafx.controls/com.sun.javafx.scene.control.behavior=ALL-UNNAMED" \
    --add-launcher ferry="$work/ferry-cli.properties"
echo "app image: $(took "$start") ($(du -sh "$out/app-image/Ferry" | cut -f1)) at ${out#"$root"/}/app-image/Ferry"

# 4. Packages from the app image: desktop entry, file association, dependencies, /usr/bin/ferry
linux=(--app-image "$out/app-image/Ferry" "${common[@]}" --dest "$out"
    --resource-dir "$here/linux/resources" --icon "$here/icon/ferry.png"
    --file-associations "$here/linux/ferry-bundle.properties"
    --linux-package-name ferry --linux-app-release "$release" --linux-shortcut
    --linux-menu-group "Development" --linux-app-category devel
    --license-file "$root/LICENSE")
package() {
    local kind="$1" deps="$2"
    start=$(seconds)
    "$jpackage" --type "$kind" "${linux[@]}" --linux-package-deps "$deps" "${@:3}"
    local file
    file="$(ls -t "$out"/ferry*."$kind" | head -1)"
    echo "$kind: $(took "$start") ($(du -h "$file" | cut -f1)) at ${file#"$root"/}"
}
if [ "$type" = deb ] || [ "$type" = all ]; then
    rm -f "$out"/ferry_*.deb
    package deb "libgtk-3-0, libgl1" --linux-deb-maintainer "ferry@example.org"
fi
if [ "$type" = rpm ] || [ "$type" = all ]; then
    rm -f "$out"/ferry-*.rpm
    package rpm "gtk3, mesa-libGL" --linux-rpm-license-type "ASL 2.0"
fi
