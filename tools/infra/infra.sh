#!/usr/bin/env bash
# Makes MongoDB (or FerretDB), RabbitMQ and Redis available on their standard localhost ports.
#   infra.sh up      use what already answers; start the rest (installing it first when missing)
#   infra.sh down    stop only what `up` started (by the pids it recorded)
#   infra.sh status  say what answers
# Data and pids live in .infra/ (git-ignored). The FerretDB binary is cached per machine in
# ${BOOKSTORE_CACHE:-~/.cache/bookstore} so the next run on the same machine does not rebuild it.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STATE="$ROOT/.infra"
RUN="$STATE/run"
CACHE="${BOOKSTORE_CACHE:-$HOME/.cache/bookstore}"
FERRETDB_VERSION=v1.24.2
FERRETDB_BIN="$CACHE/bin/ferretdb-$FERRETDB_VERSION"
RABBIT_NODE=bookstore@localhost
# FerretDB's backend: postgresql (Debian's PostgreSQL, the default: it measured ~200x faster on
# indexed queries than sqlite and has no "database is locked" errors under write bursts) or sqlite.
FERRETDB_BACKEND=${FERRETDB_BACKEND:-postgresql}
PG_PORT=${BOOKSTORE_PG_PORT:-54329}

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
  log "$name did not answer on $host:$port in time"
  return 1
}

apt_install() {
  log "installing $* from Debian's packages"
  if [[ $(id -u) -ne 0 ]]; then
    log "not root: install $* yourself, or point the matching *_URL at a running server"
    return 1
  fi
  [[ -n $(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit 2>/dev/null) ]] || apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >"$STATE/log/apt.log" 2>&1 ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >"$STATE/log/apt.log" 2>&1; }
}

# `go install …@v1.24.2` cannot be used: the proxy refuses the module's version list, and the
# module zip lacks build/version/version.txt, so we download the exact version and build it here.
build_ferretdb() {
  command -v go >/dev/null || { log "neither mongod nor go is available: cannot provide MongoDB"; return 1; }
  log "building FerretDB $FERRETDB_VERSION (once per machine)"
  local dir src
  dir=$(go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')
  src=$(mktemp -d)
  cp -r "$dir/." "$src/" && chmod -R u+w "$src"
  echo "$FERRETDB_VERSION" >"$src/build/version/version.txt"
  mkdir -p "$(dirname "$FERRETDB_BIN")"
  (cd "$src" && GOFLAGS=-buildvcs=false go build -trimpath -o "$FERRETDB_BIN.tmp" ./cmd/ferretdb)
  mv "$FERRETDB_BIN.tmp" "$FERRETDB_BIN"
  rm -rf "$src"
}

start_bg() { # name, command...
  local name=$1
  shift
  nohup "$@" >"$STATE/log/$name.log" 2>&1 &
  echo $! >"$RUN/$name.pid"
  echo $!
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# A private PostgreSQL for FerretDB: its own data folder and port, run as the postgres user.
up_postgres() {
  answers 127.0.0.1 "$PG_PORT" && return 0
  [[ -n $(pg_bin) ]] || apt_install postgresql
  local bin data="$STATE/data/postgres"
  bin=$(pg_bin)
  if [[ ! -f $data/PG_VERSION ]]; then
    install -d -o postgres -g postgres "$data"
    runuser -u postgres -- "$bin/initdb" -D "$data" -A trust -U postgres >"$STATE/log/postgres-init.log" 2>&1
  fi
  install -d -o postgres -g postgres "$STATE/run/pg"
  # fsync off: this is a development and test database; its data is disposable.
  runuser -u postgres -- "$bin/postgres" -D "$data" -p "$PG_PORT" -k "$STATE/run/pg" \
    -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
    -c max_connections=200 >"$STATE/log/postgres.log" 2>&1 &
  local starter=$!
  wait_for postgres 127.0.0.1 "$PG_PORT" "$starter"
  # Record the postmaster itself (not runuser) so `down` signals the right process.
  head -n 1 "$data/postmaster.pid" >"$RUN/postgres.pid"
  for ((i = 0; i < 40; i++)); do
    runuser -u postgres -- "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc 'select 1' >/dev/null 2>&1 && break
    sleep 0.25
  done
  runuser -u postgres -- "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAc \
    "select 1 from pg_database where datname = 'ferretdb'" | grep -q 1 ||
    runuser -u postgres -- "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres ferretdb
  log "postgres: started (pid $(cat "$RUN/postgres.pid")) on 127.0.0.1:$PG_PORT for FerretDB"
}

up_mongo() {
  read -r host port < <(url_host_port "${MONGO_URL:-mongodb://127.0.0.1:27017}" 27017)
  if answers "$host" "$port"; then log "mongodb: using the server on $host:$port"; return; fi
  mkdir -p "$STATE/data/mongo"
  local pid
  if command -v mongod >/dev/null; then
    pid=$(start_bg mongodb mongod --dbpath "$STATE/data/mongo" --bind_ip 127.0.0.1 --port "$port")
  else
    [[ -x $FERRETDB_BIN ]] || build_ferretdb
    local backend=(--handler=sqlite --sqlite-url="file:$STATE/data/mongo/")
    if [[ $FERRETDB_BACKEND == postgresql ]] && up_postgres; then
      backend=(--handler=postgresql --postgresql-url="postgres://postgres@127.0.0.1:$PG_PORT/ferretdb")
    fi
    pid=$(start_bg mongodb "$FERRETDB_BIN" "${backend[@]}" \
      --state-dir="$STATE/data/mongo" --telemetry=disable --listen-addr="127.0.0.1:$port" \
      --debug-addr=- --log-level=warn)
  fi
  wait_for mongodb 127.0.0.1 "$port" "$pid"
  log "mongodb: started (pid $pid) on 127.0.0.1:$port"
}

up_redis() {
  read -r host port < <(url_host_port "${REDIS_URL:-redis://127.0.0.1:6379}" 6379)
  if answers "$host" "$port"; then log "redis: using the server on $host:$port"; return; fi
  command -v redis-server >/dev/null || apt_install redis-server
  mkdir -p "$STATE/data/redis"
  local pid
  pid=$(start_bg redis redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
    --dir "$STATE/data/redis")
  wait_for redis 127.0.0.1 "$port" "$pid"
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
    RABBITMQ_DIST_PORT=25672 \
    start_bg rabbitmq /usr/lib/rabbitmq/bin/rabbitmq-server)
  wait_for rabbitmq 127.0.0.1 "$port" "$pid" 240
  if ((epmd_before == 0)); then pgrep -x epmd >"$RUN/epmd.pid" || rm -f "$RUN/epmd.pid"; fi
  log "rabbitmq: started (pid $pid) on 127.0.0.1:$port"
}

stop_pid() { # name
  local file="$RUN/$1.pid" pid
  [[ -f $file ]] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 60; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    log "$1: stopped (pid $pid)"
  fi
  rm -f "$file"
}

cmd=${1:-status}
mkdir -p "$RUN" "$STATE/log"
case $cmd in
  up)
    up_mongo
    up_redis
    up_rabbitmq
    ;;
  down)
    stop_pid rabbitmq
    stop_pid epmd
    stop_pid redis
    stop_pid mongodb
    stop_pid postgres
    ;;
  restart-one) # used by fault tests: stop and start one server this script manages
    stop_pid "$2"
    case $2 in mongodb) up_mongo ;; redis) up_redis ;; rabbitmq) up_rabbitmq ;; esac
    ;;
  stop-one)
    stop_pid "$2"
    # FerretDB's PostgreSQL exists only for it: it goes when mongodb goes; so does the epmd
    # RabbitMQ started (only when none ran before it) when RabbitMQ goes.
    [[ $2 == mongodb ]] && stop_pid postgres
    [[ $2 == rabbitmq ]] && stop_pid epmd
    ;;
  status)
    for pair in "mongodb ${MONGO_URL:-mongodb://127.0.0.1:27017} 27017" "redis ${REDIS_URL:-redis://127.0.0.1:6379} 6379" "rabbitmq ${AMQP_URL:-amqp://127.0.0.1:5672} 5672"; do
      read -r name url def <<<"$pair"
      read -r host port < <(url_host_port "$url" "$def")
      if answers "$host" "$port"; then echo "$name: up ($host:$port)"; else echo "$name: down ($host:$port)"; fi
    done
    ;;
  *)
    echo "usage: infra.sh up|down|status|stop-one NAME|restart-one NAME" >&2
    exit 2
    ;;
esac
