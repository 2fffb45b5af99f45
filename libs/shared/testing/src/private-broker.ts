import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RABBITMQ_SERVER = '/usr/lib/rabbitmq/bin/rabbitmq-server';
const START_TIMEOUT_MS = 90_000;

/**
 * A RabbitMQ node of its own for a test that must stop and restart a broker: the shared broker
 * that `npm test` started serves every other spec, so a spec never restarts that one. The node
 * keeps its data directory across `restart()` (durable queues and persistent messages survive, as
 * on a real broker restart) and is removed by `destroy()`.
 */
export class PrivateBroker {
  private process?: ChildProcess;
  private readonly dir = mkdtempSync(join(tmpdir(), 'it-rabbit-'));
  private readonly node = `it-${process.pid}-${Date.now().toString(36)}@localhost`;

  private constructor(
    readonly port: number,
    private readonly distPort: number,
  ) {
    writeFileSync(
      join(this.dir, 'rabbitmq.conf'),
      `listeners.tcp.default = 127.0.0.1:${port}\nloopback_users = none\n`,
    );
    writeFileSync(join(this.dir, 'enabled_plugins'), '[].');
  }

  /** Starts a node on free loopback ports; resolves once it accepts AMQP connections. */
  static async start(): Promise<PrivateBroker> {
    const broker = new PrivateBroker(await freePort(), await freePort());
    await broker.boot();
    return broker;
  }

  get url(): string {
    return `amqp://guest:guest@127.0.0.1:${this.port}`;
  }

  /** The environment and node-name arguments that let a rabbitmqctl (or a script using it) reach this node. */
  get control(): { env: NodeJS.ProcessEnv; args: string[] } {
    return { env: { ...process.env, HOME: this.dir }, args: ['-n', this.node] };
  }

  /** Kills the node at once (SIGKILL: no clean shutdown), as a crash would. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || exited(child)) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    signalGroup(child, 'SIGKILL');
    await gone;
    await waitUntil(async () => !(await answers(this.port)), 10_000);
  }

  /** Starts the node again on the same port with the same data. */
  async restart(): Promise<void> {
    await this.kill();
    await this.boot();
  }

  async destroy(): Promise<void> {
    const child = this.process;
    if (child && !exited(child)) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      signalGroup(child, 'SIGTERM');
      await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (!exited(child)) signalGroup(child, 'SIGKILL');
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async boot(): Promise<void> {
    const env = {
      ...process.env,
      HOME: this.dir,
      RABBITMQ_NODENAME: this.node,
      RABBITMQ_MNESIA_BASE: join(this.dir, 'mnesia'),
      RABBITMQ_LOG_BASE: join(this.dir, 'log'),
      RABBITMQ_CONFIG_FILE: join(this.dir, 'rabbitmq.conf'),
      RABBITMQ_ENABLED_PLUGINS_FILE: join(this.dir, 'enabled_plugins'),
      RABBITMQ_DIST_PORT: String(this.distPort),
      ERL_EPMD_ADDRESS: '127.0.0.1',
    };
    // Its own process group: rabbitmq-server is a script that runs the Erlang VM as a child, and
    // a crash must take the VM down too, not just the script.
    const child = spawn(RABBITMQ_SERVER, [], { env, stdio: 'ignore', detached: true });
    this.process = child;
    await waitUntil(
      () => answers(this.port),
      START_TIMEOUT_MS,
      () => exited(child),
    );
  }
}

/** True once the process ended, by itself (exit code) or by a signal (signal code). */
function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Signals the node's whole process group (the script and the Erlang VM it started). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const settle = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.once('connect', () => settle(true));
    socket.once('error', () => settle(false));
    socket.connect(port, '127.0.0.1');
  });
}

async function waitUntil(
  condition: () => Promise<boolean>,
  timeoutMs: number,
  failed: () => boolean = () => false,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (failed()) throw new Error('the private RabbitMQ node exited during start-up');
    if (Date.now() > deadline) throw new Error(`no answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
