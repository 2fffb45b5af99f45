// A three-node RabbitMQ cluster of the chaos suite's own: own AMQP and distribution ports, own node
// names and data under .infra/chaos/rabbitmq, so killing a node never touches the shared broker
// that other systems on the machine use. It stops only the processes it started (by process group).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { sleep } from '../../bench/lib/http.mjs';
import { ROOT } from '../../bench/lib/paths.mjs';
import { alive, answers, killGroup, waitUntil } from './processes.mjs';

const SERVER = '/usr/lib/rabbitmq/bin/rabbitmq-server';
const CTL = '/usr/lib/rabbitmq/bin/rabbitmqctl';

export class PrivateCluster {
  /**
   * @param size nodes (3)
   * @param basePort node i (1-based) listens on basePort + i for AMQP and 20000 above for Erlang
   *   distribution (5690 → 5691–5693 and 25691–25693: clear of the shared broker's 5672/25672)
   */
  constructor({ size = 3, basePort = 5690, dir = join(ROOT, '.infra/chaos/rabbitmq') } = {}) {
    this.dir = dir;
    this.nodes = Array.from({ length: size }, (_, i) => ({
      index: i + 1,
      name: `chaos${i + 1}@localhost`,
      port: basePort + i + 1,
      distPort: basePort + 20_000 + i + 1,
      child: undefined,
    }));
  }

  /** Every node's URL, comma-separated: the services' AMQP_URL (they move to a surviving node). */
  get url() {
    return this.nodes.map((n) => `amqp://guest:guest@127.0.0.1:${n.port}`).join(',');
  }

  /** Fresh data, one cookie for all nodes, then node 1 and the others joined to it. */
  async start(log) {
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    // The nodes and rabbitmqctl share HOME, so they share the Erlang cookie that lets them talk.
    const cookie = join(this.dir, '.erlang.cookie');
    writeFileSync(cookie, randomBytes(20).toString('hex'));
    chmodSync(cookie, 0o400);
    for (const node of this.nodes) {
      const base = join(this.dir, `node${node.index}`);
      mkdirSync(base, { recursive: true });
      writeFileSync(
        join(base, 'rabbitmq.conf'),
        `listeners.tcp.default = 127.0.0.1:${node.port}\nloopback_users = none\n`,
      );
      writeFileSync(join(base, 'enabled_plugins'), '[].');
    }
    await Promise.all(this.nodes.map((node) => this.boot(node)));
    for (const node of this.nodes.slice(1)) {
      this.ctl(node, 'stop_app');
      this.ctl(node, 'join_cluster', this.nodes[0].name);
      this.ctl(node, 'start_app');
    }
    const running = this.runningNodes();
    if (running.length !== this.nodes.length) throw new Error(`cluster formed with ${running.join(', ')}`);
    log?.(`[chaos] RabbitMQ cluster up: ${running.join(', ')} on ports ${this.nodes.map((n) => n.port)}`);
  }

  /** Names of the nodes the cluster says are running (asked of any node that answers). */
  runningNodes() {
    const out = this.ctlAny('cluster_status', '--formatter', 'json');
    return JSON.parse(out).running_nodes ?? [];
  }

  /** The node leading a quorum queue (vhost /), e.g. chaos2@localhost; null for none/classic. */
  leaderOf(queue) {
    const rows = JSON.parse(this.ctlAny('list_queues', 'name', 'type', 'leader', '--formatter', 'json'));
    const row = rows.find((r) => r.name === queue);
    return row?.leader && row.leader !== '' ? row.leader : null;
  }

  /** { name, messages } of every queue (vhost /). */
  queues() {
    return JSON.parse(this.ctlAny('list_queues', 'name', 'messages', '--formatter', 'json'));
  }

  nodeNamed(name) {
    const node = this.nodes.find((n) => n.name === name);
    if (!node) throw new Error(`no node ${name} in this cluster`);
    return node;
  }

  /** SIGKILL of the node's whole process group (script and Erlang VM): a crash, no clean stop. */
  async kill(node) {
    killGroup(node.child, 'SIGKILL');
    await waitUntil(async () => !(await answers(node.port)), 20_000, `${node.name} still answers`);
  }

  /** Starts a killed node again on its data: it rejoins the cluster by itself. */
  async restart(node) {
    await this.boot(node);
  }

  /** Stops every node this cluster started (SIGTERM, then SIGKILL) and removes its data. */
  async destroy() {
    for (const node of this.nodes) killGroup(node.child, 'SIGTERM');
    const deadline = Date.now() + 20_000;
    while (this.nodes.some((n) => alive(n.child)) && Date.now() < deadline) await sleep(250);
    for (const node of this.nodes) killGroup(node.child, 'SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }

  env(node) {
    const base = join(this.dir, `node${node.index}`);
    return {
      ...process.env,
      HOME: this.dir,
      RABBITMQ_NODENAME: node.name,
      RABBITMQ_MNESIA_BASE: join(base, 'mnesia'),
      RABBITMQ_LOG_BASE: join(base, 'log'),
      RABBITMQ_CONFIG_FILE: join(base, 'rabbitmq.conf'),
      RABBITMQ_ENABLED_PLUGINS_FILE: join(base, 'enabled_plugins'),
      RABBITMQ_DIST_PORT: String(node.distPort),
      ERL_EPMD_ADDRESS: '127.0.0.1',
    };
  }

  async boot(node) {
    // Its own process group, so a kill takes the Erlang VM down with the wrapper script.
    node.child = spawn(SERVER, [], { env: this.env(node), stdio: 'ignore', detached: true });
    await waitUntil(
      () => answers(node.port),
      180_000,
      `${node.name} did not answer`,
      () => !alive(node.child),
    );
    this.ctl(node, 'await_startup');
  }

  ctl(node, ...args) {
    const out = spawnSync(CTL, ['-q', '-n', node.name, ...args], {
      env: this.env(node),
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (out.status !== 0) throw new Error(`rabbitmqctl -n ${node.name} ${args.join(' ')}: ${out.stderr}`);
    return out.stdout;
  }

  /** Asks the first node that answers (some may be down during a fault). */
  ctlAny(...args) {
    let last;
    for (const node of this.nodes.filter((n) => alive(n.child))) {
      try {
        return this.ctl(node, ...args);
      } catch (error) {
        last = error;
      }
    }
    throw last ?? new Error('no RabbitMQ node is running');
  }
}
