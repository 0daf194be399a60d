#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for the integration tests and prints its URL.
# Runs the server as an unprivileged user (postgres, or the caller when not root), in a
# temporary folder, on a free loopback port. Usage: eval "$(scripts/ci/start-postgres.sh)"
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "start-postgres: no /usr/lib/postgresql/*/bin (apt-get install postgresql)" >&2; exit 1; }

run_as=""
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  run_as="postgres"
fi
as_user() { if [ -n "$run_as" ]; then runuser -u "$run_as" -- "$@"; else "$@"; fi; }

dir=$(mktemp -d /tmp/waymark-pg.XXXXXX)
[ -n "$run_as" ] && chown "$run_as" "$dir"
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")

as_user "$bin/initdb" -D "$dir/data" -U waymark --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
as_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >&2 \
  || { cat "$dir/server.log" >&2; exit 1; }

echo "export TEST_DATABASE_URL=postgres://waymark@127.0.0.1:$port/postgres"
echo "export WAYMARK_PG_DIR=$dir"
