#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests: its own OS user (PostgreSQL refuses root), data under
# tmp/pg (git-ignored), listening on 127.0.0.1 only. Prints the DATABASE_URL to use on its last line.
# Usage: scripts/postgres-test-server.sh [port]   (idempotent: an already running server is reused)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-54329}"
PGBIN="${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
[ -x "$PGBIN/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
OS_USER=resonance-pg
DATA="$PWD/tmp/pg/data"
id -u "$OS_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$OS_USER"
mkdir -p "$DATA" "$PWD/tmp/pg/run"
chown -R "$OS_USER" "$PWD/tmp/pg"
chmod 755 "$PWD/tmp" "$PWD/tmp/pg" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u "$OS_USER" -- "$@"; else "$@"; fi; }
if [ ! -f "$DATA/PG_VERSION" ]; then
  as_pg "$PGBIN/initdb" -D "$DATA" -U resonance --auth=trust --encoding=UTF8 --locale=C >/dev/null
fi
if ! as_pg "$PGBIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  as_pg "$PGBIN/pg_ctl" -D "$DATA" -l "$PWD/tmp/pg/server.log" -w start \
    -o "-h 127.0.0.1 -p $PORT -k $PWD/tmp/pg/run -c fsync=on -c max_connections=200" >/dev/null
fi
# An already running server keeps the port it was started with (postmaster.pid, line 4).
echo "postgresql://resonance@127.0.0.1:$(sed -n 4p "$DATA/postmaster.pid")/postgres"
