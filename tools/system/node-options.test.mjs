import assert from 'node:assert/strict';
import { test } from 'node:test';

import { imageMallocEnv, imageNodeOptions, serviceNodeOptions, serviceRuntimeEnv } from './node-options.mjs';

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

test("the services' malloc settings are the Dockerfile's ENV MALLOC_…_ lines; the caller's win", () => {
  assert.match(imageMallocEnv().MALLOC_MMAP_THRESHOLD_, /^\d+$/);
  const dockerfile = 'ENV NODE_OPTIONS="--max-semi-space-size=1"\nENV MALLOC_MMAP_THRESHOLD_=1048576\n';
  assert.deepEqual(imageMallocEnv(dockerfile), { MALLOC_MMAP_THRESHOLD_: '1048576' });
  assert.deepEqual(serviceRuntimeEnv({}, dockerfile), {
    MALLOC_MMAP_THRESHOLD_: '1048576',
    NODE_OPTIONS: '--max-semi-space-size=1',
  });
  assert.equal(
    serviceRuntimeEnv({ MALLOC_MMAP_THRESHOLD_: '65536' }, dockerfile).MALLOC_MMAP_THRESHOLD_,
    '65536',
  );
});
