#!/bin/sh
# Regenerates docs/screenshots/sync-page.png: the Synchronisation page of a laptop whose phone edit clashed with
# another laptop's, against a hub on loopback (SyncPageSnapshot in sync/it). Needs xvfb-run (Debian: xvfb,
# libgtk-3-0, libgl1). Run from anywhere.
set -e
cd "$(dirname "$0")/../.."
./mvnw -q -B -o -pl sync/it -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/sync/it/target/sync-page.classpath"
xvfb-run -a -s "-screen 0 1400x900x24" java \
  -cp "sync/it/target/test-classes:app/target/classes:sync/client/target/classes:sync/hub/target/classes:sync/protocol/target/classes:core/target/classes:$(cat sync/it/target/sync-page.classpath)" \
  fr.convergence.terrain.sync.it.SyncPageSnapshot docs/screenshots
ls -l docs/screenshots/sync-page.png
