#!/bin/sh
# The application benchmarks of docs/performance.md (section "Application"), in a real window under Xvfb:
# cold start to the sign-in screen (the packaged launcher, 5 runs), week view of 300 participants after
# navigation, and cell commits. Needs xvfb, libgtk-3-0, libgl1. Usage: app/src/test/benchmarks/run-benchmarks.sh
set -eu
root=$(cd "$(dirname "$0")/../../../.." && pwd)
cd "$root"
./mvnw -q -B -DskipTests -pl app -am package
./mvnw -q -B -pl app -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/tool-classpath.txt -Dmdep.includeScope=test
data=$(mktemp -d)
# A store that exists (demo) so that the launcher goes straight to the sign-in screen.
app/target/terrain/bin/terrain demo --store "$data/terrain-demo.db" > /dev/null
echo "cold start to the sign-in screen (launcher, JVM start -> screen laid out):"
for i in 1 2 3 4 5; do
    TERRAIN_DATA_DIR="$data" TERRAIN_JAVA_OPTS="-Dterrain.bench=true -Dprism.order=sw" \
        xvfb-run -a -s "-screen 0 1366x768x24" sh -c '
            app/target/terrain/bin/terrain > "$0/run.log" 2>&1 &
            pid=$!
            n=0
            while ! grep -q TERRAIN_STARTUP_MS "$0/run.log" && [ $n -lt 200 ]; do sleep 0.05; n=$((n+1)); done
            kill $pid 2>/dev/null; wait $pid 2>/dev/null || true
            grep TERRAIN_STARTUP_MS "$0/run.log"' "$data"
done
cp="app/target/test-classes:app/target/classes:$(cat app/target/tool-classpath.txt)"
xvfb-run -a -s "-screen 0 1366x768x24" java -Dterrain.window.size=1366x768 -Dprism.order=sw -cp "$cp" \
    fr.convergence.terrain.app.tools.ApplicationBenchmark
rm -rf "$data"
