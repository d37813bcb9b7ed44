#!/usr/bin/env bash
# Starts Red Local on Payara Micro at http://localhost:${PORTAL_PORT:-8080}/ with the demo comuna.
# Without PORTAL_DB_URL it runs its own PostgreSQL (real binaries from the Maven registry) whose data
# live in ${PORTAL_DATA_DIR:-./var}. Ctrl-C stops everything it started. See README.md.
# PORTAL_NODES=2 ./run.sh starts two clustered nodes behind HAProxy on the same port (docs/cluster.md).
set -euo pipefail
cd "$(dirname "$0")"

if [[ ${PORTAL_NODES:-1} -gt 1 && -z ${PORTAL_HAPROXY:-} && ! -x /usr/sbin/haproxy ]] \
    && ! command -v haproxy >/dev/null 2>&1; then
  echo "[run] PORTAL_NODES=${PORTAL_NODES} puts HAProxy in front of the nodes, and it is not installed." >&2
  echo "[run] Install it: sudo apt-get install haproxy (Debian, Ubuntu), or set PORTAL_HAPROXY to its binary." >&2
  exit 3
fi

war=portal-web/target/portal-web.war
launcher=portal-devtools/target
if [[ ! -f $war || ! -f $launcher/payara-micro.jar || ! -d $launcher/lib || -n "${PORTAL_REBUILD:-}" ]]; then
  echo "[run] building the portal (first time only; PORTAL_REBUILD=1 forces it)"
  ./mvnw -q -DskipTests -pl portal-web -am package
fi

exec java -cp "$launcher/portal-devtools-1.0.0-SNAPSHOT.jar:$launcher/lib/*" \
  cl.redlocal.portal.devtools.Launcher "$launcher/payara-micro.jar" "$war"
