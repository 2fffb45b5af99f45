#!/usr/bin/env node
// Checks that the MongoDB-compatible server at MONGO_URL applies conditional updates atomically,
// which the services rely on (stock reservations, state transitions, outbox appends):
//   - 60 concurrent findOneAndUpdate({_id, stock: {$gte: 1}}, {$inc: {stock: -1}}) on stock 20
//     must give exactly 20 successes and leave stock 0 (FerretDB 1.x let all 60 "succeed");
//   - 40 concurrent $push on one document must leave 40 elements (no lost update).
// Runs on a throwaway database it drops afterwards. Exit 0: atomic; 1: not atomic; 2: could not ask.
//   node tools/infra/probe-atomicity.mjs [mongodb://127.0.0.1:27017]
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const url = process.argv[2] ?? process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
const DECREMENTS = 60;
const STOCK = 20;
const PUSHES = 40;

function fail(code, message) {
  console.error(`[probe] ${message}`);
  process.exit(code);
}

let MongoClient;
try {
  // The driver mongoose depends on, from the project's node_modules (no dependency of our own).
  ({ MongoClient } = createRequire(join(root, 'package.json'))('mongodb'));
} catch {
  fail(2, 'the mongodb driver is not in node_modules: run `npm ci` first');
}

// A pool as large as the burst, so the operations really reach the server at the same time.
const client = new MongoClient(url, {
  maxPoolSize: DECREMENTS,
  serverSelectionTimeoutMS: 5000,
  directConnection: true,
});
const dbName = `bookstore_probe_${process.pid}_${Date.now().toString(36)}`;
const t0 = performance.now();
const problems = [];
try {
  await client.connect();
  const db = client.db(dbName);
  const items = db.collection('items');
  await items.insertMany([
    { _id: 'stock', stock: STOCK },
    { _id: 'list', entries: [] },
  ]);
  // Open the pool's connections first: otherwise the burst is partly serialised by connecting.
  await Promise.all(Array.from({ length: DECREMENTS }, () => items.findOne({ _id: 'stock' })));

  const taken = await Promise.all(
    Array.from({ length: DECREMENTS }, () =>
      items.findOneAndUpdate({ _id: 'stock', stock: { $gte: 1 } }, { $inc: { stock: -1 } }),
    ),
  );
  const successes = taken.filter((doc) => doc !== null).length;
  const { stock } = await items.findOne({ _id: 'stock' });
  if (successes !== STOCK || stock !== 0) {
    problems.push(
      `${DECREMENTS} concurrent conditional decrements of stock ${STOCK}: ${successes} succeeded, stock ended at ${stock} (expected ${STOCK} and 0)`,
    );
  }

  await Promise.all(
    Array.from({ length: PUSHES }, (_, i) => items.updateOne({ _id: 'list' }, { $push: { entries: i } })),
  );
  const { entries } = await items.findOne({ _id: 'list' });
  if (entries.length !== PUSHES) {
    problems.push(`${PUSHES} concurrent $push on one document kept ${entries.length} elements`);
  }
} catch (error) {
  await client
    .db(dbName)
    .dropDatabase()
    .catch(() => undefined);
  await client.close().catch(() => undefined);
  fail(2, `could not probe ${url}: ${error.message}`);
}
await client
  .db(dbName)
  .dropDatabase()
  .catch(() => undefined);
await client.close();
const ms = Math.round(performance.now() - t0);
if (problems.length) {
  fail(1, `NOT ATOMIC: ${problems.join('; ')} (${ms} ms)`);
}
console.error(
  `[probe] conditional updates are atomic (${STOCK}/${DECREMENTS} decrements won, ${PUSHES}/${PUSHES} pushes kept; ${ms} ms)`,
);
