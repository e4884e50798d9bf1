# Sourced by the scripts that run a throw-away hub (check-tarball.sh, .ci/sync-scenarios.sh): cleanup on exit, the
# port of a hub started on port 0, and a scratch PostgreSQL. The caller sets $work (a temporary directory, removed
# at exit) and defines fail MESSAGE (prints and exits non-zero).

hub_pid=
pg_cleanup=()
scratch_cleanup() {
  if [ -n "$hub_pid" ] && kill -0 "$hub_pid" 2>/dev/null; then kill "$hub_pid" 2>/dev/null || true; wait "$hub_pid" 2>/dev/null || true; fi
  for command in "${pg_cleanup[@]+"${pg_cleanup[@]}"}"; do eval "$command" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap scratch_cleanup EXIT

# Waits for the hub started as $hub_pid, logging to LOG, to say its port (up to 60 s); sets hub_port. Returns 1 if it
# stopped or did not say it.
wait_for_hub_port() {
  local log=$1
  hub_port=
  for _ in $(seq 1 120); do
    hub_port=$(sed -n "s/.*à l'écoute sur le port \([0-9]*\).*/\1/p" "$log" | head -1)
    [ -n "$hub_port" ] && return 0
    kill -0 "$hub_pid" 2>/dev/null || return 1
    sleep 0.5
  done
  return 1
}

# A scratch PostgreSQL database for a hub, dropped at exit; sets pg_url, pg_user, pg_password. From
# TERRAIN_TEST_PG_URL with PGUSER/PGPASSWORD, as for the tests (a schema of its own; psql needed); without it, a
# local PostgreSQL reachable as root (throw-away role and database). Returns 1 when there is none, except with
# CI=true, where it fails. PREFIX names the schema or database.
scratch_postgres() {
  local prefix=$1 suffix
  suffix=$(date +%s)_$$
  if [ -n "${TERRAIN_TEST_PG_URL:-}" ]; then
    command -v psql >/dev/null || fail "TERRAIN_TEST_PG_URL is set but psql is missing"
    local libpq=${TERRAIN_TEST_PG_URL#jdbc:}
    libpq=${libpq%%\?*}
    local schema="${prefix}_$suffix"
    psql -qX -v ON_ERROR_STOP=1 "$libpq" -c "CREATE SCHEMA $schema" || fail "cannot create a schema at $libpq"
    pg_cleanup+=("psql -qX '$libpq' -c 'DROP SCHEMA $schema CASCADE'")
    local separator='?'; case $TERRAIN_TEST_PG_URL in *\?*) separator='&';; esac
    pg_url="$TERRAIN_TEST_PG_URL${separator}currentSchema=$schema" pg_user=${PGUSER:-} pg_password=${PGPASSWORD:-}
  elif [ "$(id -u)" = 0 ] && command -v psql >/dev/null && runuser -u postgres -- psql -qXtAc 'select 1' >/dev/null 2>&1; then
    local db="${prefix}_$suffix" port
    pg_password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
    runuser -u postgres -- psql -qX -v ON_ERROR_STOP=1 -c "CREATE ROLE $db LOGIN PASSWORD '$pg_password'" \
      -c "CREATE DATABASE $db OWNER $db" >/dev/null || fail "cannot create a throw-away database"
    pg_cleanup+=("runuser -u postgres -- psql -qX -c 'DROP DATABASE IF EXISTS $db' -c 'DROP ROLE IF EXISTS $db'")
    port=$(runuser -u postgres -- psql -qXtAc 'show port')
    pg_url="jdbc:postgresql://localhost:$port/$db" pg_user=$db
  elif [ "${CI:-}" = true ]; then
    fail "CI=true but no PostgreSQL: set TERRAIN_TEST_PG_URL (and PGUSER/PGPASSWORD)"
  else
    return 1
  fi
}
