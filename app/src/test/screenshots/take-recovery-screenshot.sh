#!/bin/sh
# Saves docs/screenshots/14-cle-de-secours.png (the forgotten-password form of the sign-in screen, after a mistyped
# recovery key) and print-recovery-key.png (the sheet « Imprimer… » writes), in a real window under Xvfb
# (1366×768). Needs Debian's xvfb, libgtk-3-0, libgl1 and poppler-utils. Usage, from anywhere:
# app/src/test/screenshots/take-recovery-screenshot.sh
set -eu
root=$(cd "$(dirname "$0")/../../../.." && pwd)
cd "$root"
out="${1:-docs/screenshots}"
./mvnw -q -B -o -pl app -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/tool-classpath.txt -Dmdep.includeScope=test
cp="app/target/test-classes:app/target/classes:$(cat app/target/tool-classpath.txt)"
xvfb-run -a -s "-screen 0 1366x768x24" \
    java -Dterrain.window.size=1366x768 -Dprism.order=sw -cp "$cp" \
    fr.convergence.terrain.app.tools.RecoveryFormSnapshot "$out"
pdftoppm -png -r 60 -singlefile "$out/print-recovery-key.pdf" "$out/print-recovery-key"
rm "$out/print-recovery-key.pdf"
