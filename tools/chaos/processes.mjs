// Small process and port helpers of the chaos suite's private infrastructure.
import { Socket } from 'node:net';

import { sleep } from '../../bench/lib/http.mjs';

/** True while a child this run spawned has not exited. */
export function alive(child) {
  return !!child && child.exitCode === null && child.signalCode === null;
}

/** Signals a detached child's whole process group (a wrapper script and what it started). */
export function killGroup(child, signal) {
  if (!alive(child) || child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export function answers(port) {
  return new Promise((resolve) => {
    const socket = new Socket();
    const settle = (open) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(2000, () => settle(false));
    socket.once('connect', () => settle(true));
    socket.once('error', () => settle(false));
    socket.connect(port, '127.0.0.1');
  });
}

/** Polls `condition` until true; throws `message` after timeoutMs, or at once when `failed()`. */
export async function waitUntil(condition, timeoutMs, message, failed = () => false) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (failed()) throw new Error(`${message}: the process exited`);
    if (Date.now() > deadline) throw new Error(`${message} within ${timeoutMs} ms`);
    await sleep(250);
  }
}
