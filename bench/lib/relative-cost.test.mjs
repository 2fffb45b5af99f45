// The bench's tracing stage reports what tracing costs from rounds of traced and untraced gateway
// runs, each next to a bare server: these are its sums.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { costVerdict, median, relativeThroughput } from './relative-cost.mjs';

const side = (rps, bareRps) => ({ rps, bareRps });

test('median of odd and even counts, null for none', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([]), null);
});

test('compares the bare-normalised ratios of each round, not raw req/s', () => {
  // Round 2 ran on a loaded machine while untraced: raw req/s would call tracing a 50 % gain.
  const result = relativeThroughput([
    { with: side(900, 3000), without: side(1000, 3000) }, // 0.30 / 0.333 = 0.9
    { with: side(900, 3000), without: side(600, 1800) }, // 0.30 / 0.333 = 0.9
    { with: side(960, 3000), without: side(1000, 3000) }, // 0.32 / 0.333 = 0.96
  ]);
  assert.ok(Math.abs(result.relative - 0.9) < 1e-9);
  assert.ok(Math.abs(result.cost - 0.1) < 1e-9);
  assert.ok(Math.abs(result.spread[0] - 0.9) < 1e-9);
  assert.ok(Math.abs(result.spread[1] - 0.96) < 1e-9);
  assert.equal(result.relativeRaw, 0.96);
  assert.equal(result.rounds, 3);
});

test('a round where a side served nothing is no information', () => {
  const result = relativeThroughput([
    { with: side(500, 1000), without: side(0, 1000) },
    { with: side(500, 0), without: side(500, 1000) },
  ]);
  assert.equal(result.relative, null);
  assert.equal(result.cost, null);
  assert.equal(result.spread, null);
  assert.equal(result.rounds, 0);
});

test('the verdict holds only when every connection count costs at most the bound', () => {
  assert.deepEqual(costVerdict([{ cost: 0.02 }, { cost: 0.05 }], 0.05), {
    maxCost: 0.05,
    worstCost: 0.05,
    met: true,
  });
  assert.equal(costVerdict([{ cost: 0.02 }, { cost: 0.051 }], 0.05).met, false);
  // A faster traced side (noise) is a negative cost, within the bound.
  assert.equal(costVerdict([{ cost: -0.03 }], 0.05).met, true);
  assert.deepEqual(costVerdict([{ cost: 0.01 }, { cost: null }], 0.05), {
    maxCost: 0.05,
    worstCost: null,
    met: false,
  });
  assert.equal(costVerdict([], 0.05).met, false);
});
