#!/usr/bin/env node
// What FerretDB's PostgreSQL does for each query shape the order pipeline uses: runs every shape
// N times against a scratch collection of --docs documents and reads, from pg_stat_user_tables, the
// sequential and index scans it caused per call (waiting out PostgreSQL's late counter publishing)
// and the time per call. Drops its scratch database at the end. Needs the PostgreSQL that
// tools/infra/infra.sh runs for FerretDB.
//   node bench/query-shapes.mjs [--docs 2000] [--calls 10]
import mongoose from 'mongoose';

import { parseArgs } from './lib/cli.mjs';
import { psql } from './lib/db-ops.mjs';
import { sleep } from './lib/http.mjs';
import { printTable } from './lib/table.mjs';

const options = parseArgs(process.argv.slice(2), { docs: 2000, calls: 10 });
const DB = 'query_shapes_probe';

// The shapes, named for where the pipeline uses them.
const SHAPES = {
  'findById + projection (order read)': (c, i) => c.findOne({ _id: `id${i}` }, { projection: { outbox: 0 } }),
  'find _id + outbox.0 (relay, kicked)': (c, i) =>
    c.find({ _id: `id${i}`, 'outbox.0': { $exists: true } }).toArray(),
  'find outbox.0 (relay sweep)': (c) =>
    c
      .find({ 'outbox.0': { $exists: true } })
      .limit(200)
      .toArray(),
  'find _id $in (book quotes)': (c, i) => c.find({ _id: { $in: [`id${i}`, `id${i + 1}`] } }).toArray(),
  'updateOne _id + condition (pop, take)': (c, i) =>
    c.updateOne({ _id: `id${i}`, 'outbox.0.eventId': 'none' }, { $pop: { outbox: -1 } }),
  'findOneAndUpdate _id + status (transition)': (c, i) =>
    c.findOneAndUpdate({ _id: `id${i}`, status: 'P' }, { $set: { v: i } }),
  'exists by _id (inbox)': (c, i) => c.countDocuments({ _id: `id${i}` }, { limit: 1 }),
  'insertOne (order, lock, inbox)': (c, i) => c.insertOne({ _id: `new${i}`, userId: 'x', key: `n${i}` }),
  'deleteOne _id + owner (lock release)': (c, i) => c.deleteOne({ _id: `new${i}`, owner: null }),
  'findOne userId + key (idempotency)': (c, i) => c.findOne({ userId: `u${i % 20}`, key: `k${i}` }),
};

function scans() {
  const rows = psql(
    `select coalesce(sum(seq_scan), 0), coalesce(sum(idx_scan), 0) from pg_stat_user_tables
      where schemaname = '${DB}' and relname like 'docs\\_%'`,
  );
  if (!rows) throw new Error("cannot read FerretDB's PostgreSQL (see bench/lib/db-ops.mjs)");
  return rows[0].map(Number);
}

const connection = await mongoose
  .createConnection(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', { dbName: DB, maxPoolSize: 1 })
  .asPromise();
try {
  const docs = connection.db.collection('docs');
  await docs.drop().catch(() => undefined);
  await docs.createIndex({ userId: 1, key: 1 }, { unique: true });
  await docs.insertMany(
    Array.from({ length: options.docs }, (_, i) => ({
      _id: `id${i}`,
      userId: `u${i % 20}`,
      key: `k${i}`,
      status: 'P',
      outbox: i % 100 === 0 ? [{ eventId: `e${i}` }] : [],
    })),
  );
  // PostgreSQL publishes a backend's counters up to 10 s late (PGSTAT_IDLE_INTERVAL).
  await sleep(11_000);
  let before = scans();
  const rows = [];
  for (const [shape, run] of Object.entries(SHAPES)) {
    const t0 = performance.now();
    for (let i = 0; i < options.calls; i++) await run(docs, i);
    const ms = (performance.now() - t0) / options.calls;
    await sleep(11_000);
    const after = scans();
    rows.push({
      shape,
      seq: (after[0] - before[0]) / options.calls,
      idx: (after[1] - before[1]) / options.calls,
      ms: Number(ms.toFixed(1)),
    });
    before = after;
  }
  printTable(
    `FerretDB on PostgreSQL: scans and time per call, ${options.docs} documents, ${options.calls} calls each`,
    [
      ['shape', 'query shape'],
      ['seq', 'seq scans'],
      ['idx', 'index scans'],
      ['ms', 'ms per call'],
    ],
    rows,
  );
} finally {
  await connection.dropDatabase().catch(() => undefined);
  await connection.close();
}
