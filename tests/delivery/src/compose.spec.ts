import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

import { APPS, readRepoFile, readYaml, repoPath, type Yaml } from './support/repo';

// Static checks of docker/ (no Docker engine here): the compose file's wiring, the Dockerfile's
// build recipe, and the HEALTHCHECK script, which runs for real against a stub ops server.
const COMPOSE_DIR = repoPath('docker');
const compose = readYaml('docker/docker-compose.yml');
const services: Record<string, Yaml> = compose.services;
/** The broker: three clustered nodes, each its own service (issue 13, item 2). */
const BROKERS = ['rabbitmq', 'rabbitmq-2', 'rabbitmq-3'];
/** Traces and metrics (issue 14): Jaeger v2 and Prometheus, with the repo's own configs. */
const OBSERVABILITY = ['jaeger', 'prometheus'];
const INFRA = ['mongo', ...BROKERS, 'redis', 'mailpit', ...OBSERVABILITY];
/** One-shot setup services: they run to completion, and what needs them waits for that. */
const SETUP = ['broker-users'];
/** Host ports allowed: the API and the management UIs (broker, mail, traces, metrics). */
const PUBLISHED: Record<string, string[]> = {
  gateway: ['3000'],
  rabbitmq: ['15672'],
  mailpit: ['8025'],
  jaeger: ['16686'],
  prometheus: ['9090'],
};

describe('docker-compose.yml', () => {
  it('runs the infrastructure from official images and every app from docker/Dockerfile', () => {
    expect(Object.keys(services).sort()).toEqual([...APPS, ...INFRA, ...SETUP].sort());
    expect(services.mongo.image).toMatch(/^mongo:\d/);
    for (const broker of BROKERS) expect(services[broker].image).toMatch(/^rabbitmq:3[.\d]*-management$/);
    expect(services.redis.image).toMatch(/^redis:\d/);
    expect(services.mailpit.image).toMatch(/^axllent\/mailpit:/);
    // Pinned to a release, like the others: Jaeger v2 (2.13.0 is the release of the v1.76.0 module
    // infra.sh builds locally) and Prometheus.
    expect(services.jaeger.image).toMatch(/^jaegertracing\/jaeger:2\.\d+\.\d+$/);
    expect(services.prometheus.image).toMatch(/^prom\/prometheus:v\d+\.\d+\.\d+$/);
    for (const app of APPS) {
      const { build } = services[app];
      expect(build.args).toEqual({ APP: app });
      const context = resolve(COMPOSE_DIR, build.context);
      expect(existsSync(resolve(context, build.dockerfile))).toBe(true);
      expect(resolve(context, build.dockerfile)).toBe(repoPath('docker/Dockerfile'));
      expect(existsSync(resolve(context, 'package-lock.json'))).toBe(true);
    }
  });

  it('reads app settings from env files that exist', () => {
    for (const app of APPS) {
      const files: string[] = [services[app].env_file].flat();
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) expect(existsSync(resolve(COMPOSE_DIR, file))).toBe(true);
    }
    const env = readRepoFile('docker/.env.example');
    for (const name of ['MONGO_URL', 'AMQP_URL', 'REDIS_URL', 'SMTP_URL', 'JWT_KEYS_DIR', 'NODE_ENV']) {
      expect(env).toMatch(new RegExp(`^${name}=.+`, 'm'));
    }
  });

  it('health-checks every service and starts each one only after what it needs is healthy', () => {
    for (const [name, service] of Object.entries(services)) {
      if (!SETUP.includes(name))
        expect({ name, test: service.healthcheck?.test }).toEqual({ name, test: expect.any(Array) });
      for (const [dependency, condition] of Object.entries(service.depends_on ?? {})) {
        expect({ name, dependency, condition }).toEqual({
          name,
          dependency,
          condition: {
            condition: SETUP.includes(dependency) ? 'service_completed_successfully' : 'service_healthy',
          },
        });
      }
    }
    for (const app of APPS)
      expect(Object.keys(services[app].depends_on)).toEqual(expect.arrayContaining(BROKERS));
    expect(Object.keys(services.notifications.depends_on)).toContain('mailpit');
  });

  it('publishes only the gateway and the management UIs to the host', () => {
    const published = Object.fromEntries(
      Object.entries(services)
        .filter(([, s]) => s.ports)
        .map(([name, s]) => [name, s.ports.map((p: string | number) => String(p).split(':').at(-2))]),
    );
    expect(published).toEqual(PUBLISHED);
    // The management UIs are admin consoles: reachable from this machine only.
    for (const name of ['rabbitmq', 'mailpit', ...OBSERVABILITY])
      for (const port of services[name].ports)
        expect({ name, port }).toEqual({ name, port: expect.stringMatching(/^127\.0\.0\.1:/) });
  });

  it('takes the admin password from the shell, never from a committed file', () => {
    expect(readRepoFile('docker/.env.example')).not.toMatch(/^ADMIN_PASSWORD=/m);
    expect(services.auth.environment.ADMIN_PASSWORD).toMatch(/^\$\{ADMIN_PASSWORD:\?.+\}$/);
  });

  it('runs RabbitMQ as three nodes clustered by classic_config peer discovery, sharing one cookie', () => {
    // Fixed host names = fixed node names rabbit@<host>, which docker/rabbitmq.conf lists.
    expect(BROKERS.map((b) => services[b].hostname)).toEqual(BROKERS);
    const conf = readRepoFile('docker/rabbitmq.conf');
    const setting = (key: string) =>
      [...conf.matchAll(new RegExp(`^${key.replace(/\./g, '\\.')}\\s*=\\s*(\\S+)\\s*$`, 'gm'))].map(
        (m) => m[1],
      );
    expect(setting('cluster_formation.peer_discovery_backend')).toEqual(['classic_config']);
    expect(setting('cluster_formation.classic_config.nodes.\\d+').sort()).toEqual(
      BROKERS.map((b) => `rabbit@${b}`).sort(),
    );
    const cookies = new Set<string>();
    const volumes = new Set<string>();
    for (const broker of BROKERS) {
      const service = services[broker];
      // Every node reads the same config file, mounted where RabbitMQ looks for it.
      expect(service.configs).toEqual([
        { source: expect.any(String), target: '/etc/rabbitmq/rabbitmq.conf' },
      ]);
      expect(resolve(COMPOSE_DIR, compose.configs[service.configs[0].source].file)).toBe(
        repoPath('docker/rabbitmq.conf'),
      );
      // The cookie comes from the shell or docker/.env (required), never from a committed file.
      expect(service.environment.RABBITMQ_ERLANG_COOKIE).toMatch(/^\$\{RABBITMQ_ERLANG_COOKIE:\?.+\}$/);
      cookies.add(service.environment.RABBITMQ_ERLANG_COOKIE);
      expect(service.volumes).toHaveLength(1);
      expect(service.volumes[0]).toMatch(/^[\w-]+:\/var\/lib\/rabbitmq$/);
      volumes.add(service.volumes[0].split(':')[0]);
      // No order between the nodes: after a full stop each waits for the peer that stopped last.
      expect(Object.keys(service.depends_on ?? {}).filter((d) => BROKERS.includes(d))).toEqual([]);
    }
    expect(cookies.size).toBe(1);
    expect(volumes.size).toBe(BROKERS.length); // each node its own data
    expect(readRepoFile('docker/.env.example')).not.toMatch(/^RABBITMQ_ERLANG_COOKIE=/m);
    // One management UI (it shows the whole cluster), on 127.0.0.1 only (checked above).
    expect(BROKERS.filter((b) => services[b].ports)).toEqual(['rabbitmq']);
  });

  it('connects every app as its own broker user, created by broker-users from the one table', () => {
    for (const app of APPS) {
      const variable = `BROKER_PASSWORD_${app.toUpperCase()}`;
      // Every node of the cluster, each with the app's own user; the password comes from the shell
      // or docker/.env, never from a committed file.
      const node = (host: string) => `amqp://${app}:\\$\\{${variable}:\\?[^}]+\\}@${host}:5672`;
      expect(services[app].environment.AMQP_URL).toMatch(
        new RegExp(
          `^${BROKERS.map((b) => services[b].hostname)
            .map(node)
            .join(',')}$`,
        ),
      );
      expect(services['broker-users'].environment[variable]).toMatch(
        new RegExp(`^\\$\\{${variable}:\\?.+\\}$`),
      );
      expect(readRepoFile('docker/.env.example')).not.toMatch(new RegExp(`^${variable}=`, 'm'));
      expect(Object.keys(services[app].depends_on)).toContain('broker-users');
    }
    const setup = services['broker-users'];
    expect(setup.image).toBe(services.rabbitmq.image);
    expect(resolve(COMPOSE_DIR, compose.configs[setup.configs[0].source].file)).toBe(
      repoPath('tools/infra/broker-users.sh'),
    );
    // Once all three nodes are in the cluster (users live in its shared metadata), then the script
    // through the first node, with the cluster's cookie.
    const node = `rabbit@${services.rabbitmq.hostname}`;
    expect(setup.entrypoint.slice(0, 2)).toEqual(['bash', '-c']);
    expect(setup.entrypoint[2]).toMatch(
      new RegExp(
        `^rabbitmqctl -q -n ${node} await_online_nodes ${BROKERS.length} --timeout \\d+ &&\\s+` +
          `exec bash ${setup.configs[0].target} / -n ${node}$`,
      ),
    );
    expect(setup.environment.RABBITMQ_ERLANG_COOKIE).toBe(
      services.rabbitmq.environment.RABBITMQ_ERLANG_COOKIE,
    );
    for (const broker of BROKERS) expect(Object.keys(setup.depends_on)).toContain(broker);
  });

  it('runs Jaeger and Prometheus with the configs of observability/, and the apps export traces to Jaeger', () => {
    const mounted = (service: string, target: string) => {
      const config = services[service].configs.find((c: Yaml) => c.target === target);
      expect({ service, target, config }).toEqual({ service, target, config: expect.anything() });
      return resolve(COMPOSE_DIR, compose.configs[config.source].file);
    };
    // Jaeger: the one config file, told where it is, listening beyond the container's loopback.
    expect(mounted('jaeger', '/etc/jaeger/jaeger.yaml')).toBe(repoPath('observability/jaeger/jaeger.yaml'));
    expect(services.jaeger.command).toEqual(['--config', '/etc/jaeger/jaeger.yaml']);
    expect(services.jaeger.environment.JAEGER_LISTEN_HOST).toBe('0.0.0.0');
    // The apps reach its OTLP/HTTP receiver by the service name (.env.example is every app's env_file).
    const env = readRepoFile('docker/.env.example');
    expect(env).toMatch(/^OTEL_EXPORTER_OTLP_ENDPOINT=http:\/\/jaeger:4318$/m);
    expect(readRepoFile('observability/jaeger/jaeger.yaml')).toMatch(
      /endpoint: \$\{env:JAEGER_LISTEN_HOST:-127\.0\.0\.1\}:\$\{env:JAEGER_OTLP_HTTP_PORT:-4318\}/,
    );
    // Prometheus: the config, its rule file and the compose targets where the config's file_sd looks.
    const config = '/etc/prometheus/prometheus.yml';
    expect(mounted('prometheus', config)).toBe(repoPath('observability/prometheus/prometheus.yml'));
    expect(services.prometheus.command).toContain(`--config.file=${config}`);
    const prometheusYml = readYaml('observability/prometheus/prometheus.yml');
    for (const rules of prometheusYml.rule_files as string[])
      expect(mounted('prometheus', resolve('/etc/prometheus', rules))).toBe(
        repoPath('observability/prometheus', rules),
      );
    const [job] = prometheusYml.scrape_configs;
    const pattern: string = job.file_sd_configs[0].files[0];
    const targetsFile = mounted('prometheus', '/etc/prometheus/targets/compose.json');
    expect(resolve('/etc/prometheus', pattern).replace('*', 'compose')).toBe(
      '/etc/prometheus/targets/compose.json',
    );
    // Every app's ops port (its {APP}_OPS_PORT in .env.example), by service name, and nothing else.
    const groups: { targets: string[]; labels: Record<string, string> }[] = JSON.parse(
      readFileSync(targetsFile, 'utf8'),
    );
    const opsPort = (app: string) => new RegExp(`^${app.toUpperCase()}_OPS_PORT=(\\d+)$`, 'm').exec(env)?.[1];
    expect(groups.flatMap((g) => g.targets).sort()).toEqual(
      APPS.map((app) => `${app}:${opsPort(app)}`).sort(),
    );
    for (const group of groups)
      expect(group.targets[0]).toBe(`${group.labels.service}:${opsPort(group.labels.service)}`);
  });

  it('keeps data in declared named volumes', () => {
    const declared = Object.keys(compose.volumes);
    const used = Object.values(services)
      .flatMap((s) => s.volumes ?? [])
      .map((v: string) => v.split(':')[0]);
    expect(used.length).toBeGreaterThan(0);
    for (const volume of used) expect(declared).toContain(volume); // no bind mounts of host paths
    for (const name of ['mongo', ...BROKERS, 'redis']) expect(services[name].volumes).toHaveLength(1);
  });
});

/** FROM/RUN/... instructions with line continuations joined; comments dropped. */
function dockerInstructions(text: string) {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

describe('Dockerfile', () => {
  const instructions = dockerInstructions(readRepoFile('docker/Dockerfile'));
  const args = (keyword: string) => instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
  const stages = instructions.reduce<(typeof instructions)[]>((all, i) => {
    if (i.keyword === 'FROM') all.push([]);
    all.at(-1)?.push(i);
    return all;
  }, []);
  const finalStage = stages.at(-1) ?? [];
  const inFinal = (keyword: string) => finalStage.filter((i) => i.keyword === keyword).map((i) => i.args);

  it('is multi-stage, on an exactly pinned node 20 slim base', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const defaults = Object.fromEntries(
      args('ARG')
        .map((a) => a.split('='))
        .filter((kv) => kv.length === 2),
    );
    const bases = args('FROM').map((from) =>
      from.split(/\s+/)[0].replace(/^\$\{?(\w+)\}?$/, (_, v) => defaults[v]),
    );
    for (const base of bases) {
      expect(base).toMatch(
        /^node:24\.\d+\.\d+-bookworm-slim(@sha256:[0-9a-f]{64})?$|^node:[^@]+@sha256:[0-9a-f]{64}$/,
      );
    }
  });

  it('installs from the lockfile, builds the app named by ARG APP for production', () => {
    const runs = args('RUN').join('\n');
    expect(args('ARG')).toContain('APP');
    expect(runs).toMatch(/npm ci\b/);
    expect(runs).toMatch(/npx nx build "?\$\{?APP\}?"? --configuration=production/);
    expect(args('COPY')).toContainEqual(expect.stringMatching(/package-lock\.json/));
  });

  it('ships production dependencies only, as the non-root node user, with a health check', () => {
    expect(inFinal('RUN').join('\n')).toMatch(/npm ci --omit=dev/);
    expect(inFinal('COPY').join('\n')).not.toMatch(/node_modules/);
    expect(inFinal('ENV').join(' ')).toMatch(/NODE_ENV=production/);
    const user = inFinal('USER').at(-1);
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user?.split(':')[0]);
    expect(inFinal('HEALTHCHECK').join()).toMatch(/node.*healthcheck\.js/);
    expect(inFinal('EXPOSE').join(' ')).toMatch(/3000/);
    expect(inFinal('CMD').join()).toMatch(/main\.js/);
  });

  it('has a .dockerignore that keeps local state out of the build context', () => {
    const ignored = readRepoFile('.dockerignore').split('\n');
    for (const entry of ['node_modules', '.git', 'dist', '.nx', '.infra']) expect(ignored).toContain(entry);
    // The healthcheck script is copied from the context, so it must not be ignored.
    expect(ignored.some((line) => line.startsWith('docker/healthcheck') || line === 'docker')).toBe(false);
  });
});

describe('docker/healthcheck.js', () => {
  let server: Server;
  let status = 200;
  let port = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.statusCode = req.url === '/health/live' ? status : 404;
      res.end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((done) => server.close(done)));

  // Asynchronous: the stub server runs in this process and must keep answering meanwhile.
  const check = (env: Record<string, string>) =>
    new Promise<number | null>((done) => {
      const child = spawn(process.execPath, ['healthcheck.js'], {
        cwd: repoPath('docker'),
        env,
        stdio: 'ignore',
      });
      child.on('exit', (code) => done(code));
    });

  it('passes on 200 from /health/live on the port the app reads ({APP}_OPS_PORT)', async () => {
    status = 200;
    await expect(check({ APP: 'orders', ORDERS_OPS_PORT: String(port) })).resolves.toBe(0);
  });

  it('fails on an unhealthy answer or when nothing listens', async () => {
    status = 503;
    await expect(check({ APP: 'orders', ORDERS_OPS_PORT: String(port) })).resolves.toBe(1);
    await expect(check({ APP: 'orders', ORDERS_OPS_PORT: '1' })).resolves.toBe(1);
  });
});
