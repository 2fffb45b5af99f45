// Which broker account each app connects with (issue 13, item 6: one RabbitMQ user per service).
//   - <APP>_AMQP_URL (e.g. CATALOG_AMQP_URL; tools/dev/sandbox.sh prints them) becomes that app's AMQP_URL;
//   - else, with no AMQP_URL set and the local broker holding the per-service users (infra.sh `up`
//     ran tools/infra/broker-users.sh and left .infra/run/broker-users), the app connects to the
//     default local broker as its own user with the local development password;
//   - else the app uses the shared AMQP_URL, so a broker without those users works with zero setup.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** The local development password of an app's broker user (tools/infra/broker-users.sh). */
export const localBrokerPassword = (app) => `${app}-local-dev`;

/** The environment entries that give `app` its own broker account, if one is configured. */
export function serviceAmqpEnv(app, env) {
  const url = env[`${app.toUpperCase()}_AMQP_URL`];
  if (url) return { AMQP_URL: url };
  if (!env.AMQP_URL && existsSync(join(root, '.infra/run/broker-users'))) {
    return { AMQP_URL: `amqp://${app}:${localBrokerPassword(app)}@127.0.0.1:5672` };
  }
  return {};
}
