#!/bin/sh
# Saves a PNG of each page of the hub console (docs/screenshots/hub-*.png) at 1366×768, from the browser tests
# (ConsoleBrowserTest) in Debian's headless chromium (apt-get install chromium chromium-driver): connexion,
# second-facteur, accueil, postes, historique (a device's syncs), code, revocation, refus, sante (sync health),
# journal, mot-de-passe, annee (the yearly table of the hand-counted data set, YearlyDataSet), annee-chantier
# (a worksite by month) and releve-mensuel (a worksite's monthly hours statement).
# Usage, from anywhere: sync/hub/src/test/screenshots/take-hub-screenshots.sh [directory]
set -eu
root=$(cd "$(dirname "$0")/../../../../.." && pwd)
cd "$root"
out=${1:-$root/docs/screenshots}
case "$out" in /*) ;; *) out="$root/$out" ;; esac
./mvnw -q -B ${MAVEN_OFFLINE:+-o} -pl sync/hub -am test -Dtest=ConsoleBrowserTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dterrain.hub.screenshots="$out"
ls "$out"/hub-*.png
