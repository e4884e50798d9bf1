#!/usr/bin/env bash
# Checks the hub tarball as an administrator would use it: unpacks it into a temporary directory, checks its
# contents (launcher, libraries, systemd unit, example configuration, guide), then for SQLite and, when there is
# one, PostgreSQL: starts `bin/terrain-hub serve` on a free loopback port, configured by an environment file read
# through TERRAIN_HUB_CONFIG (as in docs/hub-operations.md), and checks /health, `enrol`, a laptop's enrolment
# (POST /api/v1/enrol), `devices`, `revoke`, the refusal of the revoked device's sync, a console account and the
# console's sign-in page, the yearly table as PDF, and a clean stop.
#
# Usage: sync/hub/src/dist/check-tarball.sh [sync/hub/target/terrain-hub-<version>.tar.gz]
# PostgreSQL: TERRAIN_TEST_PG_URL (jdbc:postgresql://host[:port]/db) with PGUSER/PGPASSWORD, as for the tests;
# the check runs in a schema of its own, dropped at the end (psql needed). Without the variable, a local
# PostgreSQL reachable as root through `runuser -u postgres` is used (throw-away role and database); otherwise
# the PostgreSQL part is skipped, except when CI=true, where it fails. Needs: curl, java 17+.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
if [ $# -ge 1 ]; then
  tarball=$1
else
  tarball=$(ls "$here"/../../target/terrain-hub-*.tar.gz 2>/dev/null | head -1 || true)
fi
if [ -z "${tarball:-}" ] || [ ! -f "$tarball" ]; then
  echo "FAIL: no tarball (build it: ./mvnw -B -pl sync/hub -am package -DskipTests)" >&2
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/terrain-hub-check.XXXXXX")
. "$here/scratch-hub.sh"

fail() { echo "FAIL: $*" >&2; [ -f "$work/hub.log" ] && { echo "--- hub log" >&2; tail -40 "$work/hub.log" >&2; }; exit 1; }
ok() { echo "ok: $*"; }

tar -xzf "$tarball" -C "$work"
home=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'terrain-hub-*' | head -1)
[ -n "$home" ] || fail "the tarball has no terrain-hub-<version>/ top directory"
ok "unpacked $(basename "$tarball") into $home"

[ -x "$home/bin/terrain-hub" ] || fail "bin/terrain-hub missing or not executable"
ls "$home"/lib/terrain-hub-*.jar >/dev/null 2>&1 || fail "lib/terrain-hub-*.jar missing"
ls "$home"/lib/postgresql-*.jar >/dev/null 2>&1 || fail "lib/postgresql-*.jar missing"
for f in systemd/terrain-hub.service conf/terrain-hub.env.example docs/hub-operations.md README.txt THIRD-PARTY.txt; do
  [ -s "$home/$f" ] || fail "$f missing or empty"
done
[ "$(wc -l < "$home/docs/hub-operations.md")" -gt 100 ] || fail "docs/hub-operations.md looks truncated"
grep -q '^ExecStart=/opt/terrain-hub/bin/terrain-hub serve$' "$home/systemd/terrain-hub.service" \
  || fail "the unit does not start /opt/terrain-hub/bin/terrain-hub serve"
grep -q '^EnvironmentFile=/etc/terrain-hub/terrain-hub.env$' "$home/systemd/terrain-hub.service" \
  || fail "the unit does not read /etc/terrain-hub/terrain-hub.env"
for variable in TERRAIN_HUB_DB_URL TERRAIN_HUB_DB_USER TERRAIN_HUB_DB_PASSWORD TERRAIN_HUB_PORT TERRAIN_HUB_HOST \
    TERRAIN_HUB_KEYSTORE TERRAIN_HUB_LOG_LEVEL; do
  grep -q "$variable=" "$home/conf/terrain-hub.env.example" || fail "conf/terrain-hub.env.example lacks $variable"
done
grep -q 'jdbc:postgresql:' "$home/conf/terrain-hub.env.example" || fail "the example configuration is not for PostgreSQL"
if grep -q '\${project' "$home/README.txt"; then fail "README.txt was not filtered"; fi
"$home/bin/terrain-hub" --version >/dev/null 2>&1 || "$home/bin/terrain-hub" --help >/dev/null \
  || fail "bin/terrain-hub --help fails"
ok "contents: launcher, lib/, systemd unit, PostgreSQL example configuration, guide, notes"

# Runs an administration command the way the guide says: configuration from the environment file.
admin() { TERRAIN_HUB_CONFIG="$work/hub.env" "$home/bin/terrain-hub" "$@"; }

check_backend() {
  local name=$1 url=$2 user=${3:-} password=${4:-}
  {
    echo "# written by check-tarball.sh"
    echo "TERRAIN_HUB_DB_URL=$url"
    [ -n "$user" ] && echo "TERRAIN_HUB_DB_USER=$user"
    [ -n "$password" ] && echo "TERRAIN_HUB_DB_PASSWORD=$password"
    echo "TERRAIN_HUB_HOST=127.0.0.1"
    echo "TERRAIN_HUB_PORT=0"
    echo "TERRAIN_HUB_LOG_LEVEL=INFO"
    echo 'TERRAIN_HUB_JAVA_OPTS="-Xmx256m -XX:+ExitOnOutOfMemoryError"'
  } > "$work/hub.env"
  : > "$work/hub.log"
  # PGUSER/PGPASSWORD of the caller must not stand in for the configuration file's.
  (unset PGUSER PGPASSWORD; TERRAIN_HUB_CONFIG="$work/hub.env" exec "$home/bin/terrain-hub" serve) \
    > "$work/hub.log" 2>&1 &
  hub_pid=$!
  wait_for_hub_port "$work/hub.log" || fail "[$name] the hub stopped at start or did not start within 60 s"
  local port=$hub_port
  ok "[$name] serve listens on 127.0.0.1:$port"

  local health
  health=$(curl -fsS "http://127.0.0.1:$port/health") || fail "[$name] GET /health failed"
  echo "$health" | grep -q '"status":"ok"' || fail "[$name] /health: $health"
  ok "[$name] /health: $health"

  local code
  code=$(admin enrol --worksite abej-solidarite --label "Contrôle de l'archive") || fail "[$name] enrol failed"
  echo "$code" | grep -Eq '^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$' || fail "[$name] enrol printed '$code'"
  ok "[$name] enrol --worksite abej-solidarite: code $code"
  admin enrol --territory lille --label "Coordination Lille (contrôle)" >/dev/null || fail "[$name] enrol --territory failed"
  if admin enrol --worksite abej-solidarit --label typo >/dev/null 2>&1; then fail "[$name] enrol accepted an unknown worksite"; fi
  ok "[$name] enrol --territory lille works; an unknown worksite is refused"

  local device
  device=$(cat /proc/sys/kernel/random/uuid)   # the hub takes only UUIDs as device ids
  local answer
  answer=$(curl -fsS -H 'Content-Type: application/json' \
    -d "{\"protocol\":1,\"code\":\"$code\",\"deviceId\":\"$device\",\"label\":\"Portable de contrôle\"}" \
    "http://127.0.0.1:$port/api/v1/enrol") || fail "[$name] POST /api/v1/enrol failed"
  local token
  token=$(echo "$answer" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
  [ -n "$token" ] || fail "[$name] enrolment answer without token: $answer"
  ok "[$name] a laptop enrolled with the code (device $device)"

  admin devices | grep "^$device" | grep -q 'actif' || fail "[$name] devices does not list $device as active"
  admin holders | grep -q "Portable de contrôle\|Contrôle de l'archive" || fail "[$name] holders lists nobody"
  ok "[$name] devices lists it as active"

  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"protocol\":1,\"deviceId\":\"$device\",\"cursor\":0,\"operations\":[]}" "http://127.0.0.1:$port/api/v1/sync")
  [ "$status" = 200 ] || fail "[$name] a first sync of the enrolled device answered $status"
  admin revoke "$device" | grep -q 'révoqué' || fail "[$name] revoke failed"
  admin devices | grep "^$device" | grep -q 'RÉVOQUÉ' || fail "[$name] devices does not show the revocation"
  status=$(curl -s -o "$work/revoked.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "{\"protocol\":1,\"deviceId\":\"$device\",\"cursor\":0,\"operations\":[]}" \
    "http://127.0.0.1:$port/api/v1/sync")
  [ "$status" = 403 ] && grep -q device-revoked "$work/revoked.json" || fail "[$name] revoked device's sync answered $status"
  ok "[$name] sync 200 before revoke, 403 device-revoked after"

  # The console (docs/hub-operations.md §9): an account from the command line, its sign-in page and style sheet
  # served from the packaged jar, everything else sent to the sign-in page.
  TERRAIN_HUB_USER_PASSWORD="contrôle de l'archive" admin users add --login controle --name "Contrôle" \
    --role coordinator --territory lille >/dev/null || fail "[$name] users add failed"
  admin users list | grep -q "^controle" || fail "[$name] users list does not list the account"
  # Fetched whole before grep: with pipefail, `curl | grep -q` fails when grep stops reading first (curl error 23).
  page=$(curl -fsS "http://127.0.0.1:$port/console/connexion") || fail "[$name] GET /console/connexion failed"
  grep -q 'for="password"' <<<"$page" || fail "[$name] no sign-in page"
  page=$(curl -fsS "http://127.0.0.1:$port/console/style.css") || fail "[$name] GET /console/style.css failed"
  grep -q 'font' <<<"$page" || fail "[$name] no console style sheet"
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/console/postes")
  [ "$status" = 303 ] || fail "[$name] /console/postes without a session answered $status"
  ok "[$name] users add/list; /console serves its sign-in page and keeps the rest behind it"

  # The yearly table as PDF: PDFBox and the print style's fonts (in terrain-core's jar; a missing one fails the
  # command) found on the tarball's classpath.
  admin report --year 2026 --format pdf --output "$work/tableau-$name.pdf" 2>/dev/null \
    || fail "[$name] report --format pdf failed"
  head -c 5 "$work/tableau-$name.pdf" | grep -q '%PDF-' || fail "[$name] report --format pdf wrote no PDF"
  ok "[$name] report --format pdf writes the yearly table as PDF"

  grep -q 'http method=GET path=/health status=200' "$work/hub.log" || fail "[$name] no request log line"
  kill -TERM "$hub_pid"
  local rc=0
  wait "$hub_pid" || rc=$?
  hub_pid=
  [ "$rc" = 0 ] || [ "$rc" = 143 ] || fail "[$name] the hub exited with $rc on SIGTERM"
  if grep -q 'level=ERROR' "$work/hub.log"; then fail "[$name] errors in the hub log"; fi
  ok "[$name] stopped cleanly on SIGTERM (exit $rc), no ERROR in the log"
}

check_backend sqlite "jdbc:sqlite:$work/terrain-hub.db"

if scratch_postgres hubcheck; then
  check_backend postgresql "$pg_url" "$pg_user" "$pg_password"
else
  echo "skipped: PostgreSQL (no TERRAIN_TEST_PG_URL and no local PostgreSQL reachable as root)"
fi
echo "PASS: $(basename "$tarball")"
