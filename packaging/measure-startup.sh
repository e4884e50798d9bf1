#!/bin/sh
# Startup as a person feels it, measured from outside on the application image (docs/performance.md, « Startup »):
# wall time from the launcher's start, median of 5 runs each, of
#   1. terrain --version                       (a command that does no work)
#   2. terrain check --store … on a small store: a new laptop's store (schema, no account, so not encrypted: the
#      command opens it, runs SQLite's integrity check and the checksums of the empty tables, with no sign-in);
#      then on the demo site store (40 participants, encrypted), which signs in with --user first (PBKDF2, 600,000
#      iterations, on purpose) and decrypts every row for the checksums: work, not startup
#   2b. terrain print follow-up of one participant of that store (signs in the same way, then the PDF)
#   3. the desktop launcher until the sign-in screen is laid out (a demo store present, so the sign-in screen is the
#      first one; the application prints TERRAIN_STARTUP_MS once that screen's first layout pulse is done, with
#      -Dterrain.bench=true given through JAVA_TOOL_OPTIONS, and the script times when that line appears)
#   4. the floor: a bare JavaFX window with a table, on the same runtime and JavaFX jars, timed the same way.
# Next to each median of wall times, the median of the CPU time the process used (user + system): on this shared
# 2-core machine other builds can triple the wall time, not the CPU time.
# Needs xvfb-run, /usr/bin/time (Debian's "time") and a JDK (javac for the bare window). Usage:
#   packaging/measure-startup.sh [APP_DIR]   default packaging/target/jpackage/Convergence Terrain (made by -Ppackage);
#                                            /opt/convergence-terrain for the installed .deb
set -eu
here=$(cd "$(dirname "$0")" && pwd)
app=${1:-"$here/target/jpackage/Convergence Terrain"}
[ -x "$app/bin/terrain" ] || { echo "measure-startup: no $app/bin/terrain (build with -Ppackage)" >&2; exit 2; }
runs=5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TERRAIN_DATA_DIR="$work/data"
mkdir -p "$TERRAIN_DATA_DIR"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# times COMMAND… five times, prints the five wall times, their median, and the median of the CPU time (user + system,
# from /usr/bin/time), which tells a busy machine's waiting from the command's own work
time_command() {
  label=$1; shift
  : > "$work/times"; : > "$work/cpu"
  for i in $(seq $runs); do
    start=$(now_ms); /usr/bin/time -f "%U %S" -a -o "$work/cpu" "$@" > /dev/null 2>&1; end=$(now_ms)
    echo $((end - start)) >> "$work/times"
  done
  cpu=$(awk '{ printf "%d\n", ($1 + $2) * 1000 }' "$work/cpu" | median)
  echo "$label: $(tr '\n' ' ' < "$work/times")ms, median $(median < "$work/times") ms (CPU median $cpu ms)"
}

"$app/bin/terrain" demo --store "$TERRAIN_DATA_DIR/terrain-demo.db" --size site > /dev/null
# The new laptop's store, as TerrainStore makes it on first open (a JDK runs this one-file program on the image's jars).
mkdir -p "$work/new"
cat > "$work/new/NewStore.java" <<'JAVA'
public class NewStore {
    public static void main(String[] args) {
        fr.convergence.terrain.core.store.TerrainStore.open(java.nio.file.Path.of(args[0])).close();
    }
}
JAVA
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$app/lib/app/*" "$work/new/NewStore.java" "$work/new/terrain.db"
time_command "terrain --version" "$app/bin/terrain" --version
time_command "terrain check (new laptop's store, no account)" "$app/bin/terrain" check --store "$work/new/terrain.db"
export TERRAIN_PASSWORD=demonstration
time_command "terrain check --user coordination (demo site store, encrypted)" "$app/bin/terrain" check \
  --store "$TERRAIN_DATA_DIR/terrain-demo.db" --user coordination
# One follow-up sheet of the demo site store (signs in, reads the file, lays out and writes the PDF with PDFBox).
participant=$("${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$app/lib/app/*" "$here/src/jpackage/DemoParticipant.java" \
  "$TERRAIN_DATA_DIR/terrain-demo.db")
time_command "terrain print follow-up (one sheet, demo site store)" "$app/bin/terrain" print follow-up \
  --store "$TERRAIN_DATA_DIR/terrain-demo.db" --user coordination --participant "$participant" --out "$work/sheet.pdf"
unset TERRAIN_PASSWORD

# The bare window: a stage with an empty table, which prints the same marker after its first layout pulse.
mkdir -p "$work/bare"
cat > "$work/bare/BareWindow.java" <<'JAVA'
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

public class BareWindow extends Application {
    public static void main(String[] args) { launch(args); }
    @Override public void start(Stage stage) {
        TableView<String> table = new TableView<>();
        table.getColumns().add(new TableColumn<String, String>("Nom"));
        Scene scene = new Scene(table, 800, 600);
        Runnable[] once = new Runnable[1];
        once[0] = () -> { scene.removePostLayoutPulseListener(once[0]); System.out.println("TERRAIN_STARTUP_MS=0"); };
        scene.addPostLayoutPulseListener(once[0]);
        stage.setTitle("Bare window");
        stage.setScene(scene);
        stage.show();
    }
}
JAVA
fx=$(ls "$app"/lib/app/javafx-*-*.jar | grep -v -- '-[0-9.]*\.jar$' | tr '\n' ':')
"${JAVA_HOME:+$JAVA_HOME/bin/}javac" -d "$work/bare" --module-path "$fx" --add-modules javafx.controls \
  "$work/bare/BareWindow.java"

# Runs inside one xvfb-run: $1 label, then the command; times from its start to the marker line, five times.
cat > "$work/window.sh" <<'WINDOW'
#!/bin/sh
label=$1; shift
: > "$TIMES"
for i in 1 2 3 4 5; do
  : > "$LOG"   # emptied here, not by the child's redirection, which may come after the first look
  start=$(( $(date +%s%N) / 1000000 ))
  "$@" >> "$LOG" 2>&1 &
  pid=$!
  n=0
  while ! grep -q TERRAIN_STARTUP_MS "$LOG" && [ $n -lt 3000 ]; do sleep 0.01; n=$((n + 1)); done
  end=$(( $(date +%s%N) / 1000000 ))
  # the CPU time the process used so far (user + system, fields 14 and 15 of /proc/PID/stat, in clock ticks)
  ticks=$(awk '{ print $14 + $15 }' /proc/$pid/stat 2>/dev/null || echo 0)
  kill $pid 2>/dev/null; wait $pid 2>/dev/null
  grep -q TERRAIN_STARTUP_MS "$LOG" || { echo "$label: no window (see below)" >&2; cat "$LOG" >&2; exit 1; }
  echo $((end - start)) >> "$TIMES"
  echo $((ticks * 1000 / $(getconf CLK_TCK))) >> "$CPU"
done
WINDOW
chmod +x "$work/window.sh"
export TIMES="$work/times" LOG="$work/window.log" CPU="$work/window-cpu"
window() {
  label=$1; shift
  : > "$CPU"
  xvfb-run -a -s "-screen 0 1366x768x24" "$work/window.sh" "$label" "$@"
  echo "$label: $(tr '\n' ' ' < "$TIMES")ms, median $(median < "$TIMES") ms (CPU median $(median < "$CPU") ms)"
}
JAVA_TOOL_OPTIONS="-Dterrain.bench=true" window "sign-in screen (desktop launcher)" "$app/bin/Convergence Terrain"
window "bare JavaFX window with a table (floor)" "$app/lib/runtime/bin/java" --module-path "$fx" \
  --add-modules javafx.controls -cp "$work/bare" BareWindow
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(uname -m)"
