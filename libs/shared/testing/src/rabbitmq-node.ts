import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { join } from 'node:path';

const RABBITMQ_SERVER = '/usr/lib/rabbitmq/bin/rabbitmq-server';
const RABBITMQCTL = '/usr/lib/rabbitmq/bin/rabbitmqctl';
const START_TIMEOUT_MS = 120_000;

/**
 * One RabbitMQ node of the Debian package run by a test: its own node name, AMQP and distribution
 * ports, and data under `dir`; `home` holds the Erlang cookie (nodes of one cluster share it, and
 * rabbitmqctl finds it there). Started in its own process group, so a kill takes the Erlang VM down
 * with the wrapper script.
 */
export class RabbitNode {
  private process?: ChildProcess;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly distPort: number,
    private readonly dir: string,
    private readonly home: string,
  ) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'rabbitmq.conf'),
      `listeners.tcp.default = 127.0.0.1:${port}\nloopback_users = none\n`,
    );
    writeFileSync(join(dir, 'enabled_plugins'), '[].');
  }

  get url(): string {
    return `amqp://guest:guest@127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.process !== undefined && !exited(this.process);
  }

  /** Starts the node on its data; resolves once it accepts AMQP connections. */
  async boot(): Promise<void> {
    const child = spawn(RABBITMQ_SERVER, [], { env: this.env(), stdio: 'ignore', detached: true });
    this.process = child;
    await waitUntil(
      () => answers(this.port),
      START_TIMEOUT_MS,
      () => exited(child),
    );
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

  /** Stops the node (SIGTERM, then SIGKILL after 15 s). */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child || exited(child)) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    signalGroup(child, 'SIGTERM');
    await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    if (!exited(child)) signalGroup(child, 'SIGKILL');
  }

  /** rabbitmqctl against this node; throws with its stderr when it fails. */
  ctl(...args: string[]): string {
    const out = spawnSync(RABBITMQCTL, ['-q', '-n', this.name, ...args], {
      env: this.env(),
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (out.status !== 0) throw new Error(`rabbitmqctl -n ${this.name} ${args.join(' ')}: ${out.stderr}`);
    return out.stdout;
  }

  private env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      HOME: this.home,
      RABBITMQ_NODENAME: this.name,
      RABBITMQ_MNESIA_BASE: join(this.dir, 'mnesia'),
      RABBITMQ_LOG_BASE: join(this.dir, 'log'),
      RABBITMQ_CONFIG_FILE: join(this.dir, 'rabbitmq.conf'),
      RABBITMQ_ENABLED_PLUGINS_FILE: join(this.dir, 'enabled_plugins'),
      RABBITMQ_DIST_PORT: String(this.distPort),
      ERL_EPMD_ADDRESS: '127.0.0.1',
    };
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

/** A loopback port nothing listens on right now. */
export function freePort(): Promise<number> {
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
