#!/usr/bin/env node
// `npm run test:chaos`: two replicas of every service (two gateways, the load alternating between
// them) on a three-node RabbitMQ cluster and a MongoDB of the suite's own, under a steady order
// load, while it kills in turn one instance of each service (SIGKILL, restarted after --down s), a
// broker node (the one leading orders' events queue, then another) and MongoDB (FerretDB and its
// PostgreSQL). Then it checks that every order settled, stock equals confirmed quantities exactly,
// no event was lost, applied twice or parked, and prints the result table. Bounded: the faults run
// once each, every wait has a limit. It starts its own system (sandbox 8 unless --sandbox), cluster
// (ports 5691-5693) and MongoDB (27037, PostgreSQL 54339) and stops exactly those; the shared
// infrastructure on the standard ports is never restarted.
// Options: --faults auth,catalog,orders,notifications,gateway,broker-leader,broker-node,mongodb
// --replicas N  --rate N  --down S  --settle S  --customers N  --books N  --stock N
// --request-timeout MS  --sandbox N  --no-build  --no-private-mongo
// --amqp-nodes all|first (first: the services get node 1 only, for builds without AMQP_URL lists)
import { parseArgs } from '../../bench/lib/cli.mjs';
import { adminLogin, createBooks, createCustomers } from '../../bench/lib/fixtures.mjs';
import { servicePids } from '../../bench/lib/footprint.mjs';
import { sleep } from '../../bench/lib/http.mjs';
import { writeResults } from '../../bench/lib/results.mjs';
import { bringUpSystem, stopOnSignals } from '../../bench/lib/sandbox.mjs';
import { summarize } from '../../bench/lib/stats.mjs';
import { infraDown, infraUp } from '../lib/infra.mjs';
import { ensureNodeRuntime } from '../lib/node-runtime.mjs';
import { pidAlive } from '../lib/pid.mjs';
import { auditNotificationsEventually, auditOrders, resolveUncertain, waitSettled } from './audit.mjs';
import { deadLetterCounts } from './dead-letters.mjs';
import { faultPolicy, injectFault } from './faults.mjs';
import { PrivateCluster } from './private-cluster.mjs';
import { PrivateMongo } from './private-mongo.mjs';
import { printChaosReport } from './report.mjs';
import { longestUnavailability, SteadyLoad } from './steady-load.mjs';

const options = parseArgs(process.argv.slice(2), {
  faults: [
    'auth',
    'catalog',
    'orders',
    'notifications',
    'gateway',
    'broker-leader',
    'broker-node',
    'mongodb',
  ],
  replicas: 2,
  rate: 5,
  down: 5,
  settle: 15,
  customers: 10,
  books: 3,
  stock: 2000,
  requestTimeout: 10_000,
  sandbox: 8,
  noBuild: false,
  noPrivateMongo: false,
  amqpNodes: 'all',
});

/** Per-service broker users (tools/dev/sandbox.sh) exist on the shared broker only, not on ours. */
const SERVICE_AMQP_URLS = ['GATEWAY', 'AUTH', 'CATALOG', 'ORDERS', 'NOTIFICATIONS'].map(
  (s) => `${s}_AMQP_URL`,
);

async function main() {
  // Before the private cluster: infra.sh up also installs RabbitMQ, whose binaries the cluster runs,
  // on a machine without it. Redis (not faulted) stays the shared one, in the sandbox's own database.
  // Only the servers started here are stopped at the end (bringUpSystem then finds them all up).
  const startedInfra = infraUp();
  const cluster = new PrivateCluster();
  const mongoCheck = PrivateMongo.available();
  const mongo = options.noPrivateMongo || !mongoCheck.ok ? null : new PrivateMongo();
  const result = { options, faults: [], skipped: [] };
  if (!mongo) {
    const reason = options.noPrivateMongo ? '--no-private-mongo' : mongoCheck.reason;
    console.log(`[chaos] no private MongoDB (${reason}): the shared one is used and not faulted`);
  }
  let up;
  const stopEverything = async () => {
    await up?.stop();
    await cluster.destroy();
    await mongo?.destroy();
    infraDown(startedInfra);
  };
  stopOnSignals(stopEverything);
  try {
    await cluster.start(console.log);
    await mongo?.start(console.log);
    process.env.REPLICAS = String(options.replicas);
    // The private cluster has only its guest account, which a production start refuses (issue 12).
    process.env.NODE_ENV ??= 'development';
    const env = {
      AMQP_URL: options.amqpNodes === 'first' ? cluster.url.split(',')[0] : cluster.url,
      ...Object.fromEntries(SERVICE_AMQP_URLS.map((v) => [v, undefined])),
    };
    if (mongo) env.MONGO_URL = mongo.url;
    up = await bringUpSystem({ sandbox: options.sandbox, attach: false, build: !options.noBuild, env });
    const gateways = up.system.gatewayUrls();
    console.log(`[chaos] ${options.replicas} replicas of each service; gateways ${gateways.join(', ')}`);
    const admin = await adminLogin();
    const books = await createBooks(admin, options.books, options.stock, 'chaos');
    const customers = await createCustomers(options.customers, 'chaos');
    const load = new SteadyLoad({
      customers,
      books,
      rate: options.rate,
      timeoutMs: options.requestTimeout,
      gateways,
    });
    console.log(`[chaos] steady load: ${options.rate} orders/s from ${customers.length} customers`);
    load.start();
    await sleep(options.settle * 1000);
    for (const fault of options.faults) {
      const policy = faultPolicy(fault, { cluster, mongo });
      if (!policy.allowed) {
        console.log(`[chaos] skipping ${fault}: ${policy.reason}`);
        result.skipped.push({ fault, reason: policy.reason });
        continue;
      }
      console.log(`[chaos] fault: ${fault}`);
      const record = await injectFault(fault, {
        system: up.system,
        cluster,
        mongo,
        downS: options.down,
        log: console.log,
      });
      record.crashed = await recover(up.system);
      record.healthyAt = Date.now();
      record.recoveryMs = record.healthyAt - record.downAt;
      console.log(`[chaos] ${fault}: every instance healthy again after ${record.recoveryMs} ms`);
      result.faults.push(record);
      await sleep(options.settle * 1000);
    }
    await load.stop();
    result.load = loadFigures(load, result.faults);
    result.retries = await resolveUncertain(load.placements, console.log);
    const orders = await waitSettled(customers, 120_000, console.log);
    result.orders = await auditOrders(books, load.placements, orders);
    result.notifications = await auditNotificationsEventually(customers, orders, 60_000);
    result.deadLetters = await deadLetterCounts(
      cluster,
      process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017',
    ).catch((error) => ({ error: error.message }));
    result.summary = summaryRow(result);
  } catch (error) {
    result.error = error.message;
    console.error(`[chaos] ${error.stack ?? error.message}`);
  } finally {
    await stopEverything();
  }
  result.passed = verdict(result);
  printChaosReport(result);
  console.log(`\nresults: ${writeResults('chaos', result)}`);
  process.exit(result.passed.all ? 0 : 1);
}

/**
 * Waits for health; a service that died meanwhile (a crash on the fault is a finding, not the end
 * of the run) is recorded and started again. Returns the names of the crashed services.
 */
async function recover(system) {
  try {
    await system.waitHealthy(60_000);
    return [];
  } catch {
    const crashed = Object.entries(servicePids())
      .filter(([, pid]) => !pidAlive(pid))
      .map(([app]) => app);
    for (const app of crashed) {
      console.log(`[chaos] ${app} is not running (crashed on the fault): starting it again`);
      system.startOne(app);
    }
    await system.waitHealthy(180_000);
    return crashed;
  }
}

/** Request outcomes, overall and per fault window (from the kill until healthy again). */
function loadFigures(load, faults) {
  const byStatus = (requests) =>
    requests.reduce((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
  const windows = faults.map((f) => {
    const inside = load.requests.filter((r) => r.at >= f.downAt && r.at <= f.healthyAt);
    return {
      fault: f.fault,
      target: f.target,
      requests: inside.length,
      byStatus: byStatus(inside),
      maxMs: Math.round(Math.max(0, ...inside.map((r) => r.ms))),
      unavailableMs: longestUnavailability(load.requests, f.downAt, f.healthyAt),
    };
  });
  return {
    requests: load.requests.length,
    hung: load.requests.filter((r) => r.timedOut).length,
    byStatus: byStatus(load.requests),
    ordersAttempted: load.placements.length,
    skippedForBackpressure: load.skipped,
    failedOverToAnotherGateway: load.failedOver,
    unavailableMs: longestUnavailability(load.requests),
    latencyMs: summarize(load.requests.map((r) => r.ms)),
    windows,
  };
}

/** The result table: placed, CONFIRMED, lost, applied twice, mismatches, parked, outage. */
function summaryRow(result) {
  const o = result.orders;
  const n = result.notifications;
  const dlq = Object.values(result.deadLetters ?? {}).filter((v) => typeof v === 'number');
  return {
    // Orders that exist: answered 201 at once, or after a re-send with their Idempotency-Key.
    placed: o.listed,
    answered201AtOnce: o.accepted,
    confirmed: o.invariant.byStatus.CONFIRMED ?? 0,
    rejected: o.invariant.byStatus.REJECTED ?? 0,
    // Accepted (201) but missing, or never settled; plus settled orders whose event never arrived.
    lost: o.lostAccepted.length + o.invariant.pending + (n?.measured ? n.missing : 0),
    // An event handled twice: a second notification for one order, or one order id twice.
    appliedTwice: (n?.measured ? n.duplicated.length : 0) + o.duplicateIds,
    stockMismatches: o.invariant.books.filter((b) => b.ok !== true).length,
    deadLettered: dlq.reduce((a, b) => a + b, 0),
    longestUnavailableMs: result.load.unavailableMs,
  };
}

function verdict(result) {
  const o = result.orders;
  const n = result.notifications;
  const dlq = result.deadLetters ?? {};
  const checks = {
    completed: !result.error,
    gatewayNeverHung: result.load?.hung === 0,
    noOrderPending: o?.invariant.pending === 0,
    stockMatchesConfirmed: o?.invariant.books.every((b) => b.ok === true) ?? false,
    noAcceptedOrderLost: o?.lostAccepted.length === 0,
    noEventAppliedTwice: n?.measured ? n.duplicated.length === 0 : null,
    noEventLost: n?.measured ? n.missing === 0 : null,
    deadLettersEmpty: result.deadLetters ? (dlq.error ? null : Object.values(dlq).every((v) => !v)) : false,
    noServiceCrashed: result.faults.every((f) => !f.crashed?.length),
  };
  return { ...checks, all: Object.values(checks).every((v) => v !== false) };
}

// Everything below runs on Node 24 (re-executed under the cached binary on an older Node).
await ensureNodeRuntime();
main().catch(async (error) => {
  console.error(`[chaos] ${error.stack ?? error.message}`);
  process.exit(1);
});
