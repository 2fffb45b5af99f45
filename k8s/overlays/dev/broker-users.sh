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
  # Nobody may write on amq.default: a publish there reaches ANY queue by name. Requests go through
  # bookstore.rpc, replies through bookstore.replies (to the asker's exclusive, server-named amq.gen-*
  # reply queue), and a service hands a message to one of its own queues (retry tier, dead letters,
  # replay) through bookstore.dlx with the queue's name as routing key (topic permission below).
  if [[ $service == gateway ]]; then
    # Its broadcast and reply queues are server-named (amq.gen-*), exclusive; it binds them to the
    # events and replies exchanges and publishes requests to the RPC exchange.
    configure='^(bookstore\.(events|rpc|replies)|amq\.gen-.*)$'
    write='^(bookstore\.rpc|amq\.gen-.*)$'
    read='^(bookstore\.(events|replies)|amq\.gen-.*)$'
  else
    # Its own queues (<service>.*), its reply queues (amq.gen-*: exclusive, so no other connection
    # may use them) and the four exchanges.
    resources="bookstore\\.(events|rpc|replies|dlx)|amq\\.gen-.*|$service\\..*"
    configure="^($resources)\$"
    write="^($resources)\$"
    read="^($resources)\$"
  fi
  "${ctl[@]}" set_permissions -p "$vhost" "$service" "$configure" "$write" "$read" >/dev/null
  # Topic read = the binding keys it may bind its queues with.
  "${ctl[@]}" set_topic_permissions -p "$vhost" "$service" bookstore.events "$(events_write "$service")" '.*' >/dev/null
  if [[ $service == gateway ]]; then rpc_read='^$'; else rpc_read="^$service\\."; fi
  "${ctl[@]}" set_topic_permissions -p "$vhost" "$service" bookstore.rpc "$(rpc_write "$service")" "$rpc_read" >/dev/null
  if [[ $service != gateway ]]; then
    # Only into its own queues (routing key = the queue's name, <service>.*), never another's.
    "${ctl[@]}" set_topic_permissions -p "$vhost" "$service" bookstore.dlx "^$service\\." "^$service\\." >/dev/null
  fi
done
