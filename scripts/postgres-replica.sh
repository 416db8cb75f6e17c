#!/usr/bin/env bash
# Starts a streaming read replica of the test PostgreSQL server (scripts/postgres-test-server.sh) on loopback:
# pg_basebackup copies the primary's data directory and writes standby.signal with the primary's address, and the
# copy runs as a hot standby that replays the primary's WAL as it streams in. Data under tmp/pg/replica-<port>
# (git-ignored). Prints the replica's DATABASE_REPLICA_URLS value on its last line.
# Usage: scripts/postgres-replica.sh [primary-port] [replica-port]   (idempotent: a running replica is reused)
#        scripts/postgres-replica.sh --remove [replica-port]         (stops it and deletes its data)
# A replica stopped for long may need WAL the primary has recycled: remove it and make a new one.
set -euo pipefail
cd "$(dirname "$0")/.."
PGBIN="${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
[ -x "$PGBIN/pg_basebackup" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
OS_USER=resonance-pg
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u "$OS_USER" -- "$@"; else "$@"; fi; }
if [ "${1:-}" = "--remove" ]; then
  DATA="$PWD/tmp/pg/replica-${2:-54339}"
  if [ -f "$DATA/PG_VERSION" ]; then as_pg "$PGBIN/pg_ctl" -D "$DATA" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$DATA"
  exit 0
fi
PRIMARY_PORT="${1:-54329}"
PORT="${2:-54339}"
DATA="$PWD/tmp/pg/replica-$PORT"
mkdir -p "$PWD/tmp/pg/run"
chown "$OS_USER" "$PWD/tmp/pg/run" 2>/dev/null || true # the replica's socket and lock files
if [ ! -f "$DATA/PG_VERSION" ]; then
  rm -rf "$DATA"
  mkdir -p "$DATA"
  chown "$OS_USER" "$DATA" 2>/dev/null || true
  chmod 700 "$DATA"
  # -R: standby.signal + primary_conninfo; -X stream: the WAL written during the copy comes along.
  as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U resonance -D "$DATA" -R -X stream -c fast
fi
if ! as_pg "$PGBIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  # The primary's postgresql.auto.conf may carry settings for its own port; the replica gets its own on the command line.
  as_pg "$PGBIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w start \
    -o "-h 127.0.0.1 -p $PORT -k $PWD/tmp/pg/run -c hot_standby=on -c max_connections=200" >/dev/null
fi
echo "postgresql://resonance@127.0.0.1:$(sed -n 4p "$DATA/postmaster.pid")/postgres"
