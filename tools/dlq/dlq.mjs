#!/usr/bin/env node
// The dead-letter tool: parked events of every service, through the gateway's admin API.
//   npm run dlq -- list [queue] [--page N] [--limit N]
//   npm run dlq -- show <id>
//   npm run dlq -- replay <id>
//   npm run dlq -- drop <id>
// GATEWAY_URL (default http://127.0.0.1:$GATEWAY_PORT, port 3000) and ADMIN_EMAIL/ADMIN_PASSWORD
// (the services' defaults) say where and as whom. Exit code 0 on success, 1 on an error answer,
// 2 on a usage error.
import { parseArgs } from 'node:util';

import { adminSession } from './admin-session.mjs';

const USAGE =
  'usage: npm run dlq -- list [queue] [--page N] [--limit N] | show <id> | replay <id> | drop <id>';

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { page: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
  });
  const [command, target] = positionals;
  const needsId = ['show', 'replay', 'drop'].includes(command);
  if (!['list', ...(needsId ? [command] : [])].includes(command) || (needsId && !target)) {
    console.error(USAGE);
    return 2;
  }
  const session = await adminSession();
  const id = target && encodeURIComponent(target);
  if (command === 'list') {
    const query = new URLSearchParams();
    if (target) query.set('queue', target);
    if (values.page) query.set('page', values.page);
    if (values.limit) query.set('limit', values.limit);
    const page = await session.call('GET', `/api/v1/admin/dead-letters?${query}`);
    if (values.json) console.log(JSON.stringify(page, null, 2));
    else printList(page);
  } else if (command === 'show') {
    console.log(JSON.stringify(await session.call('GET', `/api/v1/admin/dead-letters/${id}`), null, 2));
  } else if (command === 'replay') {
    const replayed = await session.call('POST', `/api/v1/admin/dead-letters/${id}/replay`);
    console.log(`replayed ${replayed.id} (${replayed.type}) to its service's events queue`);
  } else {
    await session.call('DELETE', `/api/v1/admin/dead-letters/${id}`);
    console.log(`dropped ${target}`);
  }
  return 0;
}

function printList(page) {
  if (!page.items.length) {
    console.log(`no parked messages (total ${page.total})`);
    return;
  }
  for (const item of page.items) {
    console.log(
      `${item.id}  ${item.type}  ${item.queue}  attempts=${item.attempts}  parked=${item.parkedAt}` +
        `  correlation=${item.correlationId ?? '-'}\n    ${item.lastError}`,
    );
  }
  console.log(`page ${page.page}, ${page.items.length} of ${page.total}`);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`dlq: ${error.message}`);
    process.exit(1);
  },
);
