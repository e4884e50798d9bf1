#!/usr/bin/env bash
# `terrain sync` with nothing to send, as a coordinator runs it at the end of the day, timed from outside on a slow
# link (docs/performance.md, « Startup », issue 17: ≤ 1.2 s wall on a 300 ms link).
#
# A hub over HTTPS (self-signed certificate made by keytool, as docs/hub-operations.md describes) on 127.0.0.1, and
# between it and the laptop a small TCP proxy of our own that delays every chunk by half the round trip each way (this
# kernel has no netem). A worksite laptop is set up (`terrain edit setup`), enrolled and synced once through the proxy;
# then `terrain sync` with nothing to send (but the journal line of its own sign-in) is timed 5 times (wall, median), next to its floors: the same launcher's
# `terrain --version`, and the round trips the exchange needs on a new connection (TCP, TLS 1.3, the exchange: 3).
#
# Usage: packaging/measure-sync.sh [TERRAIN_LAUNCHER] [ROUND_TRIP_MS]
#   TERRAIN_LAUNCHER  default /opt/convergence-terrain/bin/terrain (the installed .deb); app/target/terrain/bin/terrain
#                     works too (./mvnw -B -DskipTests package -pl app,sync/hub -am)
#   ROUND_TRIP_MS     default 300
# Needs the hub's build (sync/hub/target/terrain-hub), python3 (the proxy), keytool (a JDK), /usr/bin/time.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
terrain_bin=${1:-/opt/convergence-terrain/bin/terrain}
round_trip=${2:-300}
hub_bin=$root/sync/hub/target/terrain-hub/bin/terrain-hub
for launcher in "$terrain_bin" "$hub_bin"; do
  [ -x "$launcher" ] || { echo "measure-sync: $launcher missing" >&2; exit 2; }
done
command -v python3 >/dev/null || { echo "measure-sync: python3 is needed for the delaying proxy" >&2; exit 2; }
runs=5
work=$(mktemp -d "${TMPDIR:-/tmp}/terrain-measure-sync.XXXXXX")
proxy_pid=
fail() { echo "measure-sync: $*" >&2; [ -s "$work/last.out" ] && tail -20 "$work/last.out" >&2; exit 1; }
. "$root/sync/hub/src/dist/scratch-hub.sh"   # cleanup at exit (hub, $work), wait_for_hub_port
trap '[ -n "$proxy_pid" ] && kill "$proxy_pid" 2>/dev/null; scratch_cleanup' EXIT
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# The hub over HTTPS.
password=measure-sync-keystore
keytool -genkeypair -alias hub -keyalg EC -groupname secp256r1 -validity 2 \
  -dname "CN=localhost, O=Convergence Terrain mesure" -ext SAN=dns:localhost,ip:127.0.0.1 \
  -keystore "$work/hub.p12" -storetype PKCS12 -storepass "$password" -keypass "$password" > /dev/null 2>&1
keytool -exportcert -rfc -alias hub -keystore "$work/hub.p12" -storetype PKCS12 -storepass "$password" \
  -file "$work/hub.pem" > /dev/null 2>&1
db="jdbc:sqlite:$work/hub.db"
export HUB_KEYSTORE_PASSWORD=$password
"$hub_bin" serve --db "$db" --host 127.0.0.1 --port 0 --keystore "$work/hub.p12" \
  --keystore-password-env HUB_KEYSTORE_PASSWORD > "$work/hub.log" 2>&1 &
hub_pid=$!
wait_for_hub_port "$work/hub.log" || fail "the hub did not start (see $work/hub.log)"

# The line: every chunk waits half the round trip, each way, in order (a TCP proxy of our own: no netem here).
cat > "$work/proxy.py" <<'PYTHON'
import asyncio, sys
target_port, one_way = int(sys.argv[1]), int(sys.argv[2]) / 2000.0

async def pipe(reader, writer):
    queue = asyncio.Queue()
    async def deliver():
        while True:
            due, data = await queue.get()
            delay = due - asyncio.get_running_loop().time()
            if delay > 0:
                await asyncio.sleep(delay)
            if data is None:
                writer.close()
                return
            writer.write(data)
            await writer.drain()
    sender = asyncio.ensure_future(deliver())
    while True:
        data = await reader.read(65536)
        queue.put_nowait((asyncio.get_running_loop().time() + one_way, data or None))
        if not data:
            break
    await sender

async def handle(client_reader, client_writer):
    # the TCP handshake's round trip, as on the real line
    await asyncio.sleep(2 * one_way)
    hub_reader, hub_writer = await asyncio.open_connection("127.0.0.1", target_port)
    await asyncio.gather(pipe(client_reader, hub_writer), pipe(hub_reader, client_writer), return_exceptions=True)

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        await server.serve_forever()

asyncio.run(main())
PYTHON
python3 "$work/proxy.py" "$hub_port" "$round_trip" > "$work/proxy.port" &
proxy_pid=$!
for _ in $(seq 50); do [ -s "$work/proxy.port" ] && break; sleep 0.1; done
proxy_port=$(cat "$work/proxy.port")
[ -n "$proxy_port" ] || fail "the proxy did not start"
url=https://127.0.0.1:$proxy_port

# A worksite laptop, set up, enrolled and synced once through the line.
export TERRAIN_DATA_DIR=$work/data TERRAIN_PASSWORD=mesure-de-la-synchro-2026
mkdir -p "$TERRAIN_DATA_DIR"
(umask 077; printf '%s\n' "$TERRAIN_PASSWORD" > "$work/password")
store=$work/laptop.db
"$terrain_bin" edit --store "$store" --password-file "$work/password" setup --worksite abej-solidarite \
  --login coordination --role COORDINATOR > "$work/last.out" 2>&1 || fail "terrain edit setup"
code=$("$hub_bin" enrol --db "$db" --worksite abej-solidarite --label "Mesure" 2> "$work/last.out") \
  || fail "terrain-hub enrol"
"$terrain_bin" sync --store "$store" --user coordination --hub "$url" --trust-cert "$work/hub.pem" --enrol "$code" \
  > "$work/last.out" 2>&1 || fail "first sync"

: > "$work/times"; : > "$work/cpu"
for _ in $(seq $runs); do
  start=$(now_ms)
  /usr/bin/time -f "%U %S" -a -o "$work/cpu" "$terrain_bin" sync --store "$store" --user coordination \
    --trust-cert "$work/hub.pem" > "$work/last.out" 2>&1 || fail "terrain sync"
  echo $(($(now_ms) - start)) >> "$work/times"
done
# What is left to send is the sign-in's own journal line (one operation), in the one exchange.
grep -q "1 requête" "$work/last.out" || fail "the timed sync made more than one exchange: $(cat "$work/last.out")"
: > "$work/version"
for _ in $(seq $runs); do
  start=$(now_ms); "$terrain_bin" --version > /dev/null; echo $(($(now_ms) - start)) >> "$work/version"
done
cpu=$(awk '{ printf "%d\n", ($1 + $2) * 1000 }' "$work/cpu" | median)
echo "terrain sync, nothing to send, $round_trip ms round trip (HTTPS): $(tr '\n' ' ' < "$work/times")ms," \
  "median $(median < "$work/times") ms (CPU median $cpu ms)"
echo "  its last answer: $(tail -1 "$work/last.out")"
echo "  floors: terrain --version median $(median < "$work/version") ms; 3 round trips (TCP, TLS 1.3, the exchange)" \
  "$((3 * round_trip)) ms"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), launcher $terrain_bin"
