/**
 * The dead-letter alert in Prometheus's own rule evaluation (issue 14, second "Done when"): a
 * PRIVATE Prometheus (own port, temporary config and data, 1 s scrape and evaluation) scrapes the
 * test system's ops ports and loads the real observability/prometheus/alerts.rules.yml. A poison
 * event published straight to the events exchange fails the orders service's validation, is
 * dead-lettered at once and parked, and the BookstoreDeadLettersParked alert turns pending with
 * its expression true for orders. The rule keeps its production `for` (minutes): the spec asserts
 * pending, which is the rule's expression holding in Prometheus; promtool's unit tests
 * (tests/delivery/src/alert-rules.spec.ts) prove the move to firing.
 */
import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { STOCK_REJECTED } from '@bookstore/shared/contracts';
import { EVENTS_EXCHANGE } from '@bookstore/shared/messaging';
import { api, eventually, loginAdmin } from '@bookstore/shared/testing';
import { connect } from 'amqplib';
import { parse } from 'yaml';

const AMQP_URL = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const RULES = resolve(__dirname, '../../../observability/prometheus/alerts.rules.yml');
const APPS = ['gateway', 'auth', 'catalog', 'orders', 'notifications'] as const;
const ALERT = 'BookstoreDeadLettersParked';

/** The ops port of an app: <APP>_OPS_PORT as the system runner sets it, else the dev default. */
const opsPort = (app: string, index: number) =>
  process.env[`${app.toUpperCase()}_OPS_PORT`] ?? String(9100 + index);

interface Alert {
  labels: Record<string, string>;
  state: 'pending' | 'firing';
  value: string;
}
interface Sample {
  metric: Record<string, string>;
  value: [number, string];
}

/** Prometheus from Debian's package; missing is a failure with the fix, never a skip. */
function prometheusBinary(): string {
  try {
    return execFileSync('bash', ['-c', 'command -v prometheus'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      'prometheus is missing: `bash tools/infra/infra.sh prepare` installs it (Debian package)',
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

describe('alerts in Prometheus', () => {
  let dir: string;
  let prometheus: ChildProcess | undefined;
  let url: string;
  let admin: string;
  const parked: string[] = [];

  const query = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${url}${path}`);
    const body = (await res.json()) as { status: string; data: T };
    if (body.status !== 'success') throw new Error(`${path}: ${JSON.stringify(body)}`);
    return body.data;
  };
  const instant = async (expr: string) =>
    (await query<{ result: Sample[] }>(`/api/v1/query?query=${encodeURIComponent(expr)}`)).result;

  beforeAll(async () => {
    const binary = prometheusBinary();
    dir = mkdtempSync(join(tmpdir(), 'bookstore-alerts-'));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const config = {
      global: { scrape_interval: '1s', evaluation_interval: '1s' },
      rule_files: [RULES],
      // As observability/prometheus/prometheus.yml: one job, targets labelled with their app.
      scrape_configs: [
        {
          job_name: 'bookstore',
          honor_labels: true,
          static_configs: APPS.map((app, index) => ({
            targets: [`127.0.0.1:${opsPort(app, index)}`],
            labels: { service: app },
          })),
        },
      ],
    };
    writeFileSync(join(dir, 'prometheus.yml'), JSON.stringify(config));
    const log = openSync(join(dir, 'prometheus.log'), 'a');
    prometheus = spawn(
      binary,
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: ['ignore', log, log] },
    );
    await eventually(
      () =>
        fetch(`${url}/-/ready`).then(
          (res) => res.ok,
          () => false,
        ),
      (ok) => ok || prometheus?.exitCode !== null,
      { timeoutMs: 30_000, intervalMs: 250 },
    ).catch(() => undefined);
    if (
      prometheus.exitCode !== null ||
      !(await fetch(`${url}/-/ready`).then(
        (res) => res.ok,
        () => false,
      ))
    ) {
      throw new Error(
        `private Prometheus did not start:\n${readFileSync(join(dir, 'prometheus.log'), 'utf8')}`,
      );
    }
    admin = await loginAdmin();
  }, 60_000);

  afterAll(async () => {
    for (const id of parked) await api('DELETE', `/api/v1/admin/dead-letters/${id}`, { token: admin });
    if (prometheus && prometheus.exitCode === null) {
      const exited = new Promise((done) => prometheus?.once('exit', done));
      prometheus.kill('SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 10_000))]);
      if (prometheus.exitCode === null) prometheus.kill('SIGKILL');
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('loads the real rule file and scrapes every app up and ready', async () => {
    const groups = (await query<{ groups: { rules: { name: string }[] }[] }>('/api/v1/rules')).groups;
    const expected = (
      parse(readFileSync(RULES, 'utf8')) as { groups: { rules: { alert: string }[] }[] }
    ).groups
      .flatMap((group) => group.rules.map((rule) => rule.alert))
      .sort();
    expect(groups.flatMap((group) => group.rules.map((rule) => rule.name)).sort()).toEqual(expected);
    const ready = await eventually(
      () => instant('bookstore_ready == 1 and on (service, instance) up == 1'),
      (samples) => samples.length === APPS.length,
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    expect(ready.map((sample) => sample.metric['service']).sort()).toEqual([...APPS].sort());
  }, 45_000);

  it('raises the dead-letter alert for a poison event parked by the orders service', async () => {
    const parkedBefore = await eventually(
      () => instant('bookstore_dead_letters{service="orders"}'),
      (samples) => samples.length === 1,
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    const before = Number(parkedBefore[0].value[1]);
    const messageId = randomUUID();
    const connection = await connect(AMQP_URL);
    try {
      const channel = await connection.createConfirmChannel();
      // Nest's wire format, with an envelope that fails validation: poison, parked at once.
      const packet = { pattern: STOCK_REJECTED, data: { type: STOCK_REJECTED, payload: { orderId: 42 } } };
      channel.publish(EVENTS_EXCHANGE, STOCK_REJECTED, Buffer.from(JSON.stringify(packet)), {
        persistent: true,
        messageId,
        contentType: 'application/json',
      });
      await channel.waitForConfirms();
    } finally {
      await connection.close();
    }
    const id = `orders.${messageId}`;
    parked.push(id);
    // Through the gateway: the operator sees the same parked message the alert counts.
    await eventually(
      async () => (await api('GET', `/api/v1/admin/dead-letters/${id}`, { token: admin })).status,
      (status) => status === 200,
    );

    const alert = await eventually(
      async () =>
        (await query<{ alerts: Alert[] }>('/api/v1/alerts')).alerts.find(
          (candidate) => candidate.labels['alertname'] === ALERT && candidate.labels['service'] === 'orders',
        ),
      // Counting this poison event too (parked ones of earlier specs may be there already).
      (found) => found !== undefined && Number(found.value) >= before + 1,
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    expect(alert?.labels).toMatchObject({
      severity: 'warning',
      queue: 'orders.events.dlq',
      job: 'bookstore',
    });
    // Pending: the expression holds; the production `for` has not run out yet.
    expect(alert?.state).toBe('pending');
    expect(Number(alert?.value)).toBeGreaterThanOrEqual(1);
    const rule = (
      parse(readFileSync(RULES, 'utf8')) as { groups: { rules: { alert: string; expr: string }[] }[] }
    ).groups
      .flatMap((group) => group.rules)
      .find((candidate) => candidate.alert === ALERT);
    const holding = await instant(String(rule?.expr));
    expect(Number(holding.find((sample) => sample.metric['service'] === 'orders')?.value[1])).toBe(
      Number(alert?.value),
    );
    const poisoned = await instant(
      `bookstore_messages_handled_total{service="orders", pattern="${STOCK_REJECTED}", outcome="dead_letter"}`,
    );
    expect(Number(poisoned[0]?.value[1])).toBeGreaterThanOrEqual(1);
  }, 60_000);
});
