#!/usr/bin/env bash
# One RabbitMQ user per service, with permissions limited to its own queues and the exchanges it uses
# (issue 13, item 6). The one table of who may do what on the bus: infra.sh and sandbox.sh run it on
# the local broker, docker compose and the Kubernetes Job run it against theirs (README, "Broker users").
#
#   broker-users.sh VHOST [rabbitmqctl arguments...]
#
# Passwords: BROKER_PASSWORD_<SERVICE> (e.g. BROKER_PASSWORD_CATALOG) when set, else the fixed local
# development value `<service>-local-dev` (broker_dev_password below; never used with NODE_ENV=production,
# whose config refuses such passwords). Idempotent: an existing user gets its password and
# permissions set again, so a changed table or password applies on the next run.
set -euo pipefail
vhost=${1:?usage: broker-users.sh VHOST [rabbitmqctl args...]}
shift
ctl=("${RABBITMQCTL:-/usr/lib/rabbitmq/bin/rabbitmqctl}" -q "$@")

SERVICES=(gateway auth catalog orders notifications)

broker_dev_password() { printf '%s-local-dev' "$1"; }

# Event types each service may publish on bookstore.events (topic permission, write).
events_write() {
  case $1 in
    auth) echo '^user\.' ;;
    catalog) echo '^(book|stock)\.' ;;
    orders) echo '^order\.' ;;
    notifications) echo '^notification\.' ;;
    *) echo '^$' ;; # the gateway only listens
  esac
}

# Request patterns each service may send on bookstore.rpc (topic permission, write): the gateway asks
# every service; orders prices lines with the catalog; every service fetches auth's public keys to
# verify the access token a request carries.
rpc_write() {
  case $1 in
    gateway) echo '^(auth|catalog|orders|notifications)\.' ;;
    orders) echo '^(catalog\.books\.lookup|auth\.jwks)$' ;;
    *) echo '^auth\.jwks$' ;;
  esac
}

for service in "${SERVICES[@]}"; do
  var=BROKER_PASSWORD_${service^^}
  password=${!var:-$(broker_dev_password "$service")}
  "${ctl[@]}" add_user "$service" "$password" >/dev/null 2>&1 || "${ctl[@]}" change_password "$service" "$password" >/dev/null
  if [[ $service == gateway ]]; then
    # Its broadcast queues are server-named (amq.gen-*), exclusive; it binds them to the events
    # exchange and publishes requests to the RPC exchange. No write on amq.default: it never replies.
    configure='^(bookstore\.(events|rpc)|amq\.gen-.*)$'
    write='^(bookstore\.rpc|amq\.gen-.*)$'
    read='^(bookstore\.events|amq\.gen-.*)$'
  else
    # Its own queues (<service>.*) and the two exchanges. Write on amq.default: Nest answers a request
    # through direct reply-to, which RabbitMQ 3.10 checks as a write on the default exchange.
    configure="^(bookstore\\.(events|rpc)|$service\\..*)\$"
    write="^(amq\\.default|bookstore\\.(events|rpc)|$service\\..*)\$"
    read="^(bookstore\\.(events|rpc)|$service\\..*)\$"
  fi
  "${ctl[@]}" set_permissions -p "$vhost" "$service" "$configure" "$write" "$read" >/dev/null
  # Topic read = the binding keys it may bind its queues with.
  "${ctl[@]}" set_topic_permissions -p "$vhost" "$service" bookstore.events "$(events_write "$service")" '.*' >/dev/null
  if [[ $service == gateway ]]; then rpc_read='^$'; else rpc_read="^$service\\."; fi
  "${ctl[@]}" set_topic_permissions -p "$vhost" "$service" bookstore.rpc "$(rpc_write "$service")" "$rpc_read" >/dev/null
done
