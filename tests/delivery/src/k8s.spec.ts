import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  type AppName,
  APPS,
  describeRun,
  installTools,
  OPS_PORTS,
  parseYamlStream,
  readRepoFile,
  readYaml,
  repoPath,
  run,
  SLOW_SETUP_MS,
  type Yaml,
} from './support/repo';

// Renders both overlays with kustomize, validates every object with kubeconform against the
// Kubernetes JSON schemas (offline, strict: unknown fields fail), then checks the policies we
// care about on the rendered objects, i.e. on what a cluster would actually receive.
/** observability: dev plus Jaeger and Prometheus (issue 14). */
const OVERLAYS = ['dev', 'prod', 'observability'] as const;
type Overlay = (typeof OVERLAYS)[number];
const INFRA = ['mongodb', 'rabbitmq', 'redis', 'mailpit'];
/**
 * Created outside kustomize on purpose: private keys are never committed, and prod holds no secret
 * value at all (not even a placeholder), so it references its Secrets by fixed names.
 */
const EXTERNAL_SECRETS: Record<Overlay, string[]> = {
  dev: ['auth-jwt-keys'],
  prod: ['auth-admin', 'auth-jwt-keys', 'bookstore-broker-users', 'bookstore-connections'],
  observability: ['auth-jwt-keys'],
};
/** What each app talks to, as ports its egress policy must open. */
const EGRESS_PORTS: Record<AppName, number[]> = {
  gateway: [5672, 6379],
  auth: [27017, 5672, 6379],
  catalog: [27017, 5672, 6379],
  orders: [27017, 5672],
  notifications: [27017, 5672, 587, 1025],
};

let tools: Record<string, string>;
let workDir: string;
const OTLP_HTTP_PORT = 4318;
const rendered = {} as Record<Overlay, { file: string; objects: Yaml[] }>;

const kubeconform = (file: string) =>
  run(tools['kubeconform'], [
    '-strict',
    '-summary',
    '-output',
    'json',
    '-schema-location',
    `${tools['k8s-schemas']}/{{ .ResourceKind }}{{ .KindSuffix }}.json`,
    file,
  ]);

beforeAll(() => {
  tools = installTools('kustomize', 'kubeconform', 'k8s-schemas');
  workDir = mkdtempSync(join(tmpdir(), 'delivery-k8s-'));
  for (const overlay of OVERLAYS) {
    const build = run(tools['kustomize'], ['build', repoPath('k8s/overlays', overlay)]);
    if (build.status !== 0) throw new Error(`kustomize build ${overlay}: ${describeRun(build)}`);
    const file = join(workDir, `${overlay}.yaml`);
    writeFileSync(file, build.stdout);
    rendered[overlay] = { file, objects: parseYamlStream(build.stdout) };
  }
}, SLOW_SETUP_MS);

afterAll(() => workDir && rmSync(workDir, { recursive: true, force: true }));

const ofKind = (objects: Yaml[], kind: string) => objects.filter((o) => o.kind === kind);
const named = (objects: Yaml[], kind: string, name: string) =>
  objects.find((o) => o.kind === kind && o.metadata.name === name);
const appContainer = (deployment: Yaml) => deployment.spec.template.spec.containers[0];

it('kubeconform rejects an invalid object, so the offline schemas are really applied', () => {
  const bad = join(workDir, 'bad.yaml');
  writeFileSync(
    bad,
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\nspec:\n  replicas: two\n' +
      '  selector: { matchLabels: { a: b } }\n  template:\n    metadata: { labels: { a: b } }\n' +
      '    spec: { containers: [{ name: x, image: x, unknownField: 1 }] }\n',
  );
  const result = kubeconform(bad);
  expect(result.status).not.toBe(0);
  expect(JSON.parse(result.stdout).summary).toMatchObject({ invalid: 1, skipped: 0 });
});

describe.each(OVERLAYS)('%s overlay', (overlay) => {
  const objects = () => rendered[overlay].objects;
  const deployment = (app: AppName) => named(objects(), 'Deployment', app);

  it('is valid against the Kubernetes schemas (kubeconform -strict), with nothing skipped', () => {
    const result = kubeconform(rendered[overlay].file);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).summary).toEqual({
      valid: objects().length,
      invalid: 0,
      errors: 0,
      skipped: 0,
    });
  });

  it('puts everything in its own namespace, which it also creates', () => {
    const namespace = ofKind(objects(), 'Namespace');
    expect(namespace).toHaveLength(1);
    const others = objects().filter((o) => o.kind !== 'Namespace');
    expect(new Set(others.map((o) => o.metadata.namespace))).toEqual(new Set([namespace[0].metadata.name]));
  });

  it.each(APPS)('%s: probes on the ops port, graceful stop', (app) => {
    const d = deployment(app);
    expect(d).toBeDefined();
    const c = appContainer(d);
    const opsPort = c.ports.find((p: Yaml) => p.name === 'ops');
    expect(opsPort.containerPort).toBe(OPS_PORTS[app]);
    const onOps = (probe: Yaml) => [OPS_PORTS[app], 'ops'].includes(probe.httpGet.port);
    expect(c.startupProbe.httpGet.path).toBe('/health/live');
    expect(c.livenessProbe.httpGet.path).toBe('/health/live');
    expect(c.readinessProbe.httpGet.path).toBe('/health/ready');
    expect([c.startupProbe, c.livenessProbe, c.readinessProbe].every(onOps)).toBe(true);
    expect(d.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(30);
    expect(c.lifecycle.preStop).toBeDefined();
  });

  it.each(APPS)('%s: hardened security context, writable /tmp only', (app) => {
    const pod = deployment(app).spec.template.spec;
    const c = appContainer(deployment(app));
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
    expect(c.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 1000,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    const tmp = c.volumeMounts.find((m: Yaml) => m.mountPath === '/tmp');
    expect(pod.volumes.find((v: Yaml) => v.name === tmp.name).emptyDir).toBeDefined();
    expect(pod.automountServiceAccountToken).toBe(false);
  });

  it.each(APPS)('%s: resources, config from the ConfigMap, connection strings from Secrets', (app) => {
    const c = appContainer(deployment(app));
    for (const kind of ['requests', 'limits']) {
      expect(c.resources[kind]).toEqual({ cpu: expect.anything(), memory: expect.anything() });
    }
    const configMapRef = c.envFrom.find((e: Yaml) => e.configMapRef).configMapRef.name;
    expect(named(objects(), 'ConfigMap', configMapRef)).toBeDefined();
    const fromSecret = Object.fromEntries(
      c.env
        .filter((e: Yaml) => e.valueFrom?.secretKeyRef)
        .map((e: Yaml) => [e.name, e.valueFrom.secretKeyRef]),
    );
    const needed = ['AMQP_URL', ...(app === 'gateway' ? [] : ['MONGO_URL'])];
    expect(Object.keys(fromSecret)).toEqual(expect.arrayContaining(needed));
    // Every referenced Secret key exists in the rendered Secret (kustomize renamed it with a hash).
    for (const ref of (Object.values(fromSecret) as Yaml[]).filter(
      (ref) => !EXTERNAL_SECRETS[overlay].includes(ref.name),
    )) {
      const secret = named(objects(), 'Secret', ref.name);
      expect(secret?.data ?? {}).toHaveProperty([ref.key]);
    }
    // No secret value is ever set inline.
    const inline = c.env.filter((e: Yaml) => e.value !== undefined).map((e: Yaml) => e.name);
    expect(inline.filter((n: string) => /URL|PASSWORD|SECRET|KEY/.test(n))).toEqual([]);
  });

  it('mounts the JWT keys into auth as files from a Secret', () => {
    const pod = deployment('auth').spec.template.spec;
    const keys = pod.volumes.find((v: Yaml) => v.secret?.secretName === 'auth-jwt-keys');
    expect(keys).toBeDefined();
    const mount = appContainer(deployment('auth')).volumeMounts.find((m: Yaml) => m.name === keys.name);
    expect(mount.readOnly).toBe(true);
    const config = named(
      objects(),
      'ConfigMap',
      appContainer(deployment('auth')).envFrom[0].configMapRef.name,
    );
    expect(config.data.JWT_KEYS_DIR).toBe(mount.mountPath);
  });

  it('gives every app a ClusterIP Service for its ops port, and the gateway its HTTP port and Ingress', () => {
    for (const app of APPS) {
      const service = named(objects(), 'Service', app);
      expect(service.spec.type).toBe('ClusterIP');
      expect(service.spec.ports).toContainEqual(expect.objectContaining({ port: OPS_PORTS[app] }));
    }
    expect(named(objects(), 'Service', 'gateway').spec.ports).toContainEqual(
      expect.objectContaining({ port: 3000 }),
    );
    const ingresses = ofKind(objects(), 'Ingress');
    expect(ingresses).toHaveLength(1);
    expect(ingresses[0].spec.rules[0].http.paths[0].backend.service.name).toBe('gateway');
  });

  it('has a PodDisruptionBudget for every app, and v2 autoscalers for gateway and orders', () => {
    for (const app of APPS) {
      const pdb = ofKind(objects(), 'PodDisruptionBudget').find(
        (p) => p.spec.selector.matchLabels['app.kubernetes.io/name'] === app,
      );
      expect(pdb).toBeDefined();
    }
    const hpas = ofKind(objects(), 'HorizontalPodAutoscaler');
    expect(hpas.map((h) => h.apiVersion)).toEqual(hpas.map(() => 'autoscaling/v2'));
    expect(hpas.map((h) => h.spec.scaleTargetRef.name).sort()).toEqual(['gateway', 'orders']);
    for (const hpa of hpas) expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
  });

  it('denies all traffic by default and allows only DNS, the ingress controller and the app flows', () => {
    const policies = ofKind(objects(), 'NetworkPolicy');
    const denyAll = policies.find(
      (p) =>
        Object.keys(p.spec.podSelector).length === 0 &&
        [...p.spec.policyTypes].sort().join() === 'Egress,Ingress' &&
        !p.spec.ingress &&
        !p.spec.egress,
    );
    expect(denyAll).toBeDefined();
    const dns = policies.find((p) =>
      p.spec.egress?.some((e: Yaml) => e.ports?.some((x: Yaml) => x.port === 53)),
    );
    expect(Object.keys(dns.spec.podSelector)).toHaveLength(0);

    const selects = (p: Yaml, app: string) =>
      p.spec.podSelector.matchLabels?.['app.kubernetes.io/name'] === app ||
      p.spec.podSelector.matchExpressions?.some((m: Yaml) => m.values.includes(app));
    const fromIngressController = policies.find(
      (p) =>
        selects(p, 'gateway') &&
        p.spec.ingress?.some(
          (rule: Yaml) =>
            rule.from.some((f: Yaml) => f.namespaceSelector) && rule.ports.some((x: Yaml) => x.port === 3000),
        ),
    );
    expect(fromIngressController).toBeDefined();

    for (const app of APPS) {
      const egressPorts = policies
        .filter((p) => selects(p, app) && p.spec.egress)
        .flatMap((p) => p.spec.egress.flatMap((rule: Yaml) => rule.ports.map((x: Yaml) => x.port)));
      // With Jaeger in the namespace, every app also sends its traces to it (OTLP/HTTP).
      const needs = [...EGRESS_PORTS[app], ...(overlay === 'observability' ? [OTLP_HTTP_PORT] : [])];
      expect(egressPorts).toEqual(expect.arrayContaining(needs));
      // Nothing beyond what the app needs (AMQPS 5671 is the TLS twin of 5672).
      expect(egressPorts.filter((port) => ![...needs, 5671].includes(port))).toEqual([]);
    }
  });
});

describe('dev vs prod', () => {
  const names = (overlay: Overlay) => rendered[overlay].objects.map((o) => `${o.kind}/${o.metadata.name}`);

  it('dev runs MongoDB, RabbitMQ, Redis and Mailpit in the cluster, reachable by the apps', () => {
    const dev = rendered.dev.objects;
    for (const name of INFRA) {
      expect(
        dev.some((o) => ['StatefulSet', 'Deployment'].includes(o.kind) && o.metadata.name === name),
      ).toBe(true);
      expect(named(dev, 'Service', name)).toBeDefined();
      // default-deny would otherwise block the apps' connections on the receiving side.
      const ingress = ofKind(dev, 'NetworkPolicy').find(
        (p) => p.spec.podSelector.matchLabels?.['app.kubernetes.io/name'] === name && p.spec.ingress,
      );
      expect(ingress).toBeDefined();
    }
    const connections = named(dev, 'Secret', findSecretName(dev, 'bookstore-connections'));
    const decoded = (key: string) => Buffer.from(connections.data[key], 'base64').toString();
    expect(decoded('MONGO_URL')).toMatch(/^mongodb:\/\/mongodb[:/]/);
  });

  it.each(OVERLAYS)(
    '%s: every app connects to RabbitMQ as its own user (bookstore-broker-users)',
    (overlay) => {
      const objects = rendered[overlay].objects;
      for (const app of APPS) {
        const amqp = appContainer(named(objects, 'Deployment', app)).env.find(
          (e: Yaml) => e.name === 'AMQP_URL',
        );
        const ref = amqp.valueFrom.secretKeyRef;
        expect(ref.key).toBe(`${app.toUpperCase()}_AMQP_URL`);
        if (overlay === 'prod') expect(ref.name).toBe('bookstore-broker-users');
        else {
          expect(ref.name).toBe(findSecretName(objects, 'bookstore-broker-users'));
          const users = named(objects, 'Secret', ref.name).data;
          const decoded = (key: string) => Buffer.from(users[key], 'base64').toString();
          const password = decoded(`BROKER_PASSWORD_${app.toUpperCase()}`);
          // Every node of the broker cluster, by its pod's DNS name in the headless Service.
          expect(decoded(ref.key)).toBe(
            brokerPods(objects)
              .map((pod) => `amqp://${app}:${password}@${pod}:5672`)
              .join(','),
          );
        }
      }
    },
  );

  it('dev creates those users on the broker with the one table, tools/infra/broker-users.sh', () => {
    const dev = rendered.dev.objects;
    const broker = named(dev, 'StatefulSet', 'rabbitmq').spec.template.spec;
    const script = named(dev, 'ConfigMap', broker.volumes.find((v: Yaml) => v.configMap).configMap.name);
    expect(script.data['broker-users.sh']).toBe(readRepoFile('tools/infra/broker-users.sh'));
    const container = broker.containers[0];
    expect(container.lifecycle.postStart.exec.command.join(' ')).toMatch(
      /bash \/etc\/bookstore\/broker-users\.sh \//,
    );
    const passwords = container.env.filter((e: Yaml) => e.name.startsWith('BROKER_PASSWORD_'));
    expect(passwords.map((e: Yaml) => e.name).sort()).toEqual(
      APPS.map((a) => `BROKER_PASSWORD_${a.toUpperCase()}`).sort(),
    );
  });

  it('dev runs RabbitMQ as three clustered nodes: classic_config peers, one cookie, PDB, spread', () => {
    const dev = rendered.dev.objects;
    const broker = named(dev, 'StatefulSet', 'rabbitmq');
    expect(broker.spec.replicas).toBe(3);
    // Started together, so that after a full stop no pod waits on another's readiness.
    expect(broker.spec.podManagementPolicy).toBe('Parallel');
    const headless = named(dev, 'Service', broker.spec.serviceName);
    expect(headless.spec).toMatchObject({ clusterIP: 'None', publishNotReadyAddresses: true });
    expect(headless.spec.selector).toEqual(broker.spec.selector.matchLabels);
    const pod = broker.spec.template.spec;
    const container = pod.containers[0];
    const env = Object.fromEntries(container.env.map((e: Yaml) => [e.name, e]));

    // Node names are the pods' DNS names, and the config lists exactly those as peers.
    const namespace = broker.metadata.namespace;
    const nodes = brokerPods(dev).map((host) => `rabbit@${host}.${namespace}.svc.cluster.local`);
    expect(env.RABBITMQ_USE_LONGNAME.value).toBe('true');
    expect(env.RABBITMQ_NODENAME.value).toBe(
      `rabbit@$(POD_NAME).${broker.spec.serviceName}.$(POD_NAMESPACE).svc.cluster.local`,
    );
    expect(env.POD_NAME.valueFrom.fieldRef.fieldPath).toBe('metadata.name');
    expect(env.POD_NAMESPACE.valueFrom.fieldRef.fieldPath).toBe('metadata.namespace');
    const mount = container.volumeMounts.find((m: Yaml) => m.mountPath === '/etc/rabbitmq/rabbitmq.conf');
    const configMap = pod.volumes.find((v: Yaml) => v.name === mount.name).configMap.name;
    const conf: string = named(dev, 'ConfigMap', configMap).data[mount.subPath];
    const setting = (key: RegExp) =>
      conf
        .split('\n')
        .map((line) => line.match(/^\s*([\w.]+)\s*=\s*(\S+)\s*$/))
        .filter((m): m is RegExpMatchArray => !!m && key.test(m[1]))
        .map((m) => m[2]);
    expect(setting(/^cluster_formation\.peer_discovery_backend$/)).toEqual(['classic_config']);
    expect(setting(/^cluster_formation\.classic_config\.nodes\.\d+$/).sort()).toEqual(nodes.sort());

    // One Erlang cookie for all nodes, from a Secret (generated here; never inline).
    const cookie = env.RABBITMQ_ERLANG_COOKIE.valueFrom.secretKeyRef;
    expect(cookie.name).toBe(findSecretName(dev, 'rabbitmq-erlang-cookie'));
    expect(
      Buffer.from(named(dev, 'Secret', cookie.name).data[cookie.key], 'base64').length,
    ).toBeGreaterThanOrEqual(20);

    // A drain takes at most one node; the scheduler spreads the nodes over machines when it can.
    const pdb = ofKind(dev, 'PodDisruptionBudget').find(
      (p) => p.spec.selector.matchLabels['app.kubernetes.io/name'] === 'rabbitmq',
    );
    expect(pdb.spec.maxUnavailable).toBe(1);
    const spread = pod.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0];
    expect(spread.podAffinityTerm).toMatchObject({
      topologyKey: 'kubernetes.io/hostname',
      labelSelector: { matchLabels: broker.spec.selector.matchLabels },
    });

    // default-deny must let the nodes reach each other on epmd and the distribution port.
    const clusterPorts = [4369, 25672];
    const amongBrokers = (rule: Yaml, side: 'from' | 'to') =>
      rule[side]?.some(
        (peer: Yaml) => peer.podSelector?.matchLabels?.['app.kubernetes.io/name'] === 'rabbitmq',
      ) && clusterPorts.every((port) => rule.ports.some((x: Yaml) => x.port === port));
    const policies = ofKind(dev, 'NetworkPolicy').filter(
      (p) => p.spec.podSelector.matchLabels?.['app.kubernetes.io/name'] === 'rabbitmq',
    );
    expect(policies.some((p) => p.spec.ingress?.some((r: Yaml) => amongBrokers(r, 'from')))).toBe(true);
    expect(policies.some((p) => p.spec.egress?.some((r: Yaml) => amongBrokers(r, 'to')))).toBe(true);
  });

  it('prod expects external infrastructure and runs at least 3 replicas of everything', () => {
    const prod = rendered.prod.objects;
    for (const name of INFRA) expect(names('prod').filter((n) => n.endsWith(`/${name}`))).toEqual([]);
    expect(
      ofKind(prod, 'Deployment')
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual([...APPS].sort());
    expect(ofKind(prod, 'StatefulSet')).toEqual([]);
    for (const d of ofKind(prod, 'Deployment')) expect(d.spec.replicas).toBeGreaterThanOrEqual(3);
    for (const hpa of ofKind(prod, 'HorizontalPodAutoscaler'))
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(3);
    // No secret values, not even placeholders: every Secret is managed outside the repository.
    expect(ofKind(prod, 'Secret')).toEqual([]);
  });

  it('prod requests more than dev, serves TLS, and uses released images', () => {
    const memory = (overlay: Overlay) =>
      appContainer(named(rendered[overlay].objects, 'Deployment', 'orders')).resources.requests.memory;
    expect(parseInt(memory('prod'))).toBeGreaterThan(parseInt(memory('dev')));
    expect(ofKind(rendered.prod.objects, 'Ingress')[0].spec.tls).toHaveLength(1);
    for (const d of ofKind(rendered.prod.objects, 'Deployment')) {
      expect(appContainer(d).image).toMatch(new RegExp(`/bookstore-${d.metadata.name}:\\d+\\.\\d+\\.\\d+$`));
    }
  });

  it('only the documented Secrets are left to be created outside kustomize', () => {
    for (const overlay of OVERLAYS) {
      const objects = rendered[overlay].objects;
      const secrets = new Set(ofKind(objects, 'Secret').map((s) => s.metadata.name));
      const referenced = new Set<string>();
      for (const o of objects.filter((x) => ['Deployment', 'StatefulSet'].includes(x.kind))) {
        const pod = o.spec.template.spec;
        for (const v of pod.volumes ?? []) if (v.secret) referenced.add(v.secret.secretName);
        for (const c of pod.containers) {
          for (const e of c.env ?? [])
            if (e.valueFrom?.secretKeyRef) referenced.add(e.valueFrom.secretKeyRef.name);
          for (const e of c.envFrom ?? []) if (e.secretRef) referenced.add(e.secretRef.name);
        }
      }
      expect([...referenced].filter((name) => !secrets.has(name)).sort()).toEqual(EXTERNAL_SECRETS[overlay]);
    }
  });
});

describe('observability overlay', () => {
  const objects = () => rendered.observability.objects;
  const configMap = (base: string) => {
    const found = ofKind(objects(), 'ConfigMap').find((c) => c.metadata.name.startsWith(`${base}-`));
    if (!found) throw new Error(`no ConfigMap ${base}-<hash>`);
    return found;
  };
  const podSpec = (name: string) => named(objects(), 'Deployment', name).spec.template.spec;
  const selects = (p: Yaml, app: string) =>
    p.spec.podSelector.matchLabels?.['app.kubernetes.io/name'] === app ||
    p.spec.podSelector.matchExpressions?.some((m: Yaml) => m.values.includes(app));
  const peerIs = (peers: Yaml[], app: string) =>
    peers.some(
      (peer) =>
        peer.podSelector?.matchLabels?.['app.kubernetes.io/name'] === app ||
        peer.podSelector?.matchExpressions?.some((m: Yaml) => m.values.includes(app)),
    );

  it('is dev plus Jaeger and Prometheus, from pinned official images, each with a Service', () => {
    const extra = (o: Yaml) => `${o.kind}/${o.metadata.name}`;
    const dev = new Set(rendered.dev.objects.map(extra));
    for (const o of rendered.dev.objects.filter((x) => x.kind !== 'ConfigMap'))
      expect(objects().map(extra)).toContain(extra(o));
    expect(
      objects()
        .filter((o) => ['Deployment', 'Service'].includes(o.kind) && !dev.has(extra(o)))
        .map(extra)
        .sort(),
    ).toEqual(['Deployment/jaeger', 'Deployment/prometheus', 'Service/jaeger', 'Service/prometheus']);
    expect(podSpec('jaeger').containers[0].image).toMatch(/^jaegertracing\/jaeger:2\.\d+\.\d+$/);
    expect(podSpec('prometheus').containers[0].image).toMatch(/^prom\/prometheus:v\d+\.\d+\.\d+$/);
    const ports = (name: string) => named(objects(), 'Service', name).spec.ports.map((p: Yaml) => p.port);
    expect(ports('jaeger')).toEqual(expect.arrayContaining([OTLP_HTTP_PORT, 16686]));
    expect(ports('prometheus')).toEqual([9090]);
  });

  it('mounts the very files of observability/ (no copy) where each server reads them', () => {
    const jaeger = podSpec('jaeger');
    expect(jaeger.containers[0].args).toEqual(['--config', '/etc/jaeger/jaeger.yaml']);
    expect(jaeger.containers[0].volumeMounts).toContainEqual(
      expect.objectContaining({ mountPath: '/etc/jaeger' }),
    );
    expect(configMap('jaeger-config').data['jaeger.yaml']).toBe(
      readRepoFile('observability/jaeger/jaeger.yaml'),
    );
    const env = Object.fromEntries(jaeger.containers[0].env.map((e: Yaml) => [e.name, e.value]));
    expect(env.JAEGER_LISTEN_HOST).toBe('0.0.0.0');

    const prometheus = podSpec('prometheus');
    expect(prometheus.containers[0].args).toContain('--config.file=/etc/prometheus/prometheus.yml');
    const mount = prometheus.containers[0].volumeMounts.find((m: Yaml) => m.mountPath === '/etc/prometheus');
    const sources: Yaml[] = prometheus.volumes.find((v: Yaml) => v.name === mount.name).projected.sources;
    const config = configMap('prometheus-config');
    expect(sources.map((x) => x.configMap.name)).toContain(config.metadata.name);
    expect(config.data['prometheus.yml']).toBe(readRepoFile('observability/prometheus/prometheus.yml'));
    const prometheusYml = readYaml('observability/prometheus/prometheus.yml');
    for (const rules of prometheusYml.rule_files as string[])
      expect(config.data[rules]).toBe(readRepoFile('observability/prometheus', rules));
    // The targets land where the config's file_sd pattern looks (targets/*.json).
    const targets = configMap('prometheus-targets');
    const projected = sources.find((x) => x.configMap.name === targets.metadata.name).configMap.items;
    const pattern: string = prometheusYml.scrape_configs[0].file_sd_configs[0].files[0];
    expect(projected).toHaveLength(1);
    expect(projected[0].path).toMatch(new RegExp(`^${pattern.replace('.', '\\.').replace('*', '[\\w-]+')}$`));
    // Every app's ops Service port, by the Service's name.
    const groups: { targets: string[] }[] = JSON.parse(targets.data[projected[0].key]);
    expect(groups.flatMap((g) => g.targets).sort()).toEqual(
      APPS.map(
        (app) =>
          `${app}:${named(objects(), 'Service', app).spec.ports.find((p: Yaml) => p.name === 'ops').port}`,
      ).sort(),
    );
  });

  it('points every app at Jaeger and lets the traces and the scrapes through default-deny', () => {
    const config = ofKind(objects(), 'ConfigMap').find((c) =>
      c.metadata.name.startsWith('bookstore-config-'),
    );
    expect(config.data.OTEL_EXPORTER_OTLP_ENDPOINT).toBe(`http://jaeger:${OTLP_HTTP_PORT}`);
    for (const app of APPS) {
      const envFrom = appContainer(named(objects(), 'Deployment', app)).envFrom;
      expect(envFrom).toContainEqual({ configMapRef: { name: config.metadata.name } });
    }
    const policies = ofKind(objects(), 'NetworkPolicy');
    const ingressTo = (target: string, from: string, port: number | string) =>
      policies.some(
        (p) =>
          selects(p, target) &&
          p.spec.ingress?.some(
            (rule: Yaml) => peerIs(rule.from, from) && rule.ports.some((x: Yaml) => x.port === port),
          ),
      );
    const egressTo = (source: string, to: string, port: number) =>
      policies.some(
        (p) =>
          selects(p, source) &&
          p.spec.egress?.some(
            (rule: Yaml) => peerIs(rule.to ?? [], to) && rule.ports.some((x: Yaml) => x.port === port),
          ),
      );
    for (const app of APPS) {
      expect({ app, toJaeger: egressTo(app, 'jaeger', OTLP_HTTP_PORT) }).toEqual({ app, toJaeger: true });
      expect({ app, jaegerAccepts: ingressTo('jaeger', app, OTLP_HTTP_PORT) }).toEqual({
        app,
        jaegerAccepts: true,
      });
      const ops = named(objects(), 'Service', app).spec.ports.find((p: Yaml) => p.name === 'ops').port;
      expect({ app, scraped: egressTo('prometheus', app, ops) }).toEqual({ app, scraped: true });
      expect({ app, opsAccepts: ingressTo(app, 'prometheus', 'ops') }).toEqual({ app, opsAccepts: true });
    }
  });
});

/** The broker pods' DNS names in their headless Service: rabbitmq-0.rabbitmq-headless, … */
function brokerPods(objects: Yaml[]): string[] {
  const broker = named(objects, 'StatefulSet', 'rabbitmq');
  return Array.from({ length: broker.spec.replicas }, (_, i) => `rabbitmq-${i}.${broker.spec.serviceName}`);
}

/** kustomize appends a content hash to generated names: bookstore-connections-<hash>. */
function findSecretName(objects: Yaml[], base: string): string {
  const secret = ofKind(objects, 'Secret').find((s) => s.metadata.name.startsWith(`${base}-`));
  if (!secret) throw new Error(`no Secret ${base}-<hash>`);
  return secret.metadata.name;
}
