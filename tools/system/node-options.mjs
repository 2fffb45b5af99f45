// The Node/V8 flags every service runs with. One source: docker/Dockerfile's `ENV NODE_OPTIONS=`
// line, which the image (and so Docker Compose and Kubernetes) applies; `npm start`, the test
// system and the harnesses read the same line here.
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
