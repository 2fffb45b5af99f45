// The faults the chaos suite injects, in turn: SIGKILL of a service then start-one, and a restart
// of RabbitMQ or MongoDB through tools/infra/infra.sh (only infrastructure it may touch).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { sleep } from '../../bench/lib/http.mjs';
import { ROOT } from '../../bench/lib/paths.mjs';

export const SERVICE_FAULTS = ['catalog', 'orders'];
export const INFRA_FAULTS = ['rabbitmq', 'mongodb'];

/**
 * Whether infra.sh can restart `name` here, and whether it may: the server must be one this project
 * runs (its pid file exists), and either this run started it or the caller allowed touching shared
 * infrastructure. Returns { allowed, reason }.
 */
export function infraRestartPolicy(name, startedHere, allowShared) {
  if (!existsSync(join(ROOT, '.infra/run', `${name}.pid`))) {
    return { allowed: false, reason: `${name} is not managed by tools/infra/infra.sh (external server)` };
  }
  if (startedHere.includes(name) || allowShared) return { allowed: true, reason: '' };
  return { allowed: false, reason: `${name} was already running (shared): pass --restart-shared-infra` };
}

/** Injects one fault; resolves { fault, downAt, upAt } (ms since epoch). */
export async function injectFault(fault, { system, downS }) {
  const downAt = Date.now();
  if (SERVICE_FAULTS.includes(fault)) {
    await system.stopOne(fault, 'SIGKILL');
    await sleep(downS * 1000);
    system.startOne(fault);
  } else {
    // infra.sh stops the server (SIGTERM, then SIGKILL after 30 s) and starts it again at once.
    // Asynchronous, so the load keeps flowing (and failing) while the server is away.
    const code = await new Promise((resolve) => {
      const child = spawn('bash', [join(ROOT, 'tools/infra/infra.sh'), 'restart-one', fault], {
        cwd: ROOT,
        stdio: 'inherit',
      });
      child.once('exit', resolve);
    });
    if (code !== 0) throw new Error(`infra.sh restart-one ${fault} failed (exit ${code})`);
  }
  return { fault, downAt, upAt: Date.now() };
}
