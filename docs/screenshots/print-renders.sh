#!/bin/sh
# Regenerates docs/screenshots/print-*.png: the print-outs (follow-up sheets, attendance sheets, referral form)
# made from the print tests' fixed-day demo data (18/03/2026) and rendered by PDFBox at 90 dpi, then, when
# xvfb-run is installed (Debian: xvfb, libgtk-3-0, libgl1), the Impressions page showing a preview.
# Run from anywhere.
set -e
cd "$(dirname "$0")/../.."
# print-recovery-key.png and print-right-of-access-1.png come from their own scripts (app/src/test/screenshots).
find docs/screenshots -name "print-*.png" ! -name print-recovery-key.png ! -name "print-right-of-access-*.png" -delete
./mvnw -q -B -pl app -am -DskipTests -Pprint-renders verify
if command -v xvfb-run >/dev/null 2>&1; then
  ./mvnw -q -B -pl app -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/app/target/print-page.classpath"
  xvfb-run -a -s "-screen 0 1400x900x24" java \
    -cp "app/target/test-classes:app/target/classes:core/target/classes:$(cat app/target/print-page.classpath)" \
    fr.convergence.terrain.app.print.PrintsPageSnapshot docs/screenshots 2>/dev/null
fi
ls -l docs/screenshots/print-*.png
