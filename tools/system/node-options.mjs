// The Node/V8 flags and the allocator settings every service runs with. One source:
// docker/Dockerfile's `ENV NODE_OPTIONS=` and `ENV MALLOC_…=` lines, which the image (and so Docker
// Compose and Kubernetes) applies; `npm start`, the test system and the harnesses read the same
// lines here.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DOCKERFILE = join(dirname(fileURLToPath(import.meta.url)), '../../docker/Dockerfile');

/** The flags of the Dockerfile's `ENV NODE_OPTIONS="…"` line (empty when it has none). */
export function imageNodeOptions(dockerfile = readFileSync(DOCKERFILE, 'utf8')) {
  const line = /^ENV NODE_OPTIONS="([^"]*)"\s*$/m.exec(dockerfile);
  return line ? line[1].trim() : '';
}

/**
 * NODE_OPTIONS for a service: the image's flags, then the caller's own NODE_OPTIONS, which win
 * where they repeat a flag (Node applies them in order).
 */
export function serviceNodeOptions(env = process.env, dockerfile) {
  return [imageNodeOptions(dockerfile), env.NODE_OPTIONS ?? ''].filter(Boolean).join(' ');
}

/** glibc malloc's settings among the Dockerfile's `ENV MALLOC_<NAME>_=<value>` lines. */
export function imageMallocEnv(dockerfile = readFileSync(DOCKERFILE, 'utf8')) {
  return Object.fromEntries(
    [...dockerfile.matchAll(/^ENV (MALLOC_[A-Z_]+_)=(\S+)\s*$/gm)].map((m) => [m[1], m[2]]),
  );
}

/**
 * The runtime environment a service gets beside the caller's: NODE_OPTIONS as above, and the
 * image's malloc settings unless the caller sets them.
 */
export function serviceRuntimeEnv(env = process.env, dockerfile = readFileSync(DOCKERFILE, 'utf8')) {
  return {
    ...imageMallocEnv(dockerfile),
    ...pickMalloc(env),
    NODE_OPTIONS: serviceNodeOptions(env, dockerfile),
  };
}

function pickMalloc(env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => /^MALLOC_[A-Z_]+_$/.test(name)));
}
