// Which processes a system with N replicas per service is made of, and the ports each one gets.
// Pure bookkeeping (no process is touched here), so tools/system/replicas.test.mjs can check it.
//
// Replica 1 of an app keeps the app's name and its configured ports (`orders`, ORDERS_OPS_PORT), so
// a single-replica system is exactly what it always was. Replica r > 1 is `<app>-<r>`: its own pid
// and log file, its ops port REPLICA_PORT_STEP × (r − 1) above the app's, and for the gateway its
// HTTP port r − 1 above GATEWAY_PORT (a second gateway: the callers, e.g. the chaos load, alternate
// between them as a load balancer would).

/** Start order: the services before the gateway, which waits for them to answer its health RPCs. */
export const APPS = ['auth', 'catalog', 'orders', 'notifications', 'gateway'];
export const MAX_REPLICAS = 9;
/** Ops ports of replica r are base + 10 × (r − 1): a sandbox N owns 9N00–9N99, so 9 replicas fit. */
export const REPLICA_PORT_STEP = 10;

/** The apps' own defaults (their config classes), used when the environment sets none. */
const DEFAULT_PORTS = {
  GATEWAY_PORT: 3000,
  GATEWAY_OPS_PORT: 9100,
  AUTH_OPS_PORT: 9101,
  CATALOG_OPS_PORT: 9102,
  ORDERS_OPS_PORT: 9103,
  NOTIFICATIONS_OPS_PORT: 9104,
};

/** The replica count from REPLICAS / --replicas: an integer 1–9; anything else is refused. */
export function replicaCount(value) {
  if (value === undefined || value === '') return 1;
  const text = String(value).trim();
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_REPLICAS) {
    throw new Error(`REPLICAS must be an integer from 1 to ${MAX_REPLICAS} (got "${value}")`);
  }
  return n;
}

/** `orders` for replica 1, `orders-2` for replica 2, … */
export function instanceName(app, replica) {
  if (!APPS.includes(app)) throw new Error(`unknown app "${app}" (one of ${APPS.join(', ')})`);
  return replica === 1 ? app : `${app}-${replica}`;
}

/** The inverse of instanceName: { app, replica }; throws for a name that is not an instance. */
export function parseInstance(name) {
  const match = /^([a-z]+)(?:-([2-9]))?$/.exec(name);
  if (!match || !APPS.includes(match[1])) {
    throw new Error(
      `unknown instance "${name}" (an app of ${APPS.join(', ')}, optionally -2 … -${MAX_REPLICAS})`,
    );
  }
  return { app: match[1], replica: match[2] ? Number(match[2]) : 1 };
}

/** Every instance of a system with `replicas` of each app, in start order (replica by replica). */
export function instances(replicas) {
  const names = [];
  for (let r = 1; r <= replicas; r++) for (const app of APPS) names.push(instanceName(app, r));
  return names;
}

function port(env, variable) {
  const value = env[variable];
  return value === undefined || value === '' ? DEFAULT_PORTS[variable] : Number(value);
}

/**
 * The variables that make `name` a distinct process next to its siblings: its ops port (and the
 * gateway's HTTP port). Replica 1 gets the configured values unchanged; everything else is shared
 * (same broker, databases and Redis: replicas of one service compete for its queue).
 */
export function instanceEnv(name, env) {
  const { app, replica } = parseInstance(name);
  const opsVariable = `${app.toUpperCase()}_OPS_PORT`;
  const overrides = { [opsVariable]: String(port(env, opsVariable) + REPLICA_PORT_STEP * (replica - 1)) };
  if (app === 'gateway') overrides.GATEWAY_PORT = String(port(env, 'GATEWAY_PORT') + replica - 1);
  return overrides;
}

/** The HTTP ports of the gateways of a system with `replicas` gateways. */
export function gatewayPorts(replicas, env) {
  return Array.from({ length: replicas }, (_, i) => port(env, 'GATEWAY_PORT') + i);
}

/** The ops port of every non-gateway instance: readiness is asked there. */
export function serviceOpsPorts(replicas, env) {
  return instances(replicas)
    .filter((name) => parseInstance(name).app !== 'gateway')
    .map((name) => {
      const { app } = parseInstance(name);
      return { name, port: Number(instanceEnv(name, env)[`${app.toUpperCase()}_OPS_PORT`]) };
    });
}
