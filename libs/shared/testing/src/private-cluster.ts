import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, RabbitNode } from './rabbitmq-node';

/**
 * A RabbitMQ cluster of its own (three nodes by default) for a test that kills broker nodes: own
 * node names, AMQP and distribution ports, data directories and Erlang cookie under one temporary
 * directory, so the shared broker is never touched. Stops only the processes it started (by process
 * group) and removes its data in `destroy()`.
 */
export class PrivateCluster {
  private constructor(
    readonly nodes: readonly RabbitNode[],
    private readonly dir: string,
  ) {}

  /** Starts `size` nodes, joins the others to the first, and resolves once all run as one cluster. */
  static async start(size = 3): Promise<PrivateCluster> {
    const dir = mkdtempSync(join(tmpdir(), 'it-cluster-'));
    // The nodes and rabbitmqctl share HOME, hence the cookie that lets them talk to each other.
    const cookie = join(dir, '.erlang.cookie');
    writeFileSync(cookie, randomBytes(20).toString('hex'));
    chmodSync(cookie, 0o400);
    const tag = `${process.pid}-${Date.now().toString(36)}`;
    const nodes: RabbitNode[] = [];
    for (let i = 1; i <= size; i++) {
      nodes.push(
        new RabbitNode(
          `it${i}-${tag}@localhost`,
          await freePort(),
          await freePort(),
          join(dir, `node${i}`),
          dir,
        ),
      );
    }
    const cluster = new PrivateCluster(nodes, dir);
    try {
      await Promise.all(nodes.map((node) => node.boot()));
      for (const node of nodes.slice(1)) {
        node.ctl('stop_app');
        node.ctl('join_cluster', nodes[0].name);
        node.ctl('start_app');
      }
      const running = cluster.runningNodes();
      if (running.length !== size) throw new Error(`the cluster formed with ${running.join(', ')} only`);
    } catch (error) {
      await cluster.destroy();
      throw error;
    }
    return cluster;
  }

  /** Every node's URL, in order: what AMQP_URL lists for a cluster. */
  get urls(): string[] {
    return this.nodes.map((node) => node.url);
  }

  /** Names of the running nodes, as the cluster itself reports them (asked of any live node). */
  runningNodes(): string[] {
    const status = JSON.parse(this.ctlAny('cluster_status', '--formatter', 'json')) as {
      running_nodes?: string[];
    };
    return status.running_nodes ?? [];
  }

  /** The node leading a quorum queue (vhost /), or undefined for none (a classic queue has none). */
  leaderOf(queue: string): RabbitNode | undefined {
    const rows = JSON.parse(this.ctlAny('list_queues', 'name', 'leader', '--formatter', 'json')) as {
      name: string;
      leader?: string;
    }[];
    const leader = rows.find((row) => row.name === queue)?.leader;
    return this.nodes.find((node) => node.name === leader);
  }

  async destroy(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.stop()));
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** rabbitmqctl against the first node that is running and answers. */
  private ctlAny(...args: string[]): string {
    let lastError: unknown = new Error('no node of the private cluster is running');
    for (const node of this.nodes.filter((candidate) => candidate.running)) {
      try {
        return node.ctl(...args);
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError;
  }
}
