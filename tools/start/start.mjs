#!/usr/bin/env node
// `npm start`: installs what is missing, brings up the infrastructure, builds and starts the five
// services (the services seed the admin account and the demo catalog themselves), prints the URLs,
// and on Ctrl-C / SIGTERM stops everything it started, and nothing else.
import { ensureDependencies, infraDown, infraUp, observabilityUrls } from '../lib/infra.mjs';
import { ensureNodeRuntime } from '../lib/node-runtime.mjs';

async function main() {
  ensureDependencies();
  const { build, startOne, stopAll, waitHealthy, APPS } = await import('../system/system.mjs');
  const started = infraUp();
  const observability = observabilityUrls();
  // The services export their traces by OTLP to the local Jaeger, unless told otherwise.
  if (observability.otlpEndpoint && !process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = observability.otlpEndpoint;
  }
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    console.log('\n[start] stopping services and the infrastructure this command started…');
    await stopAll();
    infraDown(started);
    process.exit(code);
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  try {
    build();
    for (const app of APPS) console.log(`[start] ${app} started (pid ${startOne(app)})`);
    await waitHealthy();
  } catch (error) {
    console.error(`[start] ${error.message}`);
    await stop(1);
    return;
  }
  const port = process.env.GATEWAY_PORT ?? 3000;
  console.log(`
  Bookstore is up.
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
