#!/usr/bin/env bash
# Black-box sync scenarios (issue 11), with the real command lines, on a SQLite hub and on a PostgreSQL one:
# the `territory` demo imported into a hub, two worksite laptops and a territory laptop enrolled (and a new laptop
# refused enrolment until it is installed with an account), old and new rows edited on each (hours of an old week, the phone of an old participant, new notes, the same old cell on two
# laptops), syncs in several orders (the territory laptop before and after the worksite ones), a last round of
# syncs, then every synced table of each laptop compared with the hub's rows of its scope: counts and checksums
# (`terrain check --json`, `terrain-hub check --compare`). Exits 1 naming the step or the tables that differ.
#
# Builds nothing: expects app/target/terrain/bin/terrain and sync/hub/target/terrain-hub/bin/terrain-hub, as
# `./mvnw -B verify` (or package) leaves them. PostgreSQL: TERRAIN_TEST_PG_URL with PGUSER/PGPASSWORD, as for the
# tests (a schema of its own, dropped at the end; psql needed); without it, a local PostgreSQL reachable as root
# (throw-away role and database); otherwise skipped, except with CI=true, where it fails.
#
# Usage: .ci/sync-scenarios.sh [sqlite|postgresql]...   (default: both)
# Takes a few minutes per database (each command starts a JVM; the territory laptop pulls ≈ 63,000 rows).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
terrain_bin=$root/app/target/terrain/bin/terrain
hub_bin=$root/sync/hub/target/terrain-hub/bin/terrain-hub
for launcher in "$terrain_bin" "$hub_bin"; do
  [ -x "$launcher" ] || { echo "FAIL: $launcher missing: build first (./mvnw -B -DskipTests package -pl app,sync/hub -am)" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/terrain-sync-scenarios.XXXXXX")
# The laptops' commands act as a person (issue 14): each names its account (--user) and gives its password, here from
# a file readable by its owner only for `terrain edit setup`, and from TERRAIN_PASSWORD for the other commands.
password_file=$work/mot-de-passe
(umask 077; printf '%s\n' 'scenario-de-synchro-2026' > "$password_file")
export TERRAIN_PASSWORD=scenario-de-synchro-2026
. "$root/sync/hub/src/dist/scratch-hub.sh"   # cleanup at exit, wait_for_hub_port, scratch_postgres

backend=
fail() {
  echo "FAIL [$backend]: $*" >&2
  [ -s "$work/last.out" ] && { echo "--- output of the failing command" >&2; tail -20 "$work/last.out" >&2; }
  [ -f "$work/hub.log" ] && { echo "--- hub log (last lines)" >&2; tail -20 "$work/hub.log" >&2; }
  exit 1
}
backend_started=$SECONDS
ok() { echo "ok [$backend] $((SECONDS - backend_started)) s: $*"; }
# Runs a command with its output kept for fail(); prints nothing when it succeeds.
quiet() { "$@" > "$work/last.out" 2>&1; }

# The demo store is the same for both backends: made once.
demo=$work/demo.db
"$terrain_bin" demo --store "$demo" --size territory > "$work/last.out" 2>&1 || { backend=demo; fail "terrain demo --size territory"; }

worksite_a=abej-solidarite
worksite_b=eole
territory=lille

run_scenarios() {
  backend=$1 backend_started=$SECONDS
  local db=$2
  local dir=$work/$backend
  mkdir -p "$dir"
  hub() { "$hub_bin" "$@" --db "$db"; }
  # Stores are encrypted (ADR 0005): every command signs in, with the password of the laptop's account
  # (TERRAIN_PASSWORD, above); the demo store's accounts have the demo password.
  terrain() { "$terrain_bin" "$@"; }

  TERRAIN_PASSWORD=demonstration quiet hub import --store "$demo" || fail "terrain-hub import of the territory demo"
  ok "territory demo imported into the hub"

  : > "$work/hub.log"
  "$hub_bin" serve --db "$db" --host 127.0.0.1 --port 0 > "$work/hub.log" 2>&1 &
  hub_pid=$!
  wait_for_hub_port "$work/hub.log" || fail "the hub stopped at start or did not start within 60 s"
  local url=http://127.0.0.1:$hub_port
  ok "hub serving on $url"

  # The laptops that edit are installed as on their first start (a worksite and its first account — an administrator
  # or a coordinator —, on whose behalf edits are made), then enrolled and synced as from the Synchronisation page. A
  # second laptop of worksite A is refused enrolment while it has no data file (no account, hence no key to encrypt
  # what the hub sends: ADR 0005), then installed, enrolled, and only syncs.
  local wa=$dir/worksite-a.db wb=$dir/worksite-b.db tl=$dir/territory.db wa2=$dir/worksite-a-new.db
  setup() { # store, worksite, login, role
    quiet terrain edit --store "$1" --password-file "$password_file" setup --worksite "$2" --login "$3" --role "$4"
  }
  setup "$wa" "$worksite_a" admin.a ADMIN || fail "setup of laptop A"
  setup "$wb" "$worksite_b" coordination.b COORDINATOR || fail "setup of laptop B"
  setup "$tl" "$worksite_a" coordination COORDINATOR || fail "setup of the territory laptop"
  person() { # store → the --user option of its account
    case "$1" in
      "$wa") echo --user admin.a ;;
      "$wa2") echo --user admin.a2 ;;
      "$wb") echo --user coordination.b ;;
      "$tl") echo --user coordination ;;
    esac
  }

  enrol() { # store, hub enrol options…
    local store=$1; shift
    local code
    code=$(hub enrol "$@" --label "Scénario $(basename "$store" .db)" 2> "$work/last.out") || fail "terrain-hub enrol $*"
    # shellcheck disable=SC2046 # person prints two words on purpose
    quiet terrain sync --store "$store" $(person "$store") --hub "$url" --enrol "$code" --label "$(basename "$store" .db)" \
      || fail "first sync of $(basename "$store") (enrolment $*)"
  }
  sync_laptop() {
    # shellcheck disable=SC2046
    quiet terrain sync --store "$1" $(person "$1") || fail "sync of $(basename "$1")"
  }
  edit() { # store, edit subcommand and options…; prints what the command printed (ids only)
    local store=$1; shift
    # shellcheck disable=SC2046
    terrain edit --store "$store" $(person "$store") "$@" > "$work/last.out" 2>&1 \
      || fail "terrain edit $* on $(basename "$store")"
    cat "$work/last.out"
  }

  # Round 1: the worksite laptops' first syncs, then old and new rows edited on both and sent up.
  enrol "$wa" --worksite "$worksite_a"
  enrol "$wb" --worksite "$worksite_b"
  ok "worksite laptops A ($worksite_a) and B ($worksite_b) enrolled, first syncs done"
  local old_cell
  old_cell=$(edit "$wa" hours --oldest --minutes 60)
  edit "$wa" phone --oldest --value "06 11 22 33 44" >/dev/null
  edit "$wa" note --newest --text "Scénario : nouvelle note sur le poste A" >/dev/null
  edit "$wb" hours --oldest --minutes 90 >/dev/null
  edit "$wb" phone --oldest --value "07 55 66 77 88" >/dev/null
  edit "$wb" note --oldest --text "Scénario : note sur un ancien dossier du poste B" >/dev/null
  sync_laptop "$wa"
  sync_laptop "$wb"
  ok "old hours, old phones and new notes edited on A and B, synced (A then B)"

  # Round 2: a new territory laptop's first sync (several pages) over old rows edited after their creation.
  enrol "$tl" --territory "$territory"
  ok "territory laptop ($territory) enrolled, first sync done over edited old rows"
  local code
  code=$(hub enrol --worksite "$worksite_a" --label "Scénario sans compte" 2> "$work/last.out") || fail "terrain-hub enrol"
  if terrain sync --store "$wa2" --hub "$url" --enrol "$code" > "$work/last.out" 2>&1; then
    fail "a laptop with no data file (no account, no key) was enrolled"
  fi
  grep -q "aucun compte" "$work/last.out" || fail "the refusal of an enrolment without an account does not say why"
  [ ! -e "$wa2" ] || fail "a refused enrolment created $wa2"
  setup "$wa2" "$worksite_a" admin.a2 ADMIN || fail "setup of laptop A2"
  enrol "$wa2" --worksite "$worksite_a"
  ok "a new laptop of $worksite_a refused enrolment without an account, then installed, enrolled, first sync done"

  # The same old cell edited on A and on the territory laptop; the territory laptop syncs first, then A, then B.
  local participant day kind
  participant=$(sed -n 's/.*participant=\([^ ]*\).*/\1/p' <<< "$old_cell")
  day=$(sed -n 's/.*day=\([^ ]*\).*/\1/p' <<< "$old_cell")
  kind=$(sed -n 's/.*kind=\([^ ]*\).*/\1/p' <<< "$old_cell")
  [ -n "$participant" ] && [ -n "$day" ] && [ -n "$kind" ] || fail "terrain edit hours printed '$old_cell'"
  edit "$tl" hours --participant "$participant" --day "$day" --kind "$kind" --minutes 45 >/dev/null
  edit "$wa" hours --participant "$participant" --day "$day" --kind "$kind" --minutes 30 >/dev/null
  edit "$tl" phone --newest --value "06 99 88 77 66" >/dev/null
  edit "$tl" note --oldest --text "Scénario : note de la coordination sur un ancien dossier" >/dev/null
  edit "$wb" hours --newest --minutes 120 >/dev/null
  sync_laptop "$tl"
  sync_laptop "$wa"
  sync_laptop "$wb"
  ok "same old cell edited on A and the territory laptop; synced territory, A, B"

  # Round 3: more edits, the worksite laptops before the territory laptop this time.
  edit "$wa" note --oldest --text "Scénario : note du poste A sur un ancien dossier" >/dev/null
  edit "$wb" phone --newest --value "07 12 12 12 12" >/dev/null
  edit "$tl" hours --oldest --minutes 75 >/dev/null
  sync_laptop "$wb"
  sync_laptop "$wa"
  sync_laptop "$tl"
  ok "more edits; synced B, A, territory"

  # Last round: everything up, then everything down, so that every laptop has pulled after the last push.
  for store in "$wa" "$wb" "$tl" "$wa2" "$wa" "$wb" "$tl" "$wa2"; do sync_laptop "$store"; done
  ok "last round of syncs"

  local differing=0 store scope
  for store in "$wa" "$wa2" "$wb" "$tl"; do
    case $store in
      "$wa" | "$wa2") scope=worksite:$worksite_a ;;
      "$wb") scope=worksite:$worksite_b ;;
      *) scope=territory:$territory ;;
    esac
    local name
    name=$(basename "$store" .db)
    # shellcheck disable=SC2046
    terrain check --store "$store" $(person "$store") --json > "$dir/$name.json" 2> "$work/last.out" || fail "terrain check of $name"
    grep -q '"integrity":"ok"' "$dir/$name.json" || fail "$name: SQLite integrity check: $(cat "$dir/$name.json")"
    grep -q '"pendingChanges":0' "$dir/$name.json" || fail "$name: changes still waiting after the last round"
    grep -q "\"scope\":\"$scope\"" "$dir/$name.json" || fail "$name: not enrolled for $scope"
    if hub check --scope "$scope" --compare "$dir/$name.json" > "$dir/$name.compare" 2>&1; then
      ok "$name equals the hub's $scope: $(grep -c '^  ' "$dir/$name.compare") tables, counts and checksums"
    else
      echo "FAIL [$backend]: $name differs from the hub's $scope:" >&2
      sed -n '/diffère/,$p' "$dir/$name.compare" >&2
      differing=1
    fi
  done
  [ "$differing" = 0 ] || fail "laptops differ from the hub (above)"

  kill -TERM "$hub_pid"
  local rc=0
  wait "$hub_pid" || rc=$?
  hub_pid=
  [ "$rc" = 0 ] || [ "$rc" = 143 ] || fail "the hub exited with $rc on SIGTERM"
  echo "PASS [$backend]: 4 laptops equal the hub's rows of their scope, in $((SECONDS - backend_started)) s"
}

backends=("$@")
[ ${#backends[@]} -gt 0 ] || backends=(sqlite postgresql)
for chosen in "${backends[@]}"; do
  case $chosen in
    sqlite)
      run_scenarios sqlite "jdbc:sqlite:$work/hub.db" ;;
    postgresql)
      backend=postgresql
      if scratch_postgres syncscenarios; then
        # The hub reads its database user from PGUSER and its password from TERRAIN_HUB_DB_PASSWORD.
        PGUSER=$pg_user TERRAIN_HUB_DB_PASSWORD=$pg_password run_scenarios postgresql "$pg_url"
      else
        echo "skipped [postgresql]: no TERRAIN_TEST_PG_URL and no local PostgreSQL reachable as root"
      fi ;;
    *) echo "Usage: $0 [sqlite|postgresql]..." >&2; exit 2 ;;
  esac
done
