#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, from Debian's packages (no Docker): a private data folder
# under /tmp, listening on 127.0.0.1:54329 only (RIPPLE_PG_PORT sets another port; the tests read it too).
# It accepts TLS and plain connections: its certificate, for 127.0.0.1 and signed by a throwaway
# authority, is made with openssl at start; the authority's certificate is $dir/root.crt (for
# data.tls: verify-full with sslrootcert=).
#
#   bash scripts/postgres.sh start   # install (apt) if needed, create the cluster, start it
#   bash scripts/postgres.sh stop    # stop it and delete its folder
#
# Roles: ripple_admin (local socket, trust: loads the test data) and ripple_reader (TCP, password
# "ripple-test", may only read). Database: ripple_test. PostgreSQL refuses to run as root, so as root
# the server runs as the postgres user.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${RIPPLE_PG_PORT:-54329}"
dir="${RIPPLE_PG_DIR:-/tmp/ripple-postgres-$port}"
as=()
[ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)

bin() {
  local folder
  folder="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
  [ -n "$folder" ] || { echo "ripple: PostgreSQL's server programs are missing" >&2; exit 1; }
  echo "$folder"
}

case "${1:-}" in
  start)
    bash scripts/ensure-packages.sh postgresql postgresql-client libpq-dev openssl
    pg="$(bin)"
    # A postmaster.pid alone proves nothing: a server killed with its session (or the machine) leaves one behind.
    if [ -f "$dir/data/postmaster.pid" ] && "${as[@]}" "$pg/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      echo "ripple: PostgreSQL already runs in $dir" >&2; exit 0
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    printf 'ripple-admin-only\n' > "$dir/admin-password"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir/admin-password"
    "${as[@]}" "$pg/initdb" -D "$dir/data" -U ripple_admin --pwfile="$dir/admin-password" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Ripple test authority" \
      -keyout "$dir/root.key" -out "$dir/root.crt" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null
    openssl x509 -req -in "$dir/server.csr" -CA "$dir/root.crt" -CAkey "$dir/root.key" -CAcreateserial -days 2 \
      -extfile <(printf 'subjectAltName=IP:127.0.0.1\n') -out "$dir/server.crt" 2>/dev/null
    chmod 600 "$dir/server.key"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir/server.key" "$dir/server.crt"
    "${as[@]}" "$pg/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c ssl=on -c ssl_cert_file=$dir/server.crt -c ssl_key_file=$dir/server.key" \
      start >/dev/null
    psql=("${as[@]}" psql -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U ripple_admin)
    "${psql[@]}" -d postgres -c "create role ripple_reader login password 'ripple-test'" \
      -c "create database ripple_test owner ripple_admin"
    echo "ripple: PostgreSQL runs on 127.0.0.1:$port (data in $dir)"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      "${as[@]}" "$(bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
