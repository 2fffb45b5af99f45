#!/usr/bin/env node
// `npm run test:chaos`: while orders arrive at a steady rate, kill and restart in turn the catalog
// service, the orders service (SIGKILL, then start-one), RabbitMQ and MongoDB; then check that every
// order settled, stock equals confirmed quantities exactly, no event was lost or applied twice, and
// the gateway answered every request within the bound. Starts a private system (sandbox 8 unless
// --sandbox/--attach) and stops what it started. RabbitMQ/MongoDB are restarted only when this run
// started them, or with --restart-shared-infra (they are shared by every system on the machine).
// Options: --faults catalog,orders,rabbitmq,mongodb  --rate N  --down S  --settle S  --customers N
// --books N  --stock N  --request-timeout MS  --sandbox N  --attach  --no-build  --restart-shared-infra
import { parseArgs } from '../../bench/lib/cli.mjs';
import { adminLogin, createBooks, createCustomers } from '../../bench/lib/fixtures.mjs';
import { servicePids } from '../../bench/lib/footprint.mjs';
import { sleep } from '../../bench/lib/http.mjs';
import { writeResults } from '../../bench/lib/results.mjs';
import { bringUpSystem, stopOnSignals } from '../../bench/lib/sandbox.mjs';
import { summarize } from '../../bench/lib/stats.mjs';
import { infraDown, infraUp } from '../lib/infra.mjs';
import { auditNotificationsEventually, auditOrders, resolveUncertain, waitSettled } from './audit.mjs';
import { deadLetterDepths } from './dead-letters.mjs';
import { INFRA_FAULTS, infraRestartPolicy, injectFault } from './faults.mjs';
import { printChaosReport } from './report.mjs';
import { SteadyLoad } from './steady-load.mjs';

const options = parseArgs(process.argv.slice(2), {
  faults: ['catalog', 'orders', 'rabbitmq', 'mongodb'],
  rate: 10,
  down: 5,
  settle: 15,
  customers: 10,
  books: 3,
  stock: 400,
  requestTimeout: 10_000,
  sandbox: 8,
  attach: false,
  noBuild: false,
  restartSharedInfra: false,
});

async function main() {
  const startedInfra = infraUp();
  const up = await bringUpSystem({
    sandbox: options.sandbox,
    attach: options.attach,
    build: !options.noBuild,
  });
  const stopEverything = async () => {
    await up.stop();
    infraDown(startedInfra);
  };
  stopOnSignals(stopEverything);
  const result = { options, faults: [], skipped: [] };
  try {
    const admin = await adminLogin();
    const books = await createBooks(admin, options.books, options.stock, 'chaos');
    const customers = await createCustomers(options.customers, 'chaos');
    // Parked messages already in the vhost (earlier runs) are not this run's losses.
    const dlqBefore = await deadLetterDepths(process.env.AMQP_URL).catch(() => ({}));
    const load = new SteadyLoad({ customers, books, rate: options.rate, timeoutMs: options.requestTimeout });
    console.log(`[chaos] steady load: ${options.rate} orders/s from ${customers.length} customers`);
    load.start();
    await sleep(options.settle * 1000);
    for (const fault of options.faults) {
      if (INFRA_FAULTS.includes(fault)) {
        const policy = infraRestartPolicy(fault, startedInfra, options.restartSharedInfra);
        if (!policy.allowed) {
          console.log(`[chaos] skipping ${fault}: ${policy.reason}`);
          result.skipped.push({ fault, reason: policy.reason });
          continue;
        }
      }
      console.log(`[chaos] fault: ${fault}`);
      const record = await injectFault(fault, { system: up.system, downS: options.down });
      record.crashed = await recover(up.system);
      record.healthyAt = Date.now();
      record.recoveryMs = record.healthyAt - record.downAt;
      console.log(`[chaos] ${fault}: healthy again after ${record.recoveryMs} ms`);
      result.faults.push(record);
      await sleep(options.settle * 1000);
    }
    await load.stop();
    result.load = loadFigures(load, result.faults);
    result.retries = await resolveUncertain(load.placements, console.log);
    const orders = await waitSettled(customers, 120_000, console.log);
    result.orders = await auditOrders(books, load.placements, orders);
    result.notifications = await auditNotificationsEventually(customers, orders, 60_000);
    const dlqAfter = await deadLetterDepths(process.env.AMQP_URL).catch((error) => ({
      error: error.message,
    }));
    result.deadLetters = dlqAfter.error
      ? dlqAfter
      : Object.fromEntries(Object.entries(dlqAfter).map(([q, n]) => [q, (n ?? 0) - (dlqBefore[q] ?? 0)]));
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
      .filter(([, pid]) => !isAlive(pid))
      .map(([app]) => app);
    for (const app of crashed) {
      console.log(`[chaos] ${app} is not running (crashed on the fault): starting it again`);
      system.startOne(app);
    }
    await system.waitHealthy(180_000);
    return crashed;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
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
      requests: inside.length,
      byStatus: byStatus(inside),
      maxMs: Math.round(Math.max(0, ...inside.map((r) => r.ms))),
    };
  });
  return {
    requests: load.requests.length,
    hung: load.requests.filter((r) => r.timedOut).length,
    byStatus: byStatus(load.requests),
    ordersAttempted: load.placements.length,
    skippedForBackpressure: load.skipped,
    latencyMs: summarize(load.requests.map((r) => r.ms)),
    windows,
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
    deadLettersEmpty: dlq.error ? null : Object.values(dlq).every((v) => !v),
    noServiceCrashed: result.faults.every((f) => !f.crashed?.length),
  };
  return { ...checks, all: Object.values(checks).every((v) => v !== false) };
}

main().catch(async (error) => {
  console.error(`[chaos] ${error.stack ?? error.message}`);
  process.exit(1);
});
