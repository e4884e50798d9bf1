#!/bin/sh
# Saves docs/screenshots/12-journal-acces.png: the access journal page of a coordinator on fresh demo data, in a
# real window under Xvfb (1366×768). Needs Debian's xvfb, libgtk-3-0 and libgl1. Usage, from anywhere:
# app/src/test/screenshots/take-audit-screenshot.sh
set -eu
root=$(cd "$(dirname "$0")/../../../.." && pwd)
cd "$root"
./mvnw -q -B -o -pl app -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/tool-classpath.txt -Dmdep.includeScope=test
cp="app/target/test-classes:app/target/classes:$(cat app/target/tool-classpath.txt)"
xvfb-run -a -s "-screen 0 1366x768x24" \
    java -Dterrain.window.size=1366x768 -Dprism.order=sw -cp "$cp" \
    fr.convergence.terrain.app.tools.AuditPageSnapshot "${1:-docs/screenshots}"
