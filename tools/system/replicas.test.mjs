// The runner's replica bookkeeping: `node --test tools/system/` (no server is started).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  gatewayPorts,
  instanceEnv,
  instanceName,
  instances,
  parseInstance,
  replicaCount,
  serviceOpsPorts,
} from './replicas.mjs';

const sandbox5 = {
  GATEWAY_PORT: '3500',
  GATEWAY_OPS_PORT: '9500',
  AUTH_OPS_PORT: '9501',
  CATALOG_OPS_PORT: '9502',
  ORDERS_OPS_PORT: '9503',
  NOTIFICATIONS_OPS_PORT: '9504',
};

test('one replica is the system as it always was: five instances named after their apps', () => {
  assert.deepEqual(instances(1), ['auth', 'catalog', 'orders', 'notifications', 'gateway']);
  for (const name of instances(1)) {
    const variables = instanceEnv(name, sandbox5);
    for (const [variable, value] of Object.entries(variables)) assert.equal(value, sandbox5[variable]);
  }
});

test('two replicas: ten instances, the second of each with its own name', () => {
  const names = instances(2);
  assert.equal(names.length, 10);
  assert.equal(new Set(names).size, 10);
  assert.deepEqual(names.slice(5), ['auth-2', 'catalog-2', 'orders-2', 'notifications-2', 'gateway-2']);
});

test('every instance of three replicas listens on its own ports', () => {
  const ports = instances(3).flatMap((name) => Object.values(instanceEnv(name, sandbox5)));
  assert.equal(new Set(ports).size, ports.length, `a port is used twice: ${ports.join(', ')}`);
  assert.deepEqual(instanceEnv('orders-3', sandbox5), { ORDERS_OPS_PORT: '9523' });
  assert.deepEqual(instanceEnv('gateway-2', sandbox5), { GATEWAY_OPS_PORT: '9510', GATEWAY_PORT: '3501' });
});

test('ports fall back to the apps own defaults when the environment sets none', () => {
  assert.deepEqual(instanceEnv('catalog-2', {}), { CATALOG_OPS_PORT: '9112' });
  assert.deepEqual(gatewayPorts(2, {}), [3000, 3001]);
});

test('gateways and service ops ports as callers and the health wait see them', () => {
  assert.deepEqual(gatewayPorts(2, sandbox5), [3500, 3501]);
  assert.deepEqual(
    serviceOpsPorts(2, sandbox5).map(({ name, port }) => `${name}:${port}`),
    [
      'auth:9501',
      'catalog:9502',
      'orders:9503',
      'notifications:9504',
      'auth-2:9511',
      'catalog-2:9512',
      'orders-2:9513',
      'notifications-2:9514',
    ],
  );
});

test('instance names round-trip and unknown ones are refused', () => {
  for (const name of instances(9)) {
    const { app, replica } = parseInstance(name);
    assert.equal(instanceName(app, replica), name);
  }
  for (const bad of ['billing', 'orders-1', 'orders-10', 'orders-x', '', 'Orders']) {
    assert.throws(() => parseInstance(bad), /unknown instance/);
  }
  assert.throws(() => instanceName('billing', 1), /unknown app/);
});

test('the replica count is an integer from 1 to 9, 1 when unset', () => {
  assert.equal(replicaCount(undefined), 1);
  assert.equal(replicaCount(''), 1);
  assert.equal(replicaCount('2'), 2);
  assert.equal(replicaCount(9), 9);
  for (const bad of ['0', '10', '1.5', '-1', 'two', '0x2', ' ']) {
    assert.throws(() => replicaCount(bad), /REPLICAS must be an integer from 1 to 9/);
  }
});
