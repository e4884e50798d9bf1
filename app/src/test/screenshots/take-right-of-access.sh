#!/bin/sh
# Saves the right-of-access screenshots into docs/screenshots/: the participant file as an adviser sees it with
# "Exporter ses données (droit d'accès)…" and its reminder (12-droit-acces.png), the message once exported
# (13-droit-acces-exporte.png), and the exported PDF's first page rendered by pdftoppm at 90 dpi
# (print-right-of-access-1.png). Needs Debian's xvfb, libgtk-3-0, libgl1 and poppler-utils.
# Usage, from anywhere: app/src/test/screenshots/take-right-of-access.sh
set -eu
root=$(cd "$(dirname "$0")/../../../.." && pwd)
cd "$root"
./mvnw -q -B -pl app -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/tool-classpath.txt -Dmdep.includeScope=test
cp="app/target/test-classes:app/target/classes:$(cat app/target/tool-classpath.txt)"
exported=app/target/droit-acces
rm -rf "$exported"
xvfb-run -a -s "-screen 0 1366x768x24" \
    java -Dterrain.window.size=1366x768 -Dprism.order=sw -cp "$cp" \
    fr.convergence.terrain.app.tools.RightOfAccessScreenshots docs/screenshots "$exported"
pdftoppm -png -r 90 -f 1 -l 1 -singlefile "$exported"/donnees-*.pdf docs/screenshots/print-right-of-access-1
ls -l docs/screenshots/12-droit-acces.png docs/screenshots/13-droit-acces-exporte.png \
    docs/screenshots/print-right-of-access-1.png
