#!/usr/bin/env node
// `npm start`: installs what is missing, brings up the infrastructure, builds and starts the five
// services (the services seed the admin account and the demo catalog themselves), prints the URLs,
// and on Ctrl-C / SIGTERM stops everything it started, and nothing else: the services by the pids this
// run recorded in memory (a second `npm start` begun meanwhile records its own in the same pid files,
// and this run never stops those), within 15 s (SIGKILL after 10 s).
//   npm start [-- --no-build]   (--no-build: start the last build as it is)
import { ensureDependencies, infraDown, infraUp, observabilityUrls } from '../lib/infra.mjs';
import { ensureNodeRuntime } from '../lib/node-runtime.mjs';
import {
  APPS,
  buildInBackground,
  startOne,
  stopInstances,
  waitHealthy,
  waitPortsFree,
} from '../system/system.mjs';

async function main() {
  let started = [];
  let building;
  const pids = {};
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    console.log('\n[start] stopping services and the infrastructure this command started…');
    building?.cancel();
    await stopInstances(pids);
    infraDown(started);
    process.exit(code);
  };
  // Registered before anything starts. The steps that block (npm ci, infra.sh up) hold a signal
  // until they return, and then it stops what they started.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));
  ensureDependencies();
  started = infraUp();
  const observability = observabilityUrls();
  // The services export their traces by OTLP to the local Jaeger, unless told otherwise.
  if (observability.otlpEndpoint && !process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = observability.otlpEndpoint;
  }
  try {
    if (!process.argv.includes('--no-build')) {
      building = buildInBackground();
      await building.done;
      building = undefined;
    }
    // A previous run may still be stopping and holding the ports: wait for it rather than crash.
    await waitPortsFree();
    if (stopping) return;
    for (const app of APPS) {
      pids[app] = startOne(app);
      console.log(`[start] ${app} started (pid ${pids[app]})`);
    }
    await waitHealthy();
  } catch (error) {
    if (stopping) return;
    console.error(`[start] ${error.message}`);
    await stop(1);
    return;
  }
  const port = process.env.GATEWAY_PORT ?? 3000;
  console.log(`
  Bookstore is up.
    Store    http://localhost:${port}/
    API      http://localhost:${port}/api/v1
    Swagger  http://localhost:${port}/docs
    Health   http://localhost:${port}/api/v1/health
    Admin    ${process.env.ADMIN_EMAIL ?? 'admin@bookstore.local'} (password: ADMIN_PASSWORD, default ChangeMe123!)
    Logs     .infra/log/system-${process.env.SYSTEM_TAG ?? 'default'}/<service>.log
    Traces   ${observability.jaegerUi ?? 'off (Jaeger is not running)'}
    Metrics  ${observability.prometheus ?? 'off (Prometheus is not running)'}
  Press Ctrl-C to stop.`);
  setInterval(() => undefined, 1 << 30);
}

// Everything below runs on Node 24 (re-executed under the cached binary on an older Node).
await ensureNodeRuntime();
main();
