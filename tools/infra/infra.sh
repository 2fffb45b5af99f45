#!/usr/bin/env bash
# Makes MongoDB (or FerretDB), RabbitMQ and Redis available on their standard localhost ports, and
# the observability servers: Jaeger v2 (traces; BOOKSTORE_JAEGER=off leaves it out) and Prometheus
# (metrics; BOOKSTORE_PROMETHEUS=off). Their ports can be moved with JAEGER_OTLP_GRPC_PORT,
# JAEGER_OTLP_HTTP_PORT, JAEGER_UI_PORT, JAEGER_QUERY_GRPC_PORT and PROMETHEUS_PORT.
#   infra.sh up      use what already answers; start the rest (installing it first when missing);
#                    then check that MongoDB applies conditional updates atomically
#   infra.sh down    stop only what `up` started (by the pids it recorded)
#   infra.sh status  say what answers
#   infra.sh stop-one|restart-one NAME   one server (mongodb, redis, rabbitmq, rabbitmq-2, rabbitmq-3,
#                    jaeger, prometheus), for fault tests
# RABBITMQ_NODES=3 infra.sh up  starts RabbitMQ as a three-node cluster (the chaos suite's and the
#                    leader-kill tests' setting; one node is the default, faster for npm start/test):
#                    bookstore@localhost on the AMQP_URL port (5672), bookstore-2@localhost and
#                    bookstore-3@localhost on the next two ports (5673, 5674), joined to the first.
#   infra.sh chromium  Debian's chromium for the browser specs, installed when missing (CHROMIUM_PATH
#                    names another executable instead; then nothing is installed)
#   infra.sh prepare install and build what `up` would need, start nothing (npm start runs it
#                    while npm installs; an `up` meanwhile waits for its builds instead of repeating them)
# Data, logs and pids live in .infra/ (git-ignored), except PostgreSQL's data (see PG_DATA). The
# FerretDB binary and the DocumentDB root are cached per machine in ${BOOKSTORE_CACHE:-~/.cache/bookstore}
# so later runs on the same machine start in seconds.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
STATE="$ROOT/.infra"
RUN="$STATE/run"
CACHE="${BOOKSTORE_CACHE:-$HOME/.cache/bookstore}"
RABBIT_NODE=bookstore@localhost
RABBIT_NODES=${RABBITMQ_NODES:-1}
# Log names of `prepare`'s builds get this suffix, so a concurrent `up` does not write into them.
LOG_TAG=

# Without mongod, MongoDB is FerretDB 2 (MongoDB wire protocol) on PostgreSQL 18 with Microsoft's
# DocumentDB extension, which FerretDB 2 needs and which applies conditional updates atomically
# (FerretDB 1.x did not). PostgreSQL 18 + DocumentDB exist only in Debian sid: they run from a
# minbase sid root (tools/infra/documentdb-root.sh) via chroot, leaving the host's packages alone.
FERRETDB_VERSION=v2.7.0
FERRETDB_BIN="$CACHE/bin/ferretdb-$FERRETDB_VERSION"
DOCDB_ROOT="$CACHE/documentdb-root"
PG_BIN=/usr/lib/postgresql/18/bin # inside DOCDB_ROOT
PG_PORT=${BOOKSTORE_PG_PORT:-54329}
# DocumentDB versions (binary_extended_version()) FerretDB 2.7.0 is known to work on: 0.107.0 is the
# one FerretDB 2.7.0 was released and tested with; 1.0.0 is sid's postgresql-18-documentdb 1.0-0-1,
# tried here 2026-11 (atomicity probe, CRUD and unique indexes, `npm start` healthy). Another one
# only gets a warning: add it here once it has been tried.
DOCUMENTDB_TESTED=(0.107.0 1.0.0)
# PostgreSQL's data, as a path inside DOCDB_ROOT: the server runs as the root's postgres user, which
# may not reach the checkout (e.g. /root/x is 0700), while chroot resolves this path within the
# root whatever the host directories around it allow. One directory per checkout (hash of its path).
PG_DATA=/var/lib/bookstore/$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)

# Jaeger v2, the local trace viewer (issue 14): cmd/jaeger of the Go module at this version, built once
# per machine into the cache like FerretDB. Memory storage; its config is observability/jaeger/jaeger.yaml.
JAEGER_VERSION=v1.76.0
JAEGER_BIN="$CACHE/bin/jaeger-$JAEGER_VERSION"
# Ports: the standard ones unless overridden (a private Jaeger for tests or development next to the
# shared one). The config reads them from the environment.
export JAEGER_OTLP_GRPC_PORT=${JAEGER_OTLP_GRPC_PORT:-4317}
export JAEGER_OTLP_HTTP_PORT=${JAEGER_OTLP_HTTP_PORT:-4318}
export JAEGER_UI_PORT=${JAEGER_UI_PORT:-16686}
export JAEGER_QUERY_GRPC_PORT=${JAEGER_QUERY_GRPC_PORT:-16685}
# Its web UI: the jaeger-ui release Jaeger v1.76.0 ships, vendored in observability/jaeger/ui (the
# Go module has no UI assets; that directory's README says why and how it was built). The config
# reads the variable: set it to another built jaeger-ui, or to the empty string for the binary's own
# (placeholder) page.
export JAEGER_UI_ASSETS=${JAEGER_UI_ASSETS-$ROOT/observability/jaeger/ui}
# Prometheus (Debian's package), scraping the services' ops ports; config in observability/prometheus.
PROMETHEUS_PORT=${PROMETHEUS_PORT:-9090}

log() { printf '[infra] %s\n' "$*" >&2; }

# host:port of a URL such as mongodb://localhost:27017/db or amqp://guest:guest@localhost:5672
url_host_port() {
  local rest=${1#*://}
  rest=${rest##*@}
  rest=${rest%%/*}
  rest=${rest%%\?*}
  local host=${rest%%:*} port=$2
  [[ $rest == *:* ]] && port=${rest##*:}
  echo "$host $port"
}

answers() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

wait_for() {
  local name=$1 host=$2 port=$3 pid=$4 tries=${5:-120}
  for ((i = 0; i < tries; i++)); do
    answers "$host" "$port" && return 0
    if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
      log "$name exited during start-up; its log: $STATE/log/$name.log"
      tail -n 20 "$STATE/log/$name.log" >&2 || true
      return 1
    fi
    sleep 0.5
  done
  log "$name did not answer on $host:$port in time; the end of its log ($STATE/log/$name.log):"
  tail -n 20 "$STATE/log/$name.log" >&2 || true
  return 1
}

apt_install() {
  log "installing $* from Debian's packages"
  if [[ $(id -u) -ne 0 ]]; then
    log "not root: install $* yourself, or point the matching *_URL at a running server"
    return 1
  fi
  # `prepare` may be installing at the same time: wait for dpkg's lock rather than fail on it.
  local apt=(apt-get -o DPkg::Lock::Timeout=300)
  [[ -n $(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit 2>/dev/null) ]] || "${apt[@]}" update -qq
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq --no-install-recommends "$@" >"$STATE/log/apt$LOG_TAG.log" 2>&1 ||
    { "${apt[@]}" update -qq && DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq --no-install-recommends "$@" >"$STATE/log/apt$LOG_TAG.log" 2>&1; }
}

# The browser specs (tests/e2e/src/storefront.e2e-spec.ts) drive Debian's Chromium through
# puppeteer-core: no browser download (they fail here). CHROMIUM_PATH names another build.
ensure_chromium() {
  if [[ -n ${CHROMIUM_PATH:-} ]]; then
    [[ -x $CHROMIUM_PATH ]] && return 0
    log "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable"
    return 1
  fi
  [[ -x /usr/bin/chromium ]] && return 0
  apt_install chromium || return 1
  [[ -x /usr/bin/chromium ]] || { log "the chromium package installed no /usr/bin/chromium"; return 1; }
}

start_bg() { # name, command...
  local name=$1
  shift
  nohup "$@" >"$STATE/log/$name.log" 2>&1 &
  echo $! >"$RUN/$name.pid"
  echo $!
}

# Waits for a server this script just started; when it does not come up, stops it, forgets its pid
# and fails (wait_for has said why and shown its log).
started_or_stop() { # name, host, port, pid[, tries]
  if wait_for "$@"; then return 0; fi
  stop_pid "$1"
  return 1
}

# `go install …@v2.7.0` cannot be used: the module zip lacks build/version/version.txt, which the
# build embeds, so we download the exact version and build it in a writable copy.
build_ferretdb() {
  command -v go >/dev/null || { log "neither mongod nor go is available: cannot provide MongoDB"; return 1; }
  mkdir -p "$(dirname "$FERRETDB_BIN")"
  # Two checkouts may build at once: the second waits and takes the first's binary.
  exec 8>"$FERRETDB_BIN.lock"
  flock 8
  [[ -x $FERRETDB_BIN ]] && return 0
  local dir src
  dir=$(go mod download -json "github.com/FerretDB/FerretDB/v2@$FERRETDB_VERSION" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
  [[ -n $dir ]] || { log "go mod download of FerretDB $FERRETDB_VERSION failed"; return 1; }
  src=$(mktemp -d)
  cp -r "$dir/." "$src/" && chmod -R u+w "$src"
  echo "$FERRETDB_VERSION" >"$src/build/version/version.txt"
  (cd "$src" && GOFLAGS=-buildvcs=false go build -trimpath -o "$FERRETDB_BIN.tmp" ./cmd/ferretdb)
  mv "$FERRETDB_BIN.tmp" "$FERRETDB_BIN"
  rm -rf "$src"
}

# `go get -tool` in a throwaway module in the cache pins cmd/jaeger at JAEGER_VERSION with the
# dependency versions of its go.mod (a plain `go install …@version` would refuse its replace
# directives, if any); the binary is then built from that module and the module removed. Built from
# the module, the binary has no UI assets (they come from the jaeger-ui repository at release time):
# its UI page would be Jaeger's placeholder, so it serves the vendored build JAEGER_UI_ASSETS names
# (see above and observability/jaeger/jaeger.yaml).
build_jaeger() {
  command -v go >/dev/null || { log "go is not available: cannot build Jaeger (set BOOKSTORE_JAEGER=off)"; return 1; }
  mkdir -p "$(dirname "$JAEGER_BIN")"
  # Two checkouts may build at once: the second waits and takes the first's binary.
  exec 7>"$JAEGER_BIN.lock"
  flock 7
  [[ -x $JAEGER_BIN ]] && return 0
  local mod="$CACHE/jaeger-build-$JAEGER_VERSION" pkg=github.com/jaegertracing/jaeger/cmd/jaeger
  rm -rf "$mod" && mkdir -p "$mod" || return 1
  # Each step checked explicitly: callers run this in a `||` list, where `set -e` does not apply.
  # -X: the version Jaeger reports (`jaeger version`, its logs), as its Makefile sets it.
  (
    cd "$mod" &&
      go mod init bookstore/jaeger-build &&
      go get -tool "$pkg@$JAEGER_VERSION" &&
      GOFLAGS=-buildvcs=false go build -trimpath \
        -ldflags "-X github.com/jaegertracing/jaeger/internal/version.latestVersion=$JAEGER_VERSION" \
        -o "$JAEGER_BIN.tmp" "$pkg"
  ) || { rm -rf "$mod" "$JAEGER_BIN.tmp"; return 1; }
  mv "$JAEGER_BIN.tmp" "$JAEGER_BIN" || return 1
  rm -rf "$mod"
}

documentdb_root_ready() { [[ -f $DOCDB_ROOT/etc/bookstore-documentdb-root ]]; }

# What FerretDB needs and is not cached yet, built at once: the Go build and the debootstrap each
# take a minute or more, and neither waits for the other.
prepare_ferretdb() {
  # Building the root (debootstrap) and running PostgreSQL from it (chroot) both need root.
  if [[ $(id -u) -ne 0 ]]; then
    log "not root: cannot run PostgreSQL + DocumentDB for FerretDB (debootstrap, chroot); put mongod on the PATH or point MONGO_URL at a running server"
    return 1
  fi
  [[ -x $FERRETDB_BIN ]] && documentdb_root_ready && return 0
  local build='' boot='' failed=0
  if [[ ! -x $FERRETDB_BIN ]]; then
    log "building FerretDB $FERRETDB_VERSION (once per machine; log: .infra/log/ferretdb-build$LOG_TAG.log)"
    build_ferretdb >"$STATE/log/ferretdb-build$LOG_TAG.log" 2>&1 &
    build=$!
  fi
  if ! documentdb_root_ready; then
    log "installing PostgreSQL 18 + DocumentDB into a Debian sid root at $DOCDB_ROOT (once per machine, ~1 GB; log: .infra/log/documentdb-root$LOG_TAG.log)"
    bash "$HERE/documentdb-root.sh" "$DOCDB_ROOT" >"$STATE/log/documentdb-root$LOG_TAG.log" 2>&1 &
    boot=$!
  fi
  if [[ -n $build ]] && ! wait "$build"; then
    log "building FerretDB failed; the end of its log:"
    tail -n 20 "$STATE/log/ferretdb-build$LOG_TAG.log" >&2
    failed=1
  fi
  if [[ -n $boot ]] && ! wait "$boot"; then
    log "building the DocumentDB root failed; the end of its log:"
    tail -n 20 "$STATE/log/documentdb-root$LOG_TAG.log" >&2
    failed=1
  fi
  return "$failed"
}

# One query on FerretDB's PostgreSQL, with the root's own psql (the host may have none, or an older
# one), over TCP: trust authentication on loopback.
pg_query() {
  chroot "$DOCDB_ROOT" "$PG_BIN/psql" -X -w -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
    -v ON_ERROR_STOP=1 -tAqc "$1"
}

pg_user() { echo "$(chroot "$DOCDB_ROOT" id -u postgres):$(chroot "$DOCDB_ROOT" id -g postgres)"; }

init_postgres() {
  local data="$DOCDB_ROOT$PG_DATA" user
  [[ -f $data/PG_VERSION ]] && return 0
  user=$(pg_user)
  # initdb into a fresh directory renamed when complete: a half-initialised cluster is never started.
  rm -rf "$data.new"
  install -d -m 700 -o "${user%:*}" -g "${user#*:}" "$data.new"
  chroot --userspec="$user" "$DOCDB_ROOT" "$PG_BIN/initdb" -D "$PG_DATA.new" -A trust -U postgres \
    -E UTF8 --locale=C.UTF-8 >"$STATE/log/postgres-init.log" 2>&1 ||
    { log "initdb failed; its log:"; tail -n 20 "$STATE/log/postgres-init.log" >&2; return 1; }
  mv "$data.new" "$data"
}

# DocumentDB, in the postgres database FerretDB uses; warns about versions never tried here.
ensure_documentdb() {
  local version
  pg_query 'CREATE EXTENSION IF NOT EXISTS documentdb CASCADE' >/dev/null 2>"$STATE/log/documentdb-extension.log" ||
    { log "CREATE EXTENSION documentdb failed:"; cat "$STATE/log/documentdb-extension.log" >&2; return 1; }
  version=$(pg_query 'SELECT documentdb_api.binary_extended_version()')
  DOCDB_VERSION=${version%% *}
  local tested
  for tested in "${DOCUMENTDB_TESTED[@]}"; do
    if [[ $DOCDB_VERSION == "$tested" ]]; then return 0; fi
  done
  log "WARNING: DocumentDB $version is not a version this project tested FerretDB $FERRETDB_VERSION with (${DOCUMENTDB_TESTED[*]}); if MongoDB calls fail oddly, suspect it (FerretDB's own warning is in .infra/log/mongodb.log)"
}

# FerretDB's private PostgreSQL 18 (from the DocumentDB root), on 127.0.0.1:PG_PORT.
up_postgres() {
  if answers 127.0.0.1 "$PG_PORT"; then
    # Ours from an earlier `up`, or another checkout's: usable only when it has DocumentDB.
    if pg_query "SELECT 1 FROM pg_extension WHERE extname = 'documentdb'" 2>/dev/null | grep -q 1; then
      log "postgres: using the server on 127.0.0.1:$PG_PORT"
      return 0
    fi
    log "something without DocumentDB answers on 127.0.0.1:$PG_PORT (an older infra.sh's PostgreSQL?): stop it or set BOOKSTORE_PG_PORT"
    return 1
  fi
  init_postgres
  # This checkout's cluster may already run on another port (BOOKSTORE_PG_PORT changed): a second
  # postmaster would refuse the data directory anyway, and its pid file must not be overwritten.
  local pid user lock="$DOCDB_ROOT$PG_DATA/postmaster.pid"
  if [[ -f $lock && $(cat "/proc/$(head -n 1 "$lock")/comm" 2>/dev/null) == postgres ]]; then
    log "this checkout's PostgreSQL already runs (pid $(head -n 1 "$lock"), port $(sed -n 4p "$lock")), not on $PG_PORT: run \`infra.sh down\` with its settings first"
    return 1
  fi
  user=$(pg_user)
  # fsync off: data survives a crash of PostgreSQL or FerretDB, not of the machine (development and
  # test data). synchronous_commit and full_page_writes stay on: with them off, an immediate stop lost
  # commits already acknowledged and left DocumentDB's RUM indexes corrupt (the chaos suite's MongoDB
  # kill, docs/BENCHMARKS.md); with fsync off they cost a write(), not a flush.
  # mmap dynamic shared memory: in files under the data directory, so nothing needs /dev/shm
  # mounted in the root and nothing outlives a killed server. TCP only (no socket directory).
  # DocumentDB schedules pg_cron jobs every few seconds: not logged, nor recorded in cron's table
  # (its commits would add to the database's own). chroot execs postgres, so the recorded pid is
  # the postmaster's.
  pid=$(start_bg postgres chroot --userspec="$user" "$DOCDB_ROOT" "$PG_BIN/postgres" -D "$PG_DATA" \
    -p "$PG_PORT" -c listen_addresses=127.0.0.1 -c unix_socket_directories= \
    -c fsync=off -c max_connections=200 \
    -c dynamic_shared_memory_type=mmap \
    -c shared_preload_libraries=pg_cron,pg_documentdb_core,pg_documentdb -c cron.database_name=postgres \
    -c cron.log_run=off -c cron.log_statement=off)
  STARTED_HERE+=(postgres)
  echo "$DOCDB_ROOT" >"$RUN/postgres.root" # for bench/lib/db-ops.mjs
  started_or_stop postgres 127.0.0.1 "$PG_PORT" "$pid"
  # Listening comes before accepting queries (recovery, the first start's setup).
  local i
  for ((i = 0; i < 60; i++)); do
    pg_query 'select 1' >/dev/null 2>&1 && break
    sleep 0.25
  done
  ensure_documentdb
  log "postgres: started (pid $pid) on 127.0.0.1:$PG_PORT, PostgreSQL $(pg_query 'SHOW server_version' | cut -d' ' -f1), DocumentDB ${DOCDB_VERSION:-?}"
}

up_mongo() {
  read -r host port < <(url_host_port "${MONGO_URL:-mongodb://127.0.0.1:27017}" 27017)
  if answers "$host" "$port"; then log "mongodb: using the server on $host:$port"; return; fi
  local pid what=mongod
  if command -v mongod >/dev/null; then
    mkdir -p "$STATE/data/mongo"
    pid=$(start_bg mongodb mongod --dbpath "$STATE/data/mongo" --bind_ip 127.0.0.1 --port "$port")
  else
    prepare_ferretdb
    up_postgres
    mkdir -p "$STATE/data/ferretdb"
    what="FerretDB $FERRETDB_VERSION on PostgreSQL 127.0.0.1:$PG_PORT"
    pid=$(start_bg mongodb "$FERRETDB_BIN" --postgresql-url="postgres://postgres@127.0.0.1:$PG_PORT/postgres" \
      --listen-addr="127.0.0.1:$port" --no-auth --state-dir="$STATE/data/ferretdb" \
      --telemetry=disable --debug-addr=- --log-level=WARN)
  fi
  STARTED_HERE+=(mongodb)
  started_or_stop mongodb 127.0.0.1 "$port" "$pid"
  log "mongodb: started (pid $pid) on 127.0.0.1:$port: $what"
}

# The services rely on atomic conditional single-document updates (stock, state transitions,
# outbox appends): whatever answers as MongoDB must provide them, or `up` fails.
probe_mongo() {
  local out
  if out=$(node "$HERE/probe-atomicity.mjs" "${MONGO_URL:-mongodb://127.0.0.1:27017}" 2>&1); then
    log "mongodb: ${out#\[probe\] }"
    return 0
  fi
  log "mongodb: the atomicity probe failed: ${out#\[probe\] }"
  return 1
}

up_redis() {
  read -r host port < <(url_host_port "${REDIS_URL:-redis://127.0.0.1:6379}" 6379)
  if answers "$host" "$port"; then log "redis: using the server on $host:$port"; return; fi
  command -v redis-server >/dev/null || apt_install redis-server
  mkdir -p "$STATE/data/redis"
  local pid
  pid=$(start_bg redis redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
    --dir "$STATE/data/redis")
  STARTED_HERE+=(redis)
  started_or_stop redis 127.0.0.1 "$port" "$pid"
  log "redis: started (pid $pid) on 127.0.0.1:$port"
}

up_rabbitmq() {
  read -r host port < <(url_host_port "${AMQP_URL:-amqp://127.0.0.1:5672}" 5672)
  if answers "$host" "$port"; then log "rabbitmq: using the broker on $host:$port"; return; fi
  [[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]] || apt_install rabbitmq-server
  local base="$STATE/data/rabbitmq"
  mkdir -p "$base/mnesia" "$base/log"
  printf 'listeners.tcp.default = 127.0.0.1:%s\nloopback_users = none\n' "$port" >"$base/rabbitmq.conf"
  echo '[].' >"$base/enabled_plugins"
  local epmd_before=0 pid
  pgrep -x epmd >/dev/null && epmd_before=1
  pid=$(HOME="$base" RABBITMQ_NODENAME=$RABBIT_NODE RABBITMQ_MNESIA_BASE="$base/mnesia" \
    RABBITMQ_LOG_BASE="$base/log" RABBITMQ_CONFIG_FILE="$base/rabbitmq.conf" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$base/enabled_plugins" ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_DIST_PORT=$((20000 + port)) \
    start_bg rabbitmq /usr/lib/rabbitmq/bin/rabbitmq-server)
  STARTED_HERE+=(rabbitmq)
  started_or_stop rabbitmq 127.0.0.1 "$port" "$pid" 240
  if ((epmd_before == 0)); then pgrep -x epmd >"$RUN/epmd.pid" || rm -f "$RUN/epmd.pid"; fi
  log "rabbitmq: started (pid $pid) on 127.0.0.1:$port"
}

# Node n (2, 3, ...) of a local cluster: its own name, AMQP port (the first node's + n - 1),
# distribution port (20000 above) and data in .infra/data/rabbitmq-n, joined to the first node. It
# shares the first node's HOME, hence its Erlang cookie, which lets the nodes (and rabbitmqctl) talk.
# A node started again on its data is still a member and rejoins by itself.
up_rabbitmq_peer() {
  local n=$1 host first port
  read -r host first < <(url_host_port "${AMQP_URL:-amqp://127.0.0.1:5672}" 5672)
  port=$((first + n - 1))
  local name="bookstore-$n@localhost" home="$STATE/data/rabbitmq" base="$STATE/data/rabbitmq-$n"
  if answers 127.0.0.1 "$port"; then log "rabbitmq-$n: using the broker on 127.0.0.1:$port"; return; fi
  mkdir -p "$base/mnesia" "$base/log"
  printf 'listeners.tcp.default = 127.0.0.1:%s\nloopback_users = none\n' "$port" >"$base/rabbitmq.conf"
  echo '[].' >"$base/enabled_plugins"
  local pid
  pid=$(HOME="$home" RABBITMQ_NODENAME=$name RABBITMQ_MNESIA_BASE="$base/mnesia" \
    RABBITMQ_LOG_BASE="$base/log" RABBITMQ_CONFIG_FILE="$base/rabbitmq.conf" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$base/enabled_plugins" ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_DIST_PORT=$((20000 + port)) \
    start_bg "rabbitmq-$n" /usr/lib/rabbitmq/bin/rabbitmq-server)
  STARTED_HERE+=("rabbitmq-$n")
  started_or_stop "rabbitmq-$n" 127.0.0.1 "$port" "$pid" 240
  local ctl=(env HOME="$home" /usr/lib/rabbitmq/bin/rabbitmqctl -q -n "$name")
  "${ctl[@]}" await_startup >/dev/null
  if ! "${ctl[@]}" cluster_status --formatter json | grep -q "\"$RABBIT_NODE\""; then
    "${ctl[@]}" stop_app >/dev/null
    "${ctl[@]}" join_cluster "$RABBIT_NODE" >/dev/null
    "${ctl[@]}" start_app >/dev/null
  fi
  log "rabbitmq-$n: started (pid $pid) on 127.0.0.1:$port, in a cluster with $RABBIT_NODE"
}

# The first node, then the others of RABBITMQ_NODES joined to it.
up_rabbitmq_cluster() {
  up_rabbitmq
  local i
  for ((i = 2; i <= RABBIT_NODES; i++)); do up_rabbitmq_peer "$i"; done
}

# Jaeger and Prometheus are conveniences (traces, metrics): BOOKSTORE_JAEGER=off or
# BOOKSTORE_PROMETHEUS=off leaves them out, and nothing else depends on them.
jaeger_wanted() { [[ ${BOOKSTORE_JAEGER:-on} != off ]]; }
prometheus_wanted() { [[ ${BOOKSTORE_PROMETHEUS:-on} != off ]]; }

# Jaeger v2 on 127.0.0.1: OTLP gRPC/HTTP (JAEGER_OTLP_GRPC_PORT/_HTTP_PORT) and the query API + UI
# (JAEGER_UI_PORT); its config reads those variables (exported above).
up_jaeger() {
  if answers 127.0.0.1 "$JAEGER_UI_PORT"; then log "jaeger: using the one on 127.0.0.1:$JAEGER_UI_PORT"; return; fi
  [[ -x $JAEGER_BIN ]] || {
    log "building Jaeger $JAEGER_VERSION (once per machine; log: .infra/log/jaeger-build$LOG_TAG.log)"
    build_jaeger >"$STATE/log/jaeger-build$LOG_TAG.log" 2>&1 ||
      { log "building Jaeger failed; the end of its log:"; tail -n 20 "$STATE/log/jaeger-build$LOG_TAG.log" >&2; return 1; }
  }
  local pid
  pid=$(JAEGER_LISTEN_HOST=127.0.0.1 start_bg jaeger "$JAEGER_BIN" --config "$ROOT/observability/jaeger/jaeger.yaml")
  STARTED_HERE+=(jaeger)
  started_or_stop jaeger 127.0.0.1 "$JAEGER_UI_PORT" "$pid" || return 1
  started_or_stop jaeger 127.0.0.1 "$JAEGER_OTLP_HTTP_PORT" "$pid" || return 1
  log "jaeger: started (pid $pid): UI http://127.0.0.1:$JAEGER_UI_PORT, OTLP http://127.0.0.1:$JAEGER_OTLP_HTTP_PORT"
}

# Prometheus scrapes the targets observability/prometheus/targets/local.json lists: written on every
# `up`, also when a Prometheus already runs (it re-reads the file), so the ops ports of this `up`'s
# environment are the ones scraped.
up_prometheus() {
  local dir="$ROOT/observability/prometheus"
  mkdir -p "$dir/targets"
  node "$HERE/prometheus-targets.mjs" "$dir/targets/local.json" || return 1
  if answers 127.0.0.1 "$PROMETHEUS_PORT"; then log "prometheus: using the one on 127.0.0.1:$PROMETHEUS_PORT"; return; fi
  command -v prometheus >/dev/null || apt_install prometheus || return 1
  # Run as the invoking user (like redis), not Debian's service: its data stays in .infra, and
  # nothing is enabled system-wide. Two days of samples are plenty for development.
  mkdir -p "$STATE/data/prometheus"
  local pid
  pid=$(start_bg prometheus prometheus --config.file="$dir/prometheus.yml" \
    --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" --storage.tsdb.path="$STATE/data/prometheus" \
    --storage.tsdb.retention.time=2d --web.enable-lifecycle)
  STARTED_HERE+=(prometheus)
  started_or_stop prometheus 127.0.0.1 "$PROMETHEUS_PORT" "$pid" || return 1
  log "prometheus: started (pid $pid) on http://127.0.0.1:$PROMETHEUS_PORT"
}

stop_rabbitmq_peers() {
  local i
  for i in 2 3 4 5; do stop_pid "rabbitmq-$i"; done
}

# One broker user per service on the default vhost (tools/infra/broker-users.sh), when the broker is
# this checkout's node (rabbitmqctl reaches it); the marker tells run-all and start to connect each
# service as its own user. A broker of someone else's keeps the shared AMQP_URL.
broker_users() {
  local base="$STATE/data/rabbitmq"
  rm -f "$RUN/broker-users"
  [[ -d $base ]] || return 0
  if HOME="$base" RABBITMQCTL=/usr/lib/rabbitmq/bin/rabbitmqctl bash "$HERE/broker-users.sh" / -n "$RABBIT_NODE" 2>"$STATE/log/broker-users.log"; then
    echo / >"$RUN/broker-users"
    log "rabbitmq: one user per service (gateway, auth, catalog, orders, notifications)"
  else
    log "rabbitmq: could not create the per-service users (see .infra/log/broker-users.log); services share AMQP_URL"
  fi
}

stop_pid() { # name[, signal]: TERM by default; PostgreSQL gets INT (fast shutdown: it ends
  # its sessions instead of waiting for every client to leave)
  local file="$RUN/$1.pid" signal=${2:-TERM} pid
  [[ -f $file ]] || return 0
  pid=$(cat "$file")
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
    kill "-$signal" "$pid" 2>/dev/null || true
    for ((i = 0; i < 60; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
    log "$1: stopped (pid $pid)"
  fi
  rm -f "$file"
}

# FerretDB's PostgreSQL exists only for it: it stops with it and starts again with it.
stop_mongo() {
  stop_pid mongodb
  stop_pid postgres INT
  rm -f "$RUN/postgres.root"
}

# Nothing is mounted while the servers run; only a DocumentDB root build mounts /proc, and unmounts
# it itself. A build killed outright leaves it: release it when no build holds the lock.
release_leftover_mounts() {
  [[ -e $DOCDB_ROOT.lock ]] || return 0
  (
    flock -n 9 || exit 0
    for dir in "$DOCDB_ROOT" "$DOCDB_ROOT".tmp.*; do
      if mountpoint -q "$dir/proc" 2>/dev/null; then umount "$dir/proc" && log "unmounted $dir/proc"; fi
    done
  ) 9>"$DOCDB_ROOT.lock"
}

# What this invocation started, in order: a failed `up` stops exactly these again.
STARTED_HERE=()
stop_started_here() {
  local i
  for ((i = ${#STARTED_HERE[@]} - 1; i >= 0; i--)); do
    case ${STARTED_HERE[i]} in
      postgres) stop_pid postgres INT ;;
      rabbitmq) stop_pid rabbitmq; stop_pid epmd ;;
      *) stop_pid "${STARTED_HERE[i]}" ;;
    esac
  done
}

cmd=${1:-status}
mkdir -p "$RUN" "$STATE/log"
case $cmd in
  up)
    # Whatever fails (a server that does not start, the probe), `up` leaves nothing of its own running.
    trap 'rc=$?; if ((rc != 0 && ${#STARTED_HERE[@]})); then log "up failed: stopping what it started"; stop_started_here; fi' EXIT
    up_mongo
    probe_mongo
    up_redis
    up_rabbitmq_cluster
    broker_users
    # Conveniences: one that cannot start is reported, and the system runs without it.
    if jaeger_wanted; then up_jaeger || log "jaeger: not started, traces are not exported (BOOKSTORE_JAEGER=off skips it)"; fi
    if prometheus_wanted; then up_prometheus || log "prometheus: not started (BOOKSTORE_PROMETHEUS=off skips it)"; fi
    ;;
  prepare)
    LOG_TAG=-prepare
    # Only for what `up` would start: what answers already, or mongod, needs nothing.
    read -r host port < <(url_host_port "${MONGO_URL:-mongodb://127.0.0.1:27017}" 27017)
    if ! answers "$host" "$port" && ! command -v mongod >/dev/null; then prepare_ferretdb & fi
    read -r host port < <(url_host_port "${REDIS_URL:-redis://127.0.0.1:6379}" 6379)
    if ! answers "$host" "$port" && ! command -v redis-server >/dev/null; then apt_install redis-server; fi
    read -r host port < <(url_host_port "${AMQP_URL:-amqp://127.0.0.1:5672}" 5672)
    if ! answers "$host" "$port" && [[ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]]; then apt_install rabbitmq-server; fi
    if jaeger_wanted && [[ ! -x $JAEGER_BIN ]] && ! answers 127.0.0.1 "$JAEGER_UI_PORT"; then
      log "building Jaeger $JAEGER_VERSION (once per machine; log: .infra/log/jaeger-build$LOG_TAG.log)"
      build_jaeger >"$STATE/log/jaeger-build$LOG_TAG.log" 2>&1 &
    fi
    if prometheus_wanted && ! command -v prometheus >/dev/null && ! answers 127.0.0.1 "$PROMETHEUS_PORT"; then
      apt_install prometheus
    fi
    wait
    ;;
  chromium) # for the browser specs: Debian's chromium, installed when missing (npm test runs this)
    ensure_chromium
    ;;
  down)
    stop_pid prometheus
    stop_pid jaeger
    stop_rabbitmq_peers
    stop_pid rabbitmq
    stop_pid epmd
    stop_pid redis
    stop_mongo
    release_leftover_mounts
    ;;
  restart-one) # used by fault tests: stop and start one server this script manages
    case ${2:-} in
      mongodb) stop_mongo; up_mongo ;;
      redis) stop_pid redis; up_redis ;;
      rabbitmq) stop_pid rabbitmq; up_rabbitmq ;;
      rabbitmq-[2-5]) stop_pid "$2"; up_rabbitmq_peer "${2#rabbitmq-}" ;;
      jaeger) stop_pid jaeger; up_jaeger ;;
      prometheus) stop_pid prometheus; up_prometheus ;;
      *) echo "restart-one: mongodb, redis, rabbitmq, rabbitmq-N (a cluster's node N), jaeger or prometheus" >&2; exit 2 ;;
    esac
    ;;
  stop-one)
    case ${2:-} in
      mongodb) stop_mongo ;;
      # The epmd RabbitMQ started (only when none ran before it) goes when RabbitMQ goes.
      rabbitmq) stop_pid rabbitmq; stop_pid epmd ;;
      *) stop_pid "${2:?stop-one NAME}" ;;
    esac
    ;;
  status)
    for pair in "mongodb ${MONGO_URL:-mongodb://127.0.0.1:27017} 27017" "redis ${REDIS_URL:-redis://127.0.0.1:6379} 6379" "rabbitmq ${AMQP_URL:-amqp://127.0.0.1:5672} 5672"; do
      read -r name url def <<<"$pair"
      read -r host port < <(url_host_port "$url" "$def")
      if answers "$host" "$port"; then echo "$name: up ($host:$port)"; else echo "$name: down ($host:$port)"; fi
    done
    if answers 127.0.0.1 "$JAEGER_UI_PORT"; then echo "jaeger: up (127.0.0.1:$JAEGER_UI_PORT)"; else echo "jaeger: down (127.0.0.1:$JAEGER_UI_PORT)"; fi
    if answers 127.0.0.1 "$PROMETHEUS_PORT"; then echo "prometheus: up (127.0.0.1:$PROMETHEUS_PORT)"; else echo "prometheus: down (127.0.0.1:$PROMETHEUS_PORT)"; fi
    if [[ -f $RUN/postgres.pid ]]; then
      if answers 127.0.0.1 "$PG_PORT"; then echo "postgres (FerretDB's): up (127.0.0.1:$PG_PORT)"; else echo "postgres (FerretDB's): down (127.0.0.1:$PG_PORT)"; fi
    fi
    ;;
  *)
    echo "usage: infra.sh up|down|status|prepare|chromium|stop-one NAME|restart-one NAME" >&2
    exit 2
    ;;
esac
