#!/usr/bin/env bash
# Issue 12's HTTP load benchmark, by one command (docs/performance.md):
#
#   bench/http/run.sh [users=50] [seconds=120]
#
# Starts the portal (./run.sh) on a data directory of its own (bench/http/target/var, port 8090, PostgreSQL
# on 55432), fills it once with the generated comuna (generate-comuna.sql: 20,000 cases, ...), restarts it
# to measure the cold start on those data, runs the Gatling simulation (PortalSimulation) and stops the
# portal (a second run reuses the generated data: delete bench/http/target/var to start over). Gatling's report: bench/http/target/gatling/*/index.html; the per-page table: the last lines.
set -euo pipefail
cd "$(dirname "$0")/../.."
USERS=${1:-50}
LENGTH=${2:-120}
PORT=8090
PG_PORT=55432
OUT=bench/http/target
DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/portal"
mkdir -p "$OUT"

PID=
start() {
    STARTED=$(date +%s.%N)
    PORTAL_DATA_DIR="$OUT/var" PORTAL_PG_PORT=$PG_PORT PORTAL_PORT=$PORT PORTAL_BACKUP_KEEP=0 ./run.sh >"$OUT/portal-$1.log" 2>&1 &
    PID=$!
    until curl -sf "http://localhost:$PORT/health/ready" >/dev/null; do
        kill -0 "$PID" 2>/dev/null || { echo "[bench] the portal did not start: $OUT/portal-$1.log"; exit 1; }
        sleep 0.25
    done
    READY=$(echo "$(date +%s.%N) - $STARTED" | bc)
}
stop() {
    if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -TERM "$PID"; wait "$PID" || true; fi
    PID=
}
trap stop EXIT

if [ ! -f "$OUT/var/generated" ]; then
    echo "[bench] starting the portal on $OUT/var (first start loads the demo comuna, whose password hash the users copy)"
    start first
    ./mvnw -f bench/http/pom.xml -B -ntp -q compile exec:java -Dbench.db.url="$DB_URL"
    stop
    touch "$OUT/var/generated"
fi
echo "[bench] restarting on the generated data, for the cold start"
start second
echo "[bench] cold start to ready (launcher, PostgreSQL, Payara Micro, deployment): $READY s" | tee "$OUT/cold-start.txt"
./mvnw -f bench/http/pom.xml -B -ntp gatling:test -Dbench.users="$USERS" -Dbench.seconds="$LENGTH" \
    -Dbench.baseUrl="http://localhost:$PORT" -Dbench.db.url="$DB_URL" | tee "$OUT/gatling.log" || true
stop
REPORT=$(ls -td "$OUT"/gatling/*/ | head -1)
java "$(dirname "$0")/src/main/java/cl/redlocal/portal/bench/http/ReportTable.java" "$REPORT" "$LENGTH" \
    | tee "$OUT/results.md"
