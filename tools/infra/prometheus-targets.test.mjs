// The local Prometheus's scrape targets: `node --test tools/infra/` (no server is started).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { scrapeTargets } from './prometheus-targets.mjs';

const script = join(dirname(fileURLToPath(import.meta.url)), 'prometheus-targets.mjs');
const sandbox6 = {
  SYSTEM_TAG: 'sb6',
  GATEWAY_OPS_PORT: '9600',
  AUTH_OPS_PORT: '9601',
  CATALOG_OPS_PORT: '9602',
  ORDERS_OPS_PORT: '9603',
  NOTIFICATIONS_OPS_PORT: '9604',
};
const byName = (groups) => Object.fromEntries(groups.map((g) => [g.labels.instance_name, g.targets]));

test('with nothing set: the apps at their default ops ports', () => {
  assert.deepEqual(byName(scrapeTargets({})), {
    auth: ['127.0.0.1:9101'],
    catalog: ['127.0.0.1:9102'],
    orders: ['127.0.0.1:9103'],
    notifications: ['127.0.0.1:9104'],
    gateway: ['127.0.0.1:9100'],
  });
  for (const group of scrapeTargets({})) assert.equal(group.labels.system, 'default');
});

test('follows the *_OPS_PORT variables of a sandbox, labelled with its tag', () => {
  const groups = scrapeTargets(sandbox6);
  assert.deepEqual(byName(groups).gateway, ['127.0.0.1:9600']);
  assert.deepEqual(byName(groups).orders, ['127.0.0.1:9603']);
  for (const group of groups) {
    assert.equal(group.labels.system, 'sb6');
    assert.equal(group.labels.service, group.labels.instance_name);
  }
});

test('lists every replica at its own ops port, as system.mjs starts them', () => {
  const groups = scrapeTargets({ ...sandbox6, REPLICAS: '3' });
  assert.equal(groups.length, 15);
  assert.deepEqual(byName(groups)['orders-2'], ['127.0.0.1:9613']);
  assert.deepEqual(byName(groups)['gateway-3'], ['127.0.0.1:9620']);
  assert.equal(groups.find((g) => g.labels.instance_name === 'orders-3').labels.service, 'orders');
  assert.throws(() => scrapeTargets({ REPLICAS: '10' }), /REPLICAS/);
});

test('the command writes the file_sd file Prometheus reads: target groups with string labels', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prometheus-targets-'));
  try {
    const file = join(dir, 'local.json');
    const result = spawnSync(process.execPath, [script, file], {
      env: { PATH: process.env.PATH, ...sandbox6 },
    });
    assert.equal(result.status, 0, String(result.stderr));
    const groups = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual(groups, scrapeTargets(sandbox6));
    for (const group of groups) {
      assert.ok(group.targets.every((t) => /^127\.0\.0\.1:\d+$/.test(t)));
      assert.ok(Object.values(group.labels).every((v) => typeof v === 'string'));
    }
    assert.equal(spawnSync(process.execPath, [script]).status, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
