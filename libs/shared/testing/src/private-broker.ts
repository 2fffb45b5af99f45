import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, RabbitNode } from './rabbitmq-node';

/**
 * A RabbitMQ node of its own for a test that must stop and restart a broker: the shared broker
 * that `npm test` started serves every other spec, so a spec never restarts that one. The node
 * keeps its data directory across `restart()` (durable queues and persistent messages survive, as
 * on a real broker restart) and is removed by `destroy()`.
 */
export class PrivateBroker {
  private constructor(
    private readonly node: RabbitNode,
    private readonly dir: string,
  ) {}

  /** Starts a node on free loopback ports; resolves once it accepts AMQP connections. */
  static async start(): Promise<PrivateBroker> {
    const dir = mkdtempSync(join(tmpdir(), 'it-rabbit-'));
    const name = `it-${process.pid}-${Date.now().toString(36)}@localhost`;
    const broker = new PrivateBroker(new RabbitNode(name, await freePort(), await freePort(), dir, dir), dir);
    await broker.node.boot();
    return broker;
  }

  get port(): number {
    return this.node.port;
  }

  get url(): string {
    return this.node.url;
  }

  /** The environment and node-name arguments that let a rabbitmqctl (or a script using it) reach this node. */
  get control(): { env: NodeJS.ProcessEnv; args: string[] } {
    // rabbitmqctl finds the node's Erlang cookie in HOME (the node's own directory here).
    return { env: { ...process.env, HOME: this.dir }, args: ['-n', this.node.name] };
  }

  /** Kills the node at once (SIGKILL: no clean shutdown), as a crash would. */
  async kill(): Promise<void> {
    await this.node.kill();
  }

  /** Starts the node again on the same port with the same data. */
  async restart(): Promise<void> {
    await this.node.kill();
    await this.node.boot();
  }

  async destroy(): Promise<void> {
    await this.node.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
