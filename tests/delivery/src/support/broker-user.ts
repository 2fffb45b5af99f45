import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';

import { repoPath, run } from './repo';

const CTL = '/usr/lib/rabbitmq/bin/rabbitmqctl';
const NODE_HOME = repoPath('.infra/data/rabbitmq');

/**
 * A broker account of its own for a production start: production refuses RabbitMQ's default
 * `guest` credentials, so a check that starts an app with NODE_ENV=production needs another user.
 * Created on this project's local broker (tools/infra/infra.sh) and removed by `drop`; when
 * DELIVERY_AMQP_URL is set (another broker), that URL is used as it is.
 */
export class BrokerUser {
  private constructor(
    readonly url: string,
    private readonly name?: string,
  ) {}

  static create(prefix: string): BrokerUser {
    if (process.env.DELIVERY_AMQP_URL) return new BrokerUser(process.env.DELIVERY_AMQP_URL);
    if (!existsSync(NODE_HOME))
      throw new Error('no local broker (tools/infra/infra.sh up) and no DELIVERY_AMQP_URL');
    const name = `${prefix}_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(18).toString('base64url');
    ctl(['add_user', name, password]);
    ctl(['set_permissions', '-p', '/', name, '.*', '.*', '.*']);
    return new BrokerUser(`amqp://${name}:${password}@127.0.0.1:5672`, name);
  }

  drop(): void {
    if (this.name) ctl(['delete_user', this.name]);
  }
}

function ctl(args: string[]): void {
  const result = run('env', [`HOME=${NODE_HOME}`, CTL, '-q', '-n', 'bookstore@localhost', ...args]);
  if (result.status !== 0) throw new Error(`rabbitmqctl ${args[0]} failed: ${result.stderr}`);
}
