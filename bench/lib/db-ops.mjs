// Database operations by collection and kind, read from the PostgreSQL that FerretDB 2 stores into
// through the DocumentDB extension (tools/infra/infra.sh). DocumentDB keeps every collection of
// every database in one table `documentdb_data.documents_<collection_id>`, named in its catalog
// `documentdb_api_catalog.collections`. Snapshot before and after a phase; the difference says
// what one order costs: database commits, rows inserted, updated, deleted, the scans (sequential
// or by index) that FerretDB's reads and filtered writes ran, and the rows those sequential scans
// read (what a scan costs grows with its collection).
// Null when that PostgreSQL cannot be asked (MongoDB proper, or not run by tools/infra/infra.sh).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PG_PORT = process.env.BOOKSTORE_PG_PORT ?? '54329';
const KINDS = ['inserted', 'updated', 'deleted', 'seqScans', 'seqRowsRead', 'indexScans'];
// FerretDB keeps everything in the postgres database.
const DATABASE = 'postgres';
// Where infra.sh records the Debian root its PostgreSQL 18 runs from (its psql is there).
const ROOT_FILE = join(dirname(fileURLToPath(import.meta.url)), '../../.infra/run/postgres.root');
const PSQL_IN_ROOT = '/usr/lib/postgresql/18/bin/psql';

/**
 * The psql commands to try, best first: the one next to the server (same major version; chroot
 * needs root), then the host's own. Both over TCP: infra.sh's PostgreSQL trusts loopback.
 */
function psqlCommands() {
  const commands = [];
  if (process.getuid?.() === 0 && existsSync(ROOT_FILE)) {
    const root = readFileSync(ROOT_FILE, 'utf8').trim();
    if (root && existsSync(join(root, PSQL_IN_ROOT))) commands.push(['chroot', [root, PSQL_IN_ROOT]]);
  }
  commands.push(['psql', []]);
  return commands;
}

/** Runs one query on FerretDB's PostgreSQL; rows as arrays of strings, or null when it cannot. */
export function psql(sql) {
  const args = ['-X', '-w', '-h', '127.0.0.1', '-p', PG_PORT, '-U', 'postgres', '-d', DATABASE];
  for (const [command, prefix] of psqlCommands()) {
    const out = spawnSync(command, [...prefix, ...args, '-tAF', '|', '-c', sql], { encoding: 'utf8' });
    if (out.status !== 0) continue;
    return out.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('|'));
  }
  return null;
}

/**
 * Commits of the whole database (every sandbox, and DocumentDB's own pg_cron jobs: about one a
 * second) and per-collection counters of the databases named `<schemaPrefix>_*`.
 */
export function dbSnapshot(schemaPrefix = process.env.ORDERS_MONGO_DB?.split('_')[0] ?? '') {
  const commits = psql(`select xact_commit from pg_stat_database where datname = '${DATABASE}'`);
  const prefix = schemaPrefix.replace(/[^a-z0-9]/gi, '');
  const rows = psql(
    `select c.database_name, c.collection_name, t.n_tup_ins, t.n_tup_upd, t.n_tup_del, t.seq_scan,
            t.seq_tup_read, coalesce(t.idx_scan, 0)
       from documentdb_api_catalog.collections c
       join pg_stat_user_tables t
         on t.schemaname = 'documentdb_data' and t.relname = 'documents_' || c.collection_id
      where c.database_name like '${prefix}\\_%'`,
  );
  if (!commits || !rows) return null;
  const tables = {};
  for (const [database, collection, ...counts] of rows) {
    const name = `${database.replace(/^[^_]*_/, '')}.${collection}`;
    tables[name] = Object.fromEntries(KINDS.map((kind, i) => [kind, Number(counts[i])]));
  }
  return { commits: Number(commits[0][0]), tables };
}

/** What happened between two snapshots, per order: { commitsPerOrder, perOrder: { table: {...} } }. */
export function dbOpsPerOrder(before, after, orders) {
  if (!before || !after || !orders) return null;
  const perOrder = {};
  const totals = Object.fromEntries(KINDS.map((kind) => [kind, 0]));
  for (const [name, counts] of Object.entries(after.tables)) {
    const row = {};
    for (const kind of KINDS) {
      const delta = counts[kind] - (before.tables[name]?.[kind] ?? 0);
      row[kind] = Number((delta / orders).toFixed(2));
      totals[kind] += delta;
    }
    if (KINDS.some((kind) => row[kind] !== 0)) perOrder[name] = row;
  }
  return {
    // Commits count every sandbox on the shared server: exact only when nothing else runs.
    commitsPerOrder: Number(((after.commits - before.commits) / orders).toFixed(1)),
    totalPerOrder: Object.fromEntries(
      KINDS.map((kind) => [kind, Number((totals[kind] / orders).toFixed(2))]),
    ),
    perOrder,
  };
}
