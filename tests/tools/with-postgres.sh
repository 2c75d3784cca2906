#!/usr/bin/env bash
# with-postgres.sh <command...>
#
# Runs <command> against a throwaway PostgreSQL server and removes the server afterwards:
#   - initdb in a fresh temporary directory (as the 'postgres' user when run as root,
#     since initdb refuses root);
#   - a throwaway CA and a server certificate for localhost / 127.0.0.1 made with openssl
#     in that directory; the server runs with ssl=on and ssl_min_protocol_version=TLSv1.3;
#   - pg_hba: TCP only over TLS with SCRAM-SHA-256 (hostssl), nothing without TLS on TCP;
#     trust only for the postgres superuser on the private Unix socket directory;
#   - the server listens on 127.0.0.1 only, on a free port, with its socket in that
#     directory;
#   - a login role and a database owned by it, with a random password;
#   - exports, and runs <command> with:
#       CALLVAULT_TEST_PG_URL  postgresql://callvault_test:<pw>@127.0.0.1:<port>/callvault_test
#                              ?sslmode=verify-full&sslrootcert=<dir>/ca.pem
#       CALLVAULT_TEST_PG_SUPERUSER_URL  the same for the superuser postgres (its password
#                              is also in <dir>/superuser-password)
#       CALLVAULT_TEST_PG_CA   the CA certificate (PEM) that signed the server certificate
#       CALLVAULT_TEST_PG_SOCKET_DIR, CALLVAULT_TEST_PG_PORT  the Unix socket directory
#                              (trust for postgres) and the TCP port;
#   - stops the server (pg_ctl stop -m fast) and deletes the directory even when the
#     command fails or the script is interrupted, and exits with the command's status.
# PG_BINDIR overrides where the server binaries are (default /usr/lib/postgresql/15/bin).
set -euo pipefail

if [[ $# -eq 0 ]]; then
    echo "usage: $0 <command> [args...]" >&2
    exit 2
fi

PG_BINDIR=${PG_BINDIR:-/usr/lib/postgresql/15/bin}
if ! command -v openssl >/dev/null; then
    echo "with-postgres.sh: ERROR: openssl not found (apt-get install openssl); it makes the test CA." >&2
    exit 127
fi
for tool in initdb pg_ctl psql; do
    if [[ ! -x "$PG_BINDIR/$tool" ]]; then
        echo "with-postgres.sh: ERROR: $PG_BINDIR/$tool not found." >&2
        echo "with-postgres.sh: install the PostgreSQL 15 server (apt-get install postgresql-15)" >&2
        echo "with-postgres.sh: or point PG_BINDIR at its bin directory." >&2
        exit 127
    fi
done

# Run a server tool as the 'postgres' user when we are root, else as ourselves.
as_pg() {
    if [[ $(id -u) -eq 0 ]]; then
        if ! id postgres >/dev/null 2>&1; then
            echo "with-postgres.sh: ERROR: running as root but there is no 'postgres' user to run the server." >&2
            exit 127
        fi
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

PGTMP=$(mktemp -d "${TMPDIR:-/tmp}/callvault-pg.XXXXXX")
chmod 700 "$PGTMP"
if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$PGTMP"
fi
SERVER_STARTED=0

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [[ $SERVER_STARTED -eq 1 ]]; then
        as_pg "$PG_BINDIR/pg_ctl" -D "$PGTMP/data" -m fast -w stop >/dev/null 2>&1 ||
            echo "with-postgres.sh: WARNING: pg_ctl stop failed; see $PGTMP/log" >&2
    fi
    rm -rf "$PGTMP"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

PASSWORD=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')      # the superuser postgres
TEST_PASSWORD=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n') # the owner role callvault_test
printf '%s\n' "$PASSWORD" >"$PGTMP/superuser-password"
if [[ $(id -u) -eq 0 ]]; then chown postgres: "$PGTMP/superuser-password"; fi

if ! as_pg "$PG_BINDIR/initdb" -D "$PGTMP/data" -U postgres --pwfile="$PGTMP/superuser-password" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
        >"$PGTMP/initdb.log" 2>&1; then
    echo "with-postgres.sh: ERROR: initdb failed:" >&2
    cat "$PGTMP/initdb.log" >&2
    exit 1
fi

# TLS: a throwaway CA and a server certificate it signs, valid for the names the tests use
# (127.0.0.1 with sslmode=verify-full checks the IP address SAN; localhost the DNS SAN).
make_certificates() {
    local dir=$1
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
        -subj "/CN=CallVault test CA" -keyout "$dir/ca.key" -out "$dir/ca.pem" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
    openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
        -subj "/CN=localhost" -keyout "$dir/server.key" -out "$dir/server.csr"
    printf '%s\n' "subjectAltName=DNS:localhost,IP:127.0.0.1" "basicConstraints=CA:FALSE" \
        "keyUsage=critical,digitalSignature" "extendedKeyUsage=serverAuth" >"$dir/server.ext"
    openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" \
        -CAcreateserial -days 2 -extfile "$dir/server.ext" -out "$dir/server.pem"
    rm -f "$dir/ca.key" "$dir/server.csr" "$dir/server.ext" "$dir/ca.srl"
    chmod 600 "$dir/server.key"
    chmod 644 "$dir/ca.pem" "$dir/server.pem"
}
if ! make_certificates "$PGTMP" >"$PGTMP/openssl.log" 2>&1; then
    echo "with-postgres.sh: ERROR: could not make the test certificates:" >&2
    cat "$PGTMP/openssl.log" >&2
    exit 1
fi
if [[ $(id -u) -eq 0 ]]; then chown postgres: "$PGTMP/server.key" "$PGTMP/server.pem" "$PGTMP/ca.pem"; fi

# Client authentication: TLS + SCRAM on TCP, nothing else there; the superuser may use the
# private socket directory without a password (only this user can reach it).
cat >"$PGTMP/data/pg_hba.conf" <<'HBA'
# TYPE   DATABASE  USER      ADDRESS        METHOD
local    all       postgres                 trust
hostssl  all       all       127.0.0.1/32   scram-sha-256
HBA
cat >>"$PGTMP/data/postgresql.conf" <<CONF
ssl = on
ssl_cert_file = '$PGTMP/server.pem'
ssl_key_file = '$PGTMP/server.key'
ssl_ca_file = '$PGTMP/ca.pem'
ssl_min_protocol_version = 'TLSv1.3'
password_encryption = 'scram-sha-256'
CONF

# Pick a random free port; if another process grabs it first, the start fails and we try
# the next one.
PORT=""
for attempt in 1 2 3 4 5 6 7 8 9 10; do
    candidate=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    if (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
        continue # something is listening there
    fi
    if as_pg "$PG_BINDIR/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/log" -w -t 60 \
            -o "-p $candidate -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100" \
            start >/dev/null 2>&1; then
        PORT=$candidate
        SERVER_STARTED=1
        break
    fi
    echo "with-postgres.sh: could not start PostgreSQL on port $candidate (attempt $attempt), retrying" >&2
done
if [[ -z $PORT ]]; then
    echo "with-postgres.sh: ERROR: PostgreSQL did not start; server log:" >&2
    cat "$PGTMP/log" >&2 || true
    exit 1
fi

as_pg "$PG_BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$PGTMP" -p "$PORT" -U postgres -d postgres \
    -c "CREATE ROLE callvault_test LOGIN PASSWORD '$TEST_PASSWORD'" \
    -c "CREATE DATABASE callvault_test OWNER callvault_test" >/dev/null

TLS_PARAMS="sslmode=verify-full&sslrootcert=$PGTMP/ca.pem"
export CALLVAULT_TEST_PG_URL="postgresql://callvault_test:$TEST_PASSWORD@127.0.0.1:$PORT/callvault_test?$TLS_PARAMS"
export CALLVAULT_TEST_PG_SUPERUSER_URL="postgresql://postgres:$PASSWORD@127.0.0.1:$PORT/postgres?$TLS_PARAMS"
export CALLVAULT_TEST_PG_CA="$PGTMP/ca.pem"
export CALLVAULT_TEST_PG_SOCKET_DIR="$PGTMP"
export CALLVAULT_TEST_PG_PORT="$PORT"
echo "with-postgres.sh: PostgreSQL $("$PG_BINDIR/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT, TLS 1.3 only (data in $PGTMP)" >&2

set +e
"$@"
status=$?
set -e
exit "$status"
