#!/bin/sh
# Records the classes the application loads, for the class-data sharing (CDS) archives of the Linux installers (run by
# the "package" profile after jpackage app-image and linux-launchers.sh; needs xvfb-run):
#   terrain.classlist      the desktop launcher's: from its start to its sign-in screen, then the command line's calls
#                          (jOOQ, PDFBox: the window loads them after the sign-in screen)
#   terrain-cli.classlist  the command-line launcher's, which starts without JavaFX (linux-launchers.sh): its calls only
# The .deb's postinst dumps each archive from its list on the machine it installs on (-Xshare:dump: the JVM reads,
# verifies and lays out those classes once, and every later start maps them instead), because an archive must match
# the installed jars and would weigh ≈ 10 MB more in the download. The launchers name them (linux-app-image.args,
# linux-launchers.sh).
# Usage: linux-classlist.sh APP_IMAGE_DIR OUTPUT_FOLDER
set -eu
image=$1 out_folder=$2
command -v xvfb-run >/dev/null || { echo "linux-classlist: xvfb-run is missing (apt-get install xvfb xauth)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A demo store, so that the start goes through opening a store to the sign-in screen, as on a worksite laptop.
export TERRAIN_DATA_DIR="$work/data" HOME="$work/home"
mkdir -p "$TERRAIN_DATA_DIR" "$HOME"
"$image/bin/terrain" demo --store "$TERRAIN_DATA_DIR/terrain-demo.db" --size site > /dev/null
cat > "$work/train.sh" <<'TRAIN'
#!/bin/sh
# inside xvfb-run: start the window, wait for the sign-in screen (the application prints TERRAIN_STARTUP_MS), stop it
"$1/bin/Convergence Terrain" > "$2" 2>&1 &
pid=$!
n=0
while ! grep -q TERRAIN_STARTUP_MS "$2" && [ $n -lt 1200 ]; do sleep 0.1; n=$((n + 1)); done
kill $pid; wait $pid 2>/dev/null
grep -q TERRAIN_STARTUP_MS "$2"
TRAIN
JAVA_TOOL_OPTIONS="-Dterrain.bench=true -XX:DumpLoadedClassList=$work/classlist" \
  xvfb-run -a -s "-screen 0 1366x768x24" sh "$work/train.sh" "$image" "$work/window.log" \
  || { cat "$work/window.log" >&2; echo "linux-classlist: no sign-in screen within 120 s" >&2; exit 1; }
grep -q '^fr/convergence/terrain/app/AppFlow$' "$work/classlist" \
  || { echo "linux-classlist: the class list lacks the application's classes" >&2; exit 1; }
# Issue 17: PDFBox and the sync client are loaded when first needed, never on the way to the sign-in screen.
grep -E '^(org/apache/pdfbox/|fr/convergence/terrain/sync/client/)' "$work/classlist" \
  && { echo "linux-classlist: PDFBox or the sync client loaded before the sign-in screen" >&2; exit 1; }
# The command line's calls a person waits for (docs/performance.md, « Startup »): their classes — jOOQ and the generated
# schema, Jackson, PDFBox and the fonts' parsers — are not on the way to the sign-in screen, which reads the store with
# plain JDBC. Each call records its own list; the archive is made from all of them (each class once).
participant=$("${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$image/lib/app/*" "$(dirname "$0")/DemoParticipant.java" \
  "$TERRAIN_DATA_DIR/terrain-demo.db")
export TERRAIN_PASSWORD=demonstration
record() {
  name=$1; shift
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/classlist-$name" "$image/bin/terrain" "$@" > "$work/$name.log" 2>&1 \
    || { cat "$work/$name.log" >&2; echo "linux-classlist: terrain $* failed" >&2; exit 1; }
}
record version --version
record check check --store "$TERRAIN_DATA_DIR/terrain-demo.db" --user coordination --json
record print print follow-up --store "$TERRAIN_DATA_DIR/terrain-demo.db" --user coordination \
  --participant "$participant" --out "$work/sheet.pdf"
grep -q '^org/jooq/impl/DSL$' "$work/classlist-check" \
  || { echo "linux-classlist: the check's class list lacks jOOQ" >&2; exit 1; }
grep -q '^org/apache/pdfbox/pdmodel/PDDocument$' "$work/classlist-print" \
  || { echo "linux-classlist: the print's class list lacks PDFBox" >&2; exit 1; }
grep -q '^javafx/' "$work/classlist-check" "$work/classlist-print" \
  && { echo "linux-classlist: the command line loaded JavaFX" >&2; exit 1; }
# Each list once per class, in the order first seen (the window's first, its order kept).
merge() { awk '/^#/ { if (!body) print; next } { body = 1 } !seen[$0]++' "$@"; }
merge "$work/classlist" "$work/classlist-version" "$work/classlist-check" "$work/classlist-print" \
  > "$out_folder/terrain.classlist"
merge "$work/classlist-version" "$work/classlist-check" "$work/classlist-print" > "$out_folder/terrain-cli.classlist"
echo "linux-classlist: $(grep -cv '^[#@]' "$out_folder/terrain.classlist") classes (sign-in screen, --version, check," \
  "print follow-up) → $out_folder/terrain.classlist; $(grep -cv '^[#@]' "$out_folder/terrain-cli.classlist") (the" \
  "command line's) → $out_folder/terrain-cli.classlist"
