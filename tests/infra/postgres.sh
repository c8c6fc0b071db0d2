#!/usr/bin/env bash
# A throw-away PostgreSQL 15 on 127.0.0.1 for the tests (STACK-NOTES: the server refuses to run as
# root, so as root it runs as the `postgres` user; data and socket live in one temp folder).
#   postgres.sh start      → starts a server; prints its folder on line 1 and an Npgsql connection
#                            string (trust auth, user postgres) on line 2
#   postgres.sh stop DIR   → stops the server started in DIR and deletes DIR
# Installs the `postgresql` package with apt when the binaries are missing and we are root (CI).
set -euo pipefail
bin=/usr/lib/postgresql/15/bin

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "cd / && $1"; else bash -c "$1"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

start() {
  if [ ! -x "$bin/pg_ctl" ]; then
    [ "$(id -u)" -eq 0 ] || { echo "postgres.sh: $bin/pg_ctl missing; install the postgresql package" >&2; exit 1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null
  fi
  local dir port
  dir="$(mktemp -d /tmp/tes-pg.XXXXXX)"
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  port="$(free_port)"
  as_owner "'$bin/initdb' -D '$dir/data' -U postgres --auth=trust -E UTF8 --no-sync >'$dir/initdb.log' 2>&1"
  as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 30 \
    -o \"-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' -c fsync=off -c max_connections=200\" start >/dev/null"
  echo "$dir"
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}

stop() {
  local dir="${1:?usage: postgres.sh stop DIR}"
  [ -d "$dir/data" ] && as_owner "'$bin/pg_ctl' -D '$dir/data' -m immediate -w stop >/dev/null 2>&1" || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: postgres.sh start | stop DIR" >&2; exit 2 ;;
esac
