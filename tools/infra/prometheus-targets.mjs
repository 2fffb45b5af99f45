#!/usr/bin/env node
// The local Prometheus's scrape targets (file_sd format, observability/prometheus/prometheus.yml):
// every instance of the system that `npm start`/system.mjs would start with this environment, at
// its ops port. It reads the same variables (the *_OPS_PORT, REPLICAS, SYSTEM_TAG) and uses the same
// port arithmetic (tools/system/replicas.mjs), so the targets follow a sandbox or a replica count.
//   node tools/infra/prometheus-targets.mjs FILE   writes FILE (atomically: Prometheus watches it)
import { renameSync, writeFileSync } from 'node:fs';

import { instanceEnv, instances, parseInstance, replicaCount } from '../system/replicas.mjs';

/**
 * One file_sd target group per instance, labelled with its app (`service`), its instance name and
 * the system tag, so replicas and sandboxes scraped side by side stay apart.
 */
export function scrapeTargets(env) {
  const system = env.SYSTEM_TAG || 'default';
  return instances(replicaCount(env.REPLICAS)).map((name) => {
    const { app } = parseInstance(name);
    const port = instanceEnv(name, env)[`${app.toUpperCase()}_OPS_PORT`];
    return { targets: [`127.0.0.1:${port}`], labels: { service: app, instance_name: name, system } };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: prometheus-targets.mjs FILE');
    process.exit(2);
  }
  writeFileSync(`${file}.tmp`, `${JSON.stringify(scrapeTargets(process.env), null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
