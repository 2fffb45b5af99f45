#!/usr/bin/env bash
# Prints the environment of an isolated sandbox N (1-9): its own RabbitMQ vhost, Redis database,
# MongoDB databases, ports and build folder, so several copies of the system (parallel work, the
# fault suites) never share queues or data. Creates the vhost when this project started RabbitMQ.
#   eval "$(bash tools/dev/sandbox.sh 3)" && node tools/system/system.mjs start
set -euo pipefail
n=${1:?usage: sandbox.sh N}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
base="$ROOT/.infra/data/rabbitmq"
users=
# Only when this project's broker is running: otherwise there is nothing to create the vhost on yet.
if [[ -d $base ]] && (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; then
  ctl=(env HOME="$base" /usr/lib/rabbitmq/bin/rabbitmqctl -q -n bookstore@localhost)
  "${ctl[@]}" add_vhost "sb$n" >/dev/null 2>&1 || true
  "${ctl[@]}" set_permissions -p "sb$n" guest '.*' '.*' '.*' >/dev/null
  # One user per service in the vhost too (tools/infra/broker-users.sh); each service connects as its own.
  RABBITMQCTL=/usr/lib/rabbitmq/bin/rabbitmqctl HOME="$base" bash "$ROOT/tools/infra/broker-users.sh" "sb$n" -n bookstore@localhost
  users=1
fi
cat <<ENV
export SYSTEM_TAG=sb$n
export BOOKSTORE_DIST=$ROOT/dist/sb$n
export GATEWAY_PORT=3${n}00 GATEWAY_OPS_PORT=9${n}00
export AUTH_OPS_PORT=9${n}01 CATALOG_OPS_PORT=9${n}02 ORDERS_OPS_PORT=9${n}03 NOTIFICATIONS_OPS_PORT=9${n}04
export AMQP_URL=amqp://guest:guest@127.0.0.1:5672/sb$n
export REDIS_URL=redis://127.0.0.1:6379/$n
export AUTH_MONGO_DB=sb${n}_auth CATALOG_MONGO_DB=sb${n}_catalog ORDERS_MONGO_DB=sb${n}_orders NOTIFICATIONS_MONGO_DB=sb${n}_notifications
export GATEWAY_URL=http://127.0.0.1:3${n}00
ENV
# The project's Node 24 first on PATH once a script has cached it (tools/lib/node-runtime.mjs), so
# jest and nx run from this shell use it too.
node24=$(sed -n "s/^export const NODE_VERSION = '\(.*\)';/\1/p" "$ROOT/tools/lib/node-runtime.mjs")
node24_bin="${BOOKSTORE_CACHE:-$HOME/.cache/bookstore}/node-v$node24/bin"
[[ -x $node24_bin/node ]] && echo "export PATH=$node24_bin:\$PATH"
# Each service's own broker user (system.mjs gives <APP>_AMQP_URL to that app as its AMQP_URL).
if [[ -n $users ]]; then
  for app in gateway auth catalog orders notifications; do
    echo "export ${app^^}_AMQP_URL=amqp://$app:$app-local-dev@127.0.0.1:5672/sb$n"
  done
fi
