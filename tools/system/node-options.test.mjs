import assert from 'node:assert/strict';
import { test } from 'node:test';

import { imageNodeOptions, serviceNodeOptions } from './node-options.mjs';

test("the services' flags are the Dockerfile's NODE_OPTIONS line", () => {
  assert.match(imageNodeOptions(), /--max-semi-space-size=\d+/);
  assert.equal(imageNodeOptions('FROM x\nENV NODE_OPTIONS="--a=1 --b"\nCMD ["node"]\n'), '--a=1 --b');
  assert.equal(imageNodeOptions('FROM x\nCMD ["node"]\n'), '');
});

test("the caller's NODE_OPTIONS come after the image's, so they win", () => {
  const dockerfile = 'ENV NODE_OPTIONS="--max-semi-space-size=1"\n';
  assert.equal(serviceNodeOptions({}, dockerfile), '--max-semi-space-size=1');
  assert.equal(
    serviceNodeOptions({ NODE_OPTIONS: '--max-semi-space-size=8' }, dockerfile),
    '--max-semi-space-size=1 --max-semi-space-size=8',
  );
});
