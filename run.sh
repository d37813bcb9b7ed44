#!/usr/bin/env bash
# Starts Red Local on Payara Micro at http://localhost:${PORTAL_PORT:-8080}/ with the demo comuna.
# Without PORTAL_DB_URL it runs its own PostgreSQL (real binaries from the Maven registry) whose data
# live in ${PORTAL_DATA_DIR:-./var}, backed up daily to ${PORTAL_DATA_DIR:-./var}/backups. Ctrl-C stops
# everything it started. `./run.sh restore <backup.zip>` restores a backup (portal stopped). See README.md
# and docs/operations.md. PORTAL_NODES=2 ./run.sh starts two clustered nodes behind HAProxy on the same
# port (docs/cluster.md).
set -euo pipefail
caller_dir=$PWD
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

classpath="$launcher/portal-devtools-1.0.0-SNAPSHOT.jar:$launcher/lib/*"
if [[ ${1:-} == restore ]]; then
  shift
  # the backup file is named relative to where the command was typed
  [[ $# -eq 1 && ${1:0:1} != / ]] && set -- "$caller_dir/$1"
  exec java -cp "$classpath" cl.redlocal.portal.devtools.Restore "$@"
fi
exec java -cp "$classpath" cl.redlocal.portal.devtools.Launcher "$launcher/payara-micro.jar" "$war" \
  portal-web/src/main/payara/preboot.asadmin
