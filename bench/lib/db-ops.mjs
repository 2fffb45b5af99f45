// Database operations by collection and kind, read from the PostgreSQL that FerretDB stores into
// (each collection is a table `<collection>_<hash>` in a schema named after the database). Snapshot
// before and after a phase; the difference says what one order costs: rows inserted, updated,
// deleted, the scans (sequential or by index) that FerretDB's reads and filtered writes ran, and
// the rows those sequential scans read (what a scan costs grows with its collection).
// Null when that PostgreSQL cannot be asked (MongoDB proper, or not run by tools/infra/infra.sh).
import { spawnSync } from 'node:child_process';

const PG_PORT = process.env.BOOKSTORE_PG_PORT ?? '54329';
const KINDS = ['inserted', 'updated', 'deleted', 'seqScans', 'seqRowsRead', 'indexScans'];

/** Runs one query on FerretDB's PostgreSQL; rows as arrays of strings, or null when it cannot. */
export function psql(sql) {
  const args = ['-h', '127.0.0.1', '-p', PG_PORT, '-U', 'postgres', '-d', 'ferretdb', '-tAF', '|', '-c', sql];
  // infra.sh runs PostgreSQL as the postgres user with trust authentication on loopback.
  const asRoot = process.getuid?.() === 0;
  const out = asRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', 'psql', ...args], { encoding: 'utf8' })
    : spawnSync('psql', args, { encoding: 'utf8' });
  if (out.status !== 0) return null;
  return out.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('|'));
}

/** Commits of the whole FerretDB database (every sandbox) and per-collection counters of ours. */
export function dbSnapshot(schemaPrefix = process.env.ORDERS_MONGO_DB?.split('_')[0] ?? '') {
  const commits = psql(`select xact_commit from pg_stat_database where datname = 'ferretdb'`);
  const rows = psql(
    `select schemaname, relname, n_tup_ins, n_tup_upd, n_tup_del, seq_scan, seq_tup_read, coalesce(idx_scan, 0)
       from pg_stat_user_tables where schemaname like '${schemaPrefix.replace(/[^a-z0-9]/gi, '')}\\_%'`,
  );
  if (!commits || !rows) return null;
  const tables = {};
  for (const [schema, table, ...counts] of rows) {
    const name = `${schema.replace(/^[^_]*_/, '')}.${table.replace(/_[0-9a-f]{8}$/, '')}`;
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
