#!/bin/sh
# Builds the Linux installer and checks it the way a worksite would use it (called by .ci/run; needs root, Debian):
#   1. ./mvnw -Ppackage: jlink runtime, app-image, .deb          (skip with --no-build to reuse packaging/target/jpackage)
#   2. verify-modules.sh: the runtime has every module jdeps finds
#   3. dpkg -i the .deb (its postinst makes the class-data sharing archive); the installed terrain --version, with that
#      archive required; terrain demo on a temporary store, whose summary must be French (ICU's French data kept by SlimJars)
#   4. the installed GUI under Xvfb until its first window shows; screenshot → packaging/target/installer-check/first-window.png
#   5. a newer .deb (next patch version, same args files) over it: dpkg upgrades, the user's data is unchanged
#   6. dpkg -r, and check that the installation is gone but the user's data is still there
#   7. the startup times of the installed application (measure-startup.sh), into measures.txt
# Measures (installer size, installed size, time to first window) go to packaging/target/installer-check/measures.txt.
# Usage: packaging/check-installer.sh [--no-build] [--keep] [--no-gui]
#   --keep: leave the package installed; --no-gui: skip step 4 and say so (only while the application has no window yet)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out="$here/target/installer-check"
build=yes keep=no gui=yes
for arg in "$@"; do
  case "$arg" in
    --no-build) build=no ;;
    --keep) keep=yes ;;
    --no-gui) gui=no ;;
    *) echo "usage: $0 [--no-build] [--keep] [--no-gui]" >&2; exit 2 ;;
  esac
done
pkg=convergence-terrain
install_dir=/opt/convergence-terrain
window_title=${TERRAIN_WINDOW_TITLE:-Convergence Terrain}
step() { printf '\n== check-installer: %s\n' "$*"; }
fail() { echo "check-installer: FAILED: $*" >&2; exit 1; }

step "Debian packages (jpackage: fakeroot, binutils; GUI: xvfb, xauth, libgtk-3-0, libgl1; xdotool, imagemagick; time)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends fakeroot binutils dpkg-dev xvfb xauth libgtk-3-0 libgl1 xdotool imagemagick time >/dev/null

if [ "$build" = yes ]; then
  step "build: ./mvnw -B -Ppackage -DskipTests package -pl packaging -am"
  (cd "$root" && ./mvnw -B -q -Ppackage -DskipTests package -pl packaging -am)
fi
deb=$(ls "$here"/target/jpackage/${pkg}_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] && [ -f "$deb" ] || fail "no .deb in packaging/target/jpackage"
[ -x "$here/target/jpackage/Convergence Terrain/bin/terrain" ] || fail "the app-image has no bin/terrain launcher"

step "runtime modules against jdeps"
"$here/verify-modules.sh"

rm -rf "$out" && mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A user of the machine, with the data folder outside the installation, as on a worksite laptop.
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" XDG_CONFIG_HOME="$work/home/.config"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"

step "install $(basename "$deb") with dpkg"
if dpkg-query -W -f '${Status}' "$pkg" 2>/dev/null | grep -q "ok installed"; then dpkg -r "$pkg" >/dev/null; fi
# dpkg does not fetch dependencies: install what the package declares first (xdg-utils, libasound2, …).
depends=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/([^)]*)//; s/|.*//; s/ //g' | sed '/^$/d')
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $depends >/dev/null
dpkg -i "$deb"
[ -x "$install_dir/bin/terrain" ] || fail "$install_dir/bin/terrain is not installed"
[ -x "$install_dir/bin/Convergence Terrain" ] || fail "the desktop launcher is not installed"
[ -f "$install_dir/lib/convergence-terrain-Convergence_Terrain.desktop" ] || fail "no menu entry"

# The launchers are scripts (linux-launchers.sh): jpackage's native ones run rpm and dpkg at every start.
for launcher in "$install_dir/bin/terrain" "$install_dir/bin/Convergence Terrain"; do
  [ "$(head -c 9 "$launcher")" = '#!/bin/sh' ] || fail "$launcher is jpackage's native launcher, not linux-launchers.sh's script"
done

step "installed terrain --version, with the class-data sharing archives made by postinst"
for archive in terrain.jsa terrain-cli.jsa; do
  [ -s "$install_dir/lib/app/$archive" ] || fail "postinst made no class-data sharing archive ($install_dir/lib/app/$archive)"
done
version=$("$install_dir/bin/terrain" --version) || fail "terrain --version exited with $?"
[ -n "$version" ] || fail "terrain --version printed nothing"
echo "$version"
# -Xshare:on makes the JVM refuse to start when it cannot map the archive (wrong class path, stale jars).
JAVA_TOOL_OPTIONS=-Xshare:on "$install_dir/bin/terrain" --version >/dev/null 2>&1 \
  || fail "the launcher cannot use the class-data sharing archive (JAVA_TOOL_OPTIONS=-Xshare:on $install_dir/bin/terrain --version)"
# The window's archive, checked without opening the window: the JVM maps it, checks it against the class path and exits.
JAVA_TOOL_OPTIONS="-Xshare:on -XX:+PrintSharedArchiveAndExit" "$install_dir/bin/Convergence Terrain" >/dev/null 2>&1 \
  || fail "the desktop launcher cannot use its class-data sharing archive (JAVA_TOOL_OPTIONS=\"-Xshare:on -XX:+PrintSharedArchiveAndExit\")"
if [ -L /usr/bin/terrain ]; then /usr/bin/terrain --version >/dev/null || fail "/usr/bin/terrain does not run"; fi

step "installed terrain demo on a temporary store"
store="$work/demo/demo.db"
mkdir -p "$(dirname "$store")"
"$install_dir/bin/terrain" demo --store "$store" --size site > "$work/demo.out" || fail "terrain demo exited with $?"
cat "$work/demo.out"
[ -s "$store" ] || fail "terrain demo wrote no store at $store"
# ICU's French data (SlimJars keeps French and English): "1 chantier" (French singular) and thousands grouped by a narrow
# no-break space (U+202F), e.g. "5 699 cellules"; without the French data ICU writes "5,699".
nnbsp=$(printf '\342\200\257')
grep -q "1 chantier, " "$work/demo.out" || fail "terrain demo's summary lost its French plural (1 chantier)"
grep -q "[0-9]$nnbsp[0-9][0-9][0-9] cellules" "$work/demo.out" \
  || fail "terrain demo's summary lost French number grouping (ICU's French data)"
echo "store: $(du -k "$store" | cut -f1) KB"
# The launchers name the native library unpacked in the installation (-Dorg.sqlite.lib.path, linux-app-image.args):
# sqlite-jdbc must not copy its own into the temporary folder (it does at every start otherwise, and deletes it at exit).
# Given a temporary folder that cannot exist, a copy fails, so the command works only with the installed library.
JAVA_TOOL_OPTIONS="-Dorg.sqlite.tmpdir=/dev/null/no-folder" TERRAIN_PASSWORD=demonstration \
  "$install_dir/bin/terrain" check --store "$store" --user coordination > "$work/check.out" 2>&1 \
  || { cat "$work/check.out" >&2; fail "terrain check needs to copy SQLite's native library: org.sqlite.lib.path unused"; }

# Time from the launcher's start to the first visible window with that title, measured twice: the first start after
# installation (JavaFX unpacks its native libraries into ~/.openjfx) and a second one.
cat > "$work/gui.sh" <<'GUI'
#!/bin/sh
# Runs inside xvfb-run: $1 output dir, $2 window title, $3 run label, $4 "shot" to take a screenshot
out=$1 title=$2 label=$3
start=$(date +%s%N)
"/opt/convergence-terrain/bin/Convergence Terrain" >"$out/gui-$label.log" 2>&1 &
pid=$!
shown=
i=0
while [ $i -lt 1200 ]; do   # 60 s at most
  if xdotool search --onlyvisible --name "$title" >/dev/null 2>&1; then shown=$(date +%s%N); break; fi
  kill -0 $pid 2>/dev/null || break
  sleep 0.05; i=$((i + 1))
done
if [ -n "$shown" ]; then
  echo "first window ($label): $(( (shown - start) / 1000000 )) ms" | tee -a "$out/measures.txt"
  if [ "${4:-}" = shot ]; then sleep 3; import -window root "$out/first-window.png"; fi
fi
kill $pid 2>/dev/null; wait $pid 2>/dev/null
[ -n "$shown" ]
GUI
chmod +x "$work/gui.sh"
if [ "$gui" = yes ]; then
  step "installed GUI under Xvfb, until its first window ('$window_title')"
  # Cold start as far as the machine allows: drop the page cache when permitted (TERRAIN_NO_DROP_CACHES=1 to spare a
  # shared machine; the first start is then only "first after installation").
  if [ -z "${TERRAIN_NO_DROP_CACHES:-}" ] && sync && echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; then echo "page cache dropped"; cold="cold, page cache dropped"; else cold="page cache not dropped"; fi
  echo "first start after installation: $cold; load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >> "$out/measures.txt"
  xvfb-run -a -s "-screen 0 1280x800x24" "$work/gui.sh" "$out" "$window_title" first shot \
    || { cat "$out/gui-first.log" >&2; fail "no window titled '$window_title' within 60 s"; }
  xvfb-run -a -s "-screen 0 1280x800x24" "$work/gui.sh" "$out" "$window_title" second \
    || { cat "$out/gui-second.log" >&2; fail "no window on the second start"; }
  [ -s "$out/first-window.png" ] || fail "no screenshot"
  ! grep -q "Unsupported JavaFX configuration" "$out"/gui-*.log \
    || fail "JavaFX was loaded from the class path (see $out/gui-first.log): check --module-path in *-app-image.args"
  echo "screenshot: $out/first-window.png"
else
  step "GUI check SKIPPED (--no-gui): no window, no screenshot, no start time"
  echo "first window: not measured (--no-gui)" >> "$out/measures.txt"
fi

step "upgrade: a newer .deb over the installed one keeps the user's data"
# The same args files with the next patch version: dpkg upgrades in place (prerm upgrade, unpack, postinst configure).
version_now=$(sed -n 's/^--app-version //p' "$here/target/jpackage-config/common.args")
version_next=$(echo "$version_now" | awk -F. '{ printf "%d.%d.%d", $1, $2, $3 + 1 }')
data_store="$XDG_DATA_HOME/convergence-terrain/check-upgrade.db"
mkdir -p "$(dirname "$data_store")" && cp "$store" "$data_store"
sum_before=$(md5sum < "$data_store")
(cd "$here" && "${JAVA_HOME:+$JAVA_HOME/bin/}jpackage" @target/jpackage-config/common.args @target/jpackage-config/app-image.args \
   @target/jpackage-config/linux-app-image.args @target/jpackage-config/linux.args --type deb \
   --app-version "$version_next" --dest "$work/upgrade")
sh "$here/src/jpackage/linux-launchers.sh" debs "$work/upgrade"
dpkg -i "$work"/upgrade/${pkg}_"$version_next"-*.deb
[ "$(dpkg-query -W -f '${Version}' "$pkg")" = "$version_next-1" ] || fail "the upgrade did not install $version_next"
"$install_dir/bin/terrain" --version >/dev/null || fail "terrain does not run after the upgrade"
JAVA_TOOL_OPTIONS=-Xshare:on "$install_dir/bin/terrain" --version >/dev/null 2>&1 \
  || fail "after the upgrade, the launcher cannot use its class-data sharing archive (postinst did not make it again)"
[ -L /usr/bin/terrain ] || [ -e /usr/bin/terrain ] || fail "/usr/bin/terrain is gone after the upgrade"
[ "$(md5sum < "$data_store")" = "$sum_before" ] || fail "the upgrade changed the user's store"
echo "upgraded $version_now → $version_next; the store in \$XDG_DATA_HOME is unchanged"

step "sizes"
{
  echo "installer $(basename "$deb"): $(du -k "$deb" | cut -f1) KB ($(stat -c %s "$deb") bytes)"
  echo "installed $install_dir: $(du -sk "$install_dir" | cut -f1) KB (runtime $(du -sk "$install_dir/lib/runtime" | cut -f1) KB, jars $(du -sk "$install_dir/lib/app" | cut -f1) KB)"
  echo "Installed-Size in the package: $(dpkg-deb -f "$deb" Installed-Size) KB"
} | tee -a "$out/measures.txt"
limit_bytes=$((50 * 1000 * 1000))
[ "$(stat -c %s "$deb")" -le "$limit_bytes" ] || fail "the installer is over 50 MB (issue 17)"

if [ "$gui" = yes ]; then
  step "startup times of the installed application (measure-startup.sh; median of 5)"
  "$here/measure-startup.sh" "$install_dir" | tee -a "$out/measures.txt"
fi

if [ "$keep" = yes ]; then
  step "kept installed (--keep)"
else
  step "uninstall with dpkg -r; the user's data stays"
  # Whatever the application wrote in the user's data folder (store, backups) must survive the removal of the package.
  touch "$XDG_DATA_HOME/kept-by-uninstall"
  (cd "$HOME" && find . | sort) > "$work/data-before"
  dpkg -r "$pkg"
  dpkg --purge "$pkg" >/dev/null   # nothing left in dpkg's database either (no "rc" line in dpkg -l)
  [ ! -e "$install_dir/bin/terrain" ] || fail "$install_dir/bin/terrain is still there after dpkg -r"
  [ ! -L /usr/bin/terrain ] || fail "/usr/bin/terrain is still there after dpkg -r"
  [ ! -e "$install_dir" ] || fail "$install_dir is still there after dpkg -r ($(find "$install_dir" | head -n 3))"
  (cd "$HOME" && find . | sort) > "$work/data-after"
  cmp -s "$work/data-before" "$work/data-after" || fail "the uninstall changed the user's data folder"
  echo "user's data kept: $(wc -l < "$work/data-after") entries under \$HOME"
fi
step "OK — measures in $out/measures.txt"
cat "$out/measures.txt"
