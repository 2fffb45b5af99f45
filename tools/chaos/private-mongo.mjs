// A MongoDB of the chaos suite's own, built like tools/infra/infra.sh's: FerretDB 2 on its own
// PostgreSQL 18 + DocumentDB (from the cached DocumentDB root, via chroot), on its own ports and
// data, so killing it never touches the shared MongoDB other systems on the machine use. Needs what
// `infra.sh up` prepared once per machine (the FerretDB binary and the root) and root privileges.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import { sleep } from '../../bench/lib/http.mjs';
import { ROOT } from '../../bench/lib/paths.mjs';
import { alive, answers, killGroup, waitUntil } from './processes.mjs';

const CACHE = process.env.BOOKSTORE_CACHE ?? join(homedir(), '.cache/bookstore');
const FERRETDB = join(CACHE, 'bin/ferretdb-v2.7.0');
const DOCDB_ROOT = join(CACHE, 'documentdb-root');
const PG_BIN = '/usr/lib/postgresql/18/bin'; // inside DOCDB_ROOT

export class PrivateMongo {
  constructor({ port = 27037, pgPort = 54339 } = {}) {
    this.port = port;
    this.pgPort = pgPort;
    // Inside the root, like infra.sh's PG_DATA (its postgres user may not reach the checkout).
    this.pgData = `/var/lib/bookstore/chaos-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}`;
    this.stateDir = join(ROOT, '.infra/chaos/ferretdb');
  }

  get url() {
    return `mongodb://127.0.0.1:${this.port}`;
  }

  /** Whether this machine has what it needs (infra.sh built FerretDB and the root, and we are root). */
  static available() {
    if (!existsSync(FERRETDB)) return { ok: false, reason: `${FERRETDB} is missing (run infra.sh up once)` };
    if (!existsSync(join(DOCDB_ROOT, 'etc/bookstore-documentdb-root')))
      return { ok: false, reason: `${DOCDB_ROOT} is not prepared (run infra.sh up once)` };
    if (process.getuid?.() !== 0) return { ok: false, reason: 'chroot into the DocumentDB root needs root' };
    return { ok: true, reason: '' };
  }

  /** A fresh PostgreSQL cluster and FerretDB on it. */
  async start(log) {
    for (const port of [this.port, this.pgPort]) {
      if (await answers(port)) throw new Error(`port ${port} is already in use: another chaos run?`);
    }
    const user =
      this.chroot(['id', '-u', 'postgres']).trim() + ':' + this.chroot(['id', '-g', 'postgres']).trim();
    this.user = user;
    rmSync(join(DOCDB_ROOT, this.pgData), { recursive: true, force: true });
    mkdirSync(join(DOCDB_ROOT, this.pgData), { recursive: true, mode: 0o700 });
    spawnSync('chown', [user, join(DOCDB_ROOT, this.pgData)]);
    this.chroot(
      [
        '--userspec',
        user,
        PG_BIN + '/initdb',
        '-D',
        this.pgData,
        '-A',
        'trust',
        '-U',
        'postgres',
        '-E',
        'UTF8',
        '--locale=C.UTF-8',
      ],
      true,
    );
    await this.boot();
    this.psql('CREATE EXTENSION IF NOT EXISTS documentdb CASCADE');
    log?.(`[chaos] MongoDB (FerretDB on its own PostgreSQL) up on ${this.url}`);
  }

  /**
   * A crash: FerretDB SIGKILLed and its PostgreSQL shut down "immediately" (SIGQUIT: no checkpoint,
   * crash recovery on the next start; a SIGKILLed postmaster could leave its backends holding the
   * shared memory and block that start).
   */
  async kill() {
    killGroup(this.ferret, 'SIGKILL');
    killGroup(this.postgres, 'SIGQUIT');
    await waitUntil(
      async () => !alive(this.ferret) && !alive(this.postgres),
      30_000,
      'MongoDB still running',
    );
  }

  async restart() {
    await this.boot();
  }

  async destroy() {
    killGroup(this.ferret, 'SIGTERM');
    killGroup(this.postgres, 'SIGINT');
    const deadline = Date.now() + 30_000;
    while ((alive(this.ferret) || alive(this.postgres)) && Date.now() < deadline) await sleep(250);
    killGroup(this.ferret, 'SIGKILL');
    killGroup(this.postgres, 'SIGKILL');
    await sleep(500);
    rmSync(join(DOCDB_ROOT, this.pgData), { recursive: true, force: true });
    rmSync(this.stateDir, { recursive: true, force: true });
  }

  async boot() {
    // infra.sh's settings except two, because the kill is a crash and crash recovery must restore
    // what was acknowledged: synchronous_commit stays on (off loses the last ~0.6 s of commits
    // PostgreSQL had acknowledged), and full_page_writes stays on (off, recovery after an immediate
    // shutdown left DocumentDB's RUM indexes corrupt: inserts failed with "invalid input BSON:
    // Invalid single value document", sweeps with "right sibling of RUM page is of different
    // type", and queries spun forever; tried 2026-11-30). fsync stays off: the OS does not crash.
    this.postgres = spawn(
      'chroot',
      [
        '--userspec',
        this.user,
        DOCDB_ROOT,
        `${PG_BIN}/postgres`,
        '-D',
        this.pgData,
        '-p',
        String(this.pgPort),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'fsync=off',
        '-c',
        'full_page_writes=on',
        '-c',
        'max_connections=200',
        '-c',
        'dynamic_shared_memory_type=mmap',
        '-c',
        'shared_preload_libraries=pg_cron,pg_documentdb_core,pg_documentdb',
        '-c',
        'cron.database_name=postgres',
        '-c',
        'cron.log_run=off',
        '-c',
        'cron.log_statement=off',
      ],
      { stdio: 'ignore', detached: true },
    );
    await waitUntil(
      () => answers(this.pgPort),
      60_000,
      'PostgreSQL did not answer',
      () => !alive(this.postgres),
    );
    // Listening comes before accepting queries (crash recovery after a kill).
    await waitUntil(async () => this.tryPsql('select 1'), 60_000, 'PostgreSQL did not accept queries');
    mkdirSync(this.stateDir, { recursive: true });
    this.ferret = spawn(
      FERRETDB,
      [
        `--postgresql-url=postgres://postgres@127.0.0.1:${this.pgPort}/postgres`,
        `--listen-addr=127.0.0.1:${this.port}`,
        '--no-auth',
        `--state-dir=${this.stateDir}`,
        '--telemetry=disable',
        '--debug-addr=-',
        '--log-level=WARN',
      ],
      { stdio: 'ignore', detached: true },
    );
    await waitUntil(
      () => answers(this.port),
      60_000,
      'FerretDB did not answer',
      () => !alive(this.ferret),
    );
  }

  chroot(args, quiet = false) {
    const out = spawnSync(
      'chroot',
      args[0] === '--userspec' ? [args[0], args[1], DOCDB_ROOT, ...args.slice(2)] : [DOCDB_ROOT, ...args],
      {
        encoding: 'utf8',
      },
    );
    if (out.status !== 0) throw new Error(`chroot ${args.join(' ')}: ${out.stderr}`);
    return quiet ? '' : out.stdout;
  }

  psql(sql) {
    return this.chroot([
      `${PG_BIN}/psql`,
      '-X',
      '-w',
      '-h',
      '127.0.0.1',
      '-p',
      String(this.pgPort),
      '-U',
      'postgres',
      '-d',
      'postgres',
      '-v',
      'ON_ERROR_STOP=1',
      '-tAqc',
      sql,
    ]);
  }

  tryPsql(sql) {
    try {
      this.psql(sql);
      return true;
    } catch {
      return false;
    }
  }
}
