// The chaos suite's unavailability measure: `node --test tools/chaos/` (no server is started).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { failed, longestUnavailability } from './steady-load.mjs';

const order = (at, status) => ({ kind: 'order', at, status });
const read = (at, status) => ({ kind: 'read', at, status });

test('no answer, a 5xx and 429 are failures; 2xx and other 4xx are served', () => {
  for (const status of [0, 500, 503, 504, 429]) assert.equal(failed({ status }), true, String(status));
  for (const status of [200, 201, 400, 404, 409]) assert.equal(failed({ status }), false, String(status));
});

test('the longest stretch from a failure to the next served request, per kind', () => {
  const requests = [
    order(0, 201),
    order(10, 503),
    order(20, 0),
    order(50, 201), // 40 ms
    read(60, 504),
    order(100, 500),
    read(65, 200), // reads: 5 ms, listed out of order on purpose
    order(130, 201), // 30 ms
  ];
  assert.deepEqual(longestUnavailability(requests), { order: 40, read: 5 });
});

test('a window counts only the stretches that overlap it', () => {
  const requests = [order(0, 201), order(10, 503), order(50, 201), order(100, 500), order(130, 201)];
  assert.deepEqual(longestUnavailability(requests, 90, 140), { order: 30, read: 0 });
  assert.deepEqual(longestUnavailability(requests, 0, 60), { order: 40, read: 0 });
  assert.deepEqual(longestUnavailability(requests, 60, 95), { order: 0, read: 0 });
});

test('still failing when the load ends: the stretch runs to the last request, in its window only', () => {
  const requests = [order(0, 201), order(200, 503), order(260, 0)];
  assert.deepEqual(longestUnavailability(requests), { order: 60, read: 0 });
  assert.deepEqual(longestUnavailability(requests, 0, 100), { order: 0, read: 0 });
});
