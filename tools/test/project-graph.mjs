// The Nx project graph that ESLint's @nx/enforce-module-boundaries reads from the workspace data
// folder (.nx/workspace-data, or NX_WORKSPACE_DATA_DIRECTORY). ESLint never computes it: with no
// cached graph (a fresh clone) the rule says "No cached ProjectGraph is available" and checks nothing.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { root } from '../lib/infra.mjs';

/**
 * Computes and caches the project graph (`nx show projects`, without the daemon so the graph is
 * written before this returns); true when nx succeeded.
 */
export function prepareProjectGraph(env = process.env) {
  const result = spawnSync(join(root, 'node_modules/.bin/nx'), ['show', 'projects'], {
    cwd: root,
    stdio: 'ignore',
    env: { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  return result.status === 0;
}
