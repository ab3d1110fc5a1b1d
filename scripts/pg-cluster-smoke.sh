#!/usr/bin/env bash
# Smoke test of scripts/pg-cluster.ts with psql (no `pg` npm package needed):
#  1. start a cluster, `select version()`, create a table, write and read it, stop: the
#     directory is gone;
#  2. a port already in use: a second cluster asked for the first one's port
#     (PG_CLUSTER_PORT) starts on another port;
#  3. leftovers: `cleanup` removes a dead cluster's directory and keeps a running one;
#  4. `run -- <command>` gives the command DATABASE_URL / PGHOST and stops afterwards;
#  5. when run as root: the same start/stop as the `postgres` user (already unprivileged).
# Exit status 0 when every check passes.
set -euo pipefail
cd "$(dirname "$0")/.."

TSX="node_modules/.bin/tsx"
CLUSTER="scripts/pg-cluster.ts"
PSQL="$(command -v psql || true)"
[ -n "$PSQL" ] || { echo "psql not found (Debian: apt-get install postgresql-client)"; exit 1; }

started=()
cleanup() {
  for dir in "${started[@]}"; do
    [ -d "$dir" ] && "$TSX" "$CLUSTER" stop "$dir" >/dev/null 2>&1 || true
  done
}
trap cleanup EXIT

fail() { echo "FAIL: $*"; exit 1; }
ok() { echo "ok: $*"; }

# start prints KEY=value lines; read them into variables with a prefix.
start_cluster() {
  local prefix=$1
  shift
  local output
  output=$(env "$@" "$TSX" "$CLUSTER" start)
  while IFS='=' read -r key value; do
    printf -v "${prefix}_${key}" '%s' "$value"
  done <<<"$output"
  local dir_var="${prefix}_PG_CLUSTER_DIR"
  started+=("${!dir_var}")
}

echo "== 1. start, query, stop"
start_cluster A
echo "DATABASE_URL=$A_DATABASE_URL"
"$PSQL" -XAtq "$A_DATABASE_URL" -c "select version()"
"$PSQL" -XAtq -h "$A_PGHOST" -p "$A_PGPORT" -U postgres -d postgres <<'SQL'
create table smoke (id integer primary key, name text not null);
insert into smoke values (1, 'Milk, whole'), (2, 'Egg, whole, raw');
select 'rows: ' || count(*) from smoke;
select 'fsync: ' || current_setting('fsync') || ', collate: ' || current_setting('lc_collate');
SQL
rows=$("$PSQL" -XAtq "$A_DATABASE_URL" -c "select count(*) from smoke")
[ "$rows" = "2" ] || fail "expected 2 rows, got $rows"
ok "table created and read back over TCP and the socket in $A_PG_CLUSTER_DIR"

echo "== 2. port in use"
start_cluster B PG_CLUSTER_PORT="$A_PGPORT"
[ "$B_PGPORT" != "$A_PGPORT" ] || fail "second cluster reused port $A_PGPORT"
"$PSQL" -XAtq "$B_DATABASE_URL" -c "select 'second cluster on port ' || current_setting('port')"
ok "asked for taken port $A_PGPORT, got $B_PGPORT"

echo "== 3. leftovers"
leftover=$(mktemp -d "${TMPDIR:-/tmp}/b12-pg-XXXXXX")
mkdir -p "$leftover/data"
# A pid that is not running: the server of a killed job.
printf '%s\n%s\n' 4194303 "$leftover/data" >"$leftover/data/postmaster.pid"
"$TSX" "$CLUSTER" cleanup
[ ! -d "$leftover" ] || fail "cleanup left $leftover"
[ -d "$A_PG_CLUSTER_DIR" ] || fail "cleanup removed the running cluster $A_PG_CLUSTER_DIR"
ok "dead leftover removed, running cluster kept"

for dir in "$A_PG_CLUSTER_DIR" "$B_PG_CLUSTER_DIR"; do
  "$TSX" "$CLUSTER" stop "$dir"
  [ ! -d "$dir" ] || fail "stop left $dir"
done
ok "both clusters stopped and their directories removed"

echo "== 4. run -- command"
run_out=$("$TSX" "$CLUSTER" run -- sh -c \
  'psql -XAtq "$DATABASE_URL" -c "select 1 + 1" && echo "dir=$PG_CLUSTER_DIR"')
echo "$run_out"
run_dir=$(sed -n 's/^dir=//p' <<<"$run_out")
[ "$(head -1 <<<"$run_out")" = "2" ] || fail "run: query failed"
[ -n "$run_dir" ] && [ ! -d "$run_dir" ] || fail "run did not remove $run_dir"
status=0
"$TSX" "$CLUSTER" run -- sh -c 'exit 3' || status=$?
[ "$status" = "3" ] || fail "run should pass on the command's exit status (3), gave $status"
ok "run passes DATABASE_URL, returns the command's status, stops afterwards"

if [ "$(id -u)" = "0" ] && id postgres >/dev/null 2>&1 && command -v runuser >/dev/null; then
  echo "== 5. already the postgres user"
  as_pg=$(runuser -u postgres -- env HOME=/tmp "$PWD/$TSX" "$PWD/$CLUSTER" start)
  url=$(sed -n 's/^DATABASE_URL=//p' <<<"$as_pg")
  dir=$(sed -n 's/^PG_CLUSTER_DIR=//p' <<<"$as_pg")
  started+=("$dir")
  "$PSQL" -XAtq "$url" -c "select 'as ' || current_user || ' on ' || current_setting('port')"
  owner=$(stat -c %U "$dir/data")
  [ "$owner" = "postgres" ] || fail "data owned by $owner"
  runuser -u postgres -- env HOME=/tmp "$PWD/$TSX" "$PWD/$CLUSTER" stop "$dir"
  [ ! -d "$dir" ] || fail "stop as postgres left $dir"
  ok "started and stopped as the postgres user"
fi

if [ "$(id -u)" = "0" ]; then
  echo "== 6. other ways to drop root"
  for tool in setpriv su; do
    command -v "$tool" >/dev/null || { echo "skip: no $tool"; continue; }
    start_cluster S PG_CLUSTER_SWITCH="$tool"
    "$PSQL" -XAtq "$S_DATABASE_URL" -c "select '$tool: connected, server version ' || current_setting('server_version')"
    server_user=$(ps -o user= -p "$(head -1 "$S_PG_CLUSTER_DIR/data/postmaster.pid")")
    [ "$server_user" != "root" ] || fail "$tool: server runs as root"
    "$TSX" "$CLUSTER" stop "$S_PG_CLUSTER_DIR"
    [ ! -d "$S_PG_CLUSTER_DIR" ] || fail "$tool: stop left $S_PG_CLUSTER_DIR"
    ok "$tool: server ran as $server_user, stopped, removed"
  done
fi

echo "smoke: all checks passed"
