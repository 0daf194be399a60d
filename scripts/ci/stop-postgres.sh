#!/usr/bin/env bash
# Stops and removes the cluster that start-postgres.sh made (WAYMARK_PG_DIR).
set -euo pipefail
[ -n "${WAYMARK_PG_DIR:-}" ] && [ -d "$WAYMARK_PG_DIR/data" ] || exit 0
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$WAYMARK_PG_DIR/data" -m fast stop >&2
else "$bin/pg_ctl" -D "$WAYMARK_PG_DIR/data" -m fast stop >&2; fi
rm -rf "$WAYMARK_PG_DIR"
