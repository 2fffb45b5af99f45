// Starts and stops bench/bare-server.mjs as a child process.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { ROOT } from './paths.mjs';

/** Serves `json` (a string) from a separate process; resolves { url, stop }. */
export function startBareServer(json) {
  const child = spawn(process.execPath, [join(ROOT, 'bench/bare-server.mjs'), json], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bare server did not start')), 10_000);
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      const match = /listening (\d+)/.exec(String(chunk));
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: `http://127.0.0.1:${match[1]}`,
        pid: child.pid,
        stop: () =>
          new Promise((done) => {
            child.removeAllListeners('exit');
            child.once('exit', done);
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
