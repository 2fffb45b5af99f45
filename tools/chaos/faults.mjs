// The faults the chaos suite injects, in turn, each followed by a restart after `--down` seconds:
// SIGKILL of one instance of a service (its other replicas keep serving), SIGKILL of a broker node
// of the suite's own cluster (the one leading a queue, or another), and a crash of the suite's own
// MongoDB. Shared infrastructure is never touched.
import { sleep } from '../../bench/lib/http.mjs';

export const SERVICE_FAULTS = ['auth', 'catalog', 'orders', 'notifications', 'gateway'];
/** broker-leader: the node leading orders' events queue; broker-node: a node leading none of it. */
export const BROKER_FAULTS = ['broker-leader', 'broker-node'];
export const MONGO_FAULTS = ['mongodb'];
export const ALL_FAULTS = [...SERVICE_FAULTS, ...BROKER_FAULTS, ...MONGO_FAULTS];

/** The queue whose leader `broker-leader` kills: where every order's saga events arrive. */
export function sagaQueue(cluster) {
  const names = cluster.queues().map((q) => q.name);
  return (
    names.find((n) => n === 'orders.events') ??
    names.find((n) => /^orders\.events(\.|$)/.test(n) && !/retry|dlq|dead/.test(n))
  );
}

/** Whether the run can inject `fault`: { allowed, reason }. */
export function faultPolicy(fault, { cluster, mongo }) {
  if (!ALL_FAULTS.includes(fault))
    return { allowed: false, reason: `unknown fault (one of ${ALL_FAULTS.join(', ')})` };
  if (BROKER_FAULTS.includes(fault) && !cluster)
    return { allowed: false, reason: 'no private broker cluster' };
  if (MONGO_FAULTS.includes(fault) && !mongo) return { allowed: false, reason: 'no private MongoDB' };
  return { allowed: true, reason: '' };
}

/** Injects one fault; resolves { fault, target, downAt, upAt } (ms since epoch). */
export async function injectFault(fault, { system, cluster, mongo, downS, log }) {
  let target;
  let restart;
  const downAt = Date.now();
  if (SERVICE_FAULTS.includes(fault)) {
    target = fault; // replica 1; replica 2 (`<app>-2`) keeps serving
    await system.stopOne(target, 'SIGKILL');
    restart = async () => system.startOne(target);
  } else if (BROKER_FAULTS.includes(fault)) {
    const queue = sagaQueue(cluster);
    const leader = queue ? cluster.leaderOf(queue) : null;
    if (fault === 'broker-leader' && !leader)
      throw new Error(`no leader found for ${queue ?? 'orders.events'} (not a quorum queue?)`);
    const node =
      fault === 'broker-leader'
        ? cluster.nodeNamed(leader)
        : cluster.nodes.filter((n) => n.name !== leader).at(-1);
    target = `${node.name}${fault === 'broker-leader' ? ` (leader of ${queue})` : ''}`;
    log(`[chaos] killing ${target}`);
    await cluster.kill(node);
    restart = () => cluster.restart(node);
  } else {
    target = mongo.url;
    await mongo.kill();
    restart = () => mongo.restart();
  }
  await sleep(downS * 1000);
  await restart();
  return { fault, target, downAt, upAt: Date.now() };
}
