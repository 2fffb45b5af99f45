import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { api, eventually } from '@bookstore/shared/testing';

const root = join(__dirname, '../../..');

/** Stops or starts one service of the system under test, through the same runner `npm test` used. */
function system(command: 'stop-one' | 'start-one', app: string): void {
  execFileSync(process.execPath, [join(root, 'tools/system/system.mjs'), command, app], {
    cwd: root,
    env: process.env,
    stdio: 'ignore',
  });
}

describe('system health when a service goes away', () => {
  afterAll(async () => {
    // Never leave the system degraded for the specs that follow.
    const health = await api('GET', '/api/v1/health');
    if (health.status !== 200) system('start-one', 'notifications');
  });

  it('answers 503 naming the stopped service, quickly, and recovers when it is back', async () => {
    system('stop-one', 'notifications');

    const started = Date.now();
    const down = await api('GET', '/api/v1/health');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    expect(down.body.message).toContain('notifications');
    expect(down.body.details.notifications.status).toBe('down');
    expect(down.body.details.catalog.status).toBe('up');

    system('start-one', 'notifications');
    const up = await eventually(
      () => api('GET', '/api/v1/health'),
      (res) => res.status === 200,
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(up.body.details.notifications.status).toBe('up');
  });
});
