#!/usr/bin/env node
// `npm run bench`: starts a private copy of the system (sandbox 8 by default: own vhost, Redis db,
// Mongo databases, ports), then measures
//   hot-read   GET /books/:id through the gateway (warm cache) vs a bare node:http server
//   profile    the gateway under --cpu-prof during the hot read: top frames and packages
//   tracing    the hot read with tracing on and no exporter against OTEL_SDK_DISABLED=true (the
//              gateway restarted in each mode, alternating over --rounds, at --tracing-connections)
//   orders     the order pipeline: accepted and confirmed orders/s, time to CONFIRMED, invariant
//   footprint  resident memory of each service idle and under load, start-to-healthy time
// prints tables, writes bench/results/bench.json, bench/results/summary.md and latency.svg, and
// stops what it started. Options: --only a,b  --sandbox N  --attach  --no-build  --duration S
// --rounds N (hot read: each side gets --duration seconds in N alternating slices)
// --connections 10,50,100  --tracing-connections 10,50  --customers N  --orders N  --books N
// --stock N  --in-flight N
// --rate N[,N…] (after the closed loop, for each rate place --rate-orders orders, default 20 s
// worth, at N/s: latency at a fixed load, on fresh books of the same stock)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ensureNodeRuntime } from '../tools/lib/node-runtime.mjs';
import { HOT_READ_COLUMNS, HOT_READ_TARGETS, hotReadTable, hotReadVerdict, runHotRead } from './hot-read.mjs';
import { parseArgs } from './lib/cli.mjs';
import { adminLogin, createBooks } from './lib/fixtures.mjs';
import { AFTER_LOAD_SETTLE_MS, RssSampler, SETTLE_MS, snapshot } from './lib/footprint.mjs';
import { sleep } from './lib/http.mjs';
import { reportOrders } from './lib/order-report.mjs';
import { RESULTS_DIR } from './lib/paths.mjs';
import { writeResults } from './lib/results.mjs';
import { bringUpSystem, stopOnSignals } from './lib/sandbox.mjs';
import { round } from './lib/stats.mjs';
import { latencyChart } from './lib/svg.mjs';
import { markdownTable, printTable } from './lib/table.mjs';
import { runOrderPipeline } from './order-pipeline.mjs';
import { profileGateway } from './profile.mjs';
import { runTracingCost, TRACING_COLUMNS, tracingTable, tracingVerdictLine } from './tracing.mjs';

const options = parseArgs(process.argv.slice(2), {
  only: ['hot-read', 'profile', 'tracing', 'orders', 'footprint'],
  sandbox: 8,
  attach: false,
  noBuild: false,
  duration: 10,
  rounds: 4,
  connections: ['10', '50', '100'],
  tracingConnections: ['10', '50'],
  customers: 40,
  orders: 800,
  books: 5,
  stock: 400,
  inFlight: 200,
  rate: [],
  rateOrders: 0,
});
const wants = (stage) => options.only.includes(stage);
// Profiling restarts the gateway: on an attached system only when --only names it explicitly.
const onlyGiven = process.argv.some((arg) => /^--only(=|$)/.test(arg));
const profileAsked = onlyGiven && wants('profile');
// So does the tracing stage, in each of its modes.
const tracingAsked = onlyGiven && wants('tracing');

async function stage(name, results, fn) {
  try {
    results[name] = await fn();
  } catch (error) {
    console.error(`[${name}] FAILED: ${error.message}`);
    results[name] = { error: error.message };
  }
}

async function main() {
  // Starts the infrastructure servers that do not answer too, and up.stop() stops only those.
  const up = await bringUpSystem({
    sandbox: options.sandbox,
    attach: options.attach,
    build: !options.noBuild,
    // Tracing with an exporter records every span: the figures are those of the default, no export.
    env: { OTEL_EXPORTER_OTLP_ENDPOINT: undefined },
  });
  const stopEverything = () => up.stop();
  stopOnSignals(stopEverything);
  const results = { options };
  const sampler = new RssSampler();
  try {
    // Idle means settled: each service gives start-up's memory back on its first idle interval
    // (IdleMemoryRelease, libs/shared/platform).
    await sleep(SETTLE_MS);
    const idle = snapshot();
    if (wants('hot-read') || wants('profile')) {
      await stage('hotRead', results, async () => {
        const [book] = await createBooks(await adminLogin(), 1, 10, 'hot-read');
        const connections = options.connections.map(Number);
        const run = await runHotRead({
          bookId: book.id,
          connections,
          durationS: options.duration,
          rounds: Number(options.rounds),
          onPhase: (p) => sampler.phase(p),
        });
        if (wants('profile') && (up.startedHere || profileAsked)) {
          sampler.phase('profile');
          run.profile = await profileGateway({
            system: up.system,
            bookId: book.id,
            durationS: options.duration,
          });
          sampler.phase('idle');
        }
        return run;
      });
    }
    if (wants('tracing') && (up.startedHere || tracingAsked)) {
      sampler.phase('tracing');
      await stage('tracing', results, async () => {
        const [book] = await createBooks(await adminLogin(), 1, 10, 'tracing');
        return runTracingCost({
          system: up.system,
          bookId: book.id,
          connections: options.tracingConnections.map(Number),
          durationS: options.duration,
          rounds: Number(options.rounds),
        });
      });
      sampler.phase('idle');
    }
    if (wants('orders')) {
      sampler.phase('orders');
      await stage('orders', results, () =>
        runOrderPipeline({
          customers: options.customers,
          orders: options.orders,
          books: options.books,
          stock: options.stock,
          inFlight: options.inFlight,
        }),
      );
      for (const rate of options.rate.map(Number).filter((r) => r > 0)) {
        sampler.phase(`orders-at-${rate}`);
        await stage(`ordersAt${rate}`, results, () =>
          runOrderPipeline({
            customers: options.customers,
            orders: options.rateOrders || rate * 20,
            books: options.books,
            stock: options.stock,
            inFlight: options.inFlight,
            rate,
            label: `pipeline-rate-${rate}`,
          }),
        );
      }
      sampler.phase('idle');
    }
    // The "after a load": resident memory once the services are idle again.
    let afterLoad;
    if (wants('footprint') && (wants('orders') || wants('hot-read'))) {
      await sleep(AFTER_LOAD_SETTLE_MS);
      afterLoad = snapshot();
    }
    const { peaks, cpuSeconds, wallSeconds } = sampler.stop();
    // The orders stage reports where the CPU went too (it comes with the footprint table).
    if (wants('footprint') || wants('orders')) {
      results.footprint = {
        ...up.timings,
        idleRssMb: idle,
        afterLoadRssMb: afterLoad,
        peakRssMb: peaks,
        cpuSecondsByPhase: cpuSeconds,
        wallSecondsByPhase: wallSeconds,
      };
    }
  } finally {
    sampler.stop();
    await stopEverything();
  }
  report(results);
}

function report(results) {
  const md = [];
  const hot = results.hotRead;
  if (hot && !hot.error) {
    const rows = hotReadTable(hot);
    printTable(
      `Hot read GET /api/v1/books/:id (${options.duration} s per side and row, in ${options.rounds} alternating rounds)`,
      HOT_READ_COLUMNS,
      rows,
    );
    hot.verdict = hotReadVerdict(hot);
    console.log(
      `targets: ratio ≥ ${HOT_READ_TARGETS.minRatio} ${hot.verdict.ratioMet ? 'met' : 'NOT met'} (min ${hot.verdict.minRatio.toFixed(3)}), p99 < ${HOT_READ_TARGETS.maxP99MsAt50} ms at 50 conns ${hot.verdict.p99Met ? 'met' : 'NOT met'} (${hot.verdict.p99At50} ms)`,
    );
    md.push('### Hot read', markdownTable(HOT_READ_COLUMNS, rows));
    if (hot.profile && !hot.profile.error) {
      const cols = [
        ['name', 'frame / package'],
        ['selfMs', 'self ms'],
        ['pct', '%'],
      ];
      printTable('Gateway CPU profile: top frames (self time)', cols, hot.profile.topFrames.slice(0, 15));
      printTable('Gateway CPU profile: by package', cols, hot.profile.byPackage.slice(0, 12));
      md.push('### Gateway profile by package', markdownTable(cols, hot.profile.byPackage.slice(0, 12)));
      md.push('### Gateway profile top frames', markdownTable(cols, hot.profile.topFrames.slice(0, 15)));
    }
  }
  const tracing = results.tracing;
  if (tracing && !tracing.error) {
    const rows = tracingTable(tracing);
    const title = `Tracing, no exporter, vs OTEL_SDK_DISABLED=true: hot read (${options.rounds} rounds, ${tracing.sliceS} s per side, mode and count)`;
    printTable(title, TRACING_COLUMNS, rows);
    const verdict = tracingVerdictLine(tracing.verdict);
    console.log(verdict);
    md.push(`### ${title}`, markdownTable(TRACING_COLUMNS, rows), verdict);
    // Its own file as well: a later `--only hot-read` run rewrites bench.json without it.
    writeResults('tracing', { options, tracing });
  }
  for (const [key, title] of [
    ['orders', 'Order pipeline: maximum throughput (closed loop)'],
    ...options.rate.map((rate) => [
      `ordersAt${rate}`,
      `Order pipeline at a fixed rate (open loop, ${rate}/s)`,
    ]),
  ]) {
    const orders = results[key];
    if (orders && !orders.error) md.push(`### ${title}`, reportOrders(orders, title));
  }
  const fp = results.footprint;
  if (fp) {
    const apps = Object.keys(fp.idleRssMb);
    const rows = apps.map((app) => ({
      app,
      idle: fp.idleRssMb[app],
      hotRead: fp.peakRssMb['hot-read']?.[app],
      orders: fp.peakRssMb.orders?.[app],
      afterLoad: fp.afterLoadRssMb?.[app],
    }));
    const cols = [
      ['app', 'service'],
      ['idle', 'idle RSS MiB'],
      ['hotRead', 'peak hot read MiB'],
      ['orders', 'peak orders MiB'],
      ['afterLoad', `after the load, idle ${AFTER_LOAD_SETTLE_MS / 1000} s, MiB`],
    ];
    printTable(
      `Footprint (build ${fp.buildMs ?? '–'} ms, start to healthy ${fp.startToHealthyMs ?? '–'} ms)`,
      cols,
      rows,
    );
    const phases = ['hot-read', 'orders', ...options.rate.map((rate) => `orders-at-${rate}`)].filter(
      (p) => fp.cpuSecondsByPhase[p],
    );
    const names = [...new Set(phases.flatMap((p) => Object.keys(fp.cpuSecondsByPhase[p])))];
    const cpuCols = [
      ['name', 'process'],
      ...phases.map((p) => [p, `% of a core, ${p} (${fp.wallSecondsByPhase[p]} s)`]),
    ];
    const cpuRows = names.map((name) =>
      Object.fromEntries([
        ['name', name],
        ...phases.map((p) => [
          p,
          round((100 * (fp.cpuSecondsByPhase[p][name] ?? 0)) / fp.wallSecondsByPhase[p], 0),
        ]),
      ]),
    );
    printTable('CPU while loaded (infrastructure is shared with anything else running)', cpuCols, cpuRows);
    md.push('### CPU while loaded', markdownTable(cpuCols, cpuRows));
    md.push(
      '### Footprint',
      markdownTable(cols, rows),
      `Start (built) to healthy: ${fp.startToHealthyMs ?? '–'} ms.`,
    );
  }
  for (const [name, value] of Object.entries(results)) {
    if (value?.error) console.log(`\n${name}: NOT MEASURED (${value.error})`);
  }
  const path = writeResults('bench', results);
  writeFileSync(join(RESULTS_DIR, 'summary.md'), `${md.join('\n\n')}\n`);
  writeChart(results);
  console.log(`\nresults: ${path}, bench/results/summary.md, bench/results/latency.svg`);
}

function writeChart(results) {
  const panels = [];
  const hot = results.hotRead;
  if (hot && !hot.error) {
    panels.push({
      title: 'Hot read: GET /api/v1/books/:id (gateway solid, bare node:http dashed)',
      series: hot.rows.flatMap((r) => [
        { name: `gateway ${r.connections} conns`, points: r.gateway.curve },
        { name: `bare ${r.connections} conns`, points: r.bare.curve, dashed: true },
      ]),
    });
  }
  const orders = results.orders;
  if (orders && !orders.error && orders.toConfirmedMs.count) {
    panels.push({
      title: 'Order: POST /orders → CONFIRMED',
      series: [
        { name: 'client (SSE notice)', points: orders.toConfirmedMs.curve },
        { name: 'server (statusHistory)', points: orders.serverToConfirmedMs.curve, dashed: true },
        { name: 'POST /orders answered', points: orders.placeLatencyMs.curve },
      ],
    });
  }
  if (panels.length)
    writeFileSync(join(RESULTS_DIR, 'latency.svg'), latencyChart('Bookstore latency distributions', panels));
}

// Everything below runs on Node 24 (re-executed under the cached binary on an older Node).
await ensureNodeRuntime();
main().catch((error) => {
  console.error(`[bench] ${error.stack ?? error.message}`);
  process.exit(1);
});
