import { readdirSync } from 'node:fs';

import {
  APPS,
  describeRun,
  installTools,
  readYaml,
  repoPath,
  run,
  SLOW_SETUP_MS,
  type Yaml,
} from './support/repo';

// actionlint knows GitHub's workflow schema, expression types and the inputs of common actions
// (and runs shellcheck on `run:` scripts when shellcheck is installed). The assertions below
// pin down what the workflows must do for this repo.
const WORKFLOW_DIR = repoPath('.github/workflows');
const workflows = readdirSync(WORKFLOW_DIR).filter((f) => /\.ya?ml$/.test(f));
const ci = readYaml('.github/workflows/ci.yml');
const release = readYaml('.github/workflows/release.yml');

let actionlint: string;
beforeAll(() => {
  actionlint = installTools('actionlint').actionlint;
}, SLOW_SETUP_MS);

const steps = (workflow: Yaml): Yaml[] =>
  Object.values(workflow.jobs).flatMap((job: Yaml) => job.steps ?? []);
const step = (job: Yaml, action: string) => job.steps.find((s: Yaml) => s.uses?.startsWith(`${action}@`));
const scripts = (job: Yaml) => job.steps.map((s: Yaml) => s.run ?? '').join('\n');

it('actionlint finds no problem in any workflow', () => {
  expect(workflows).toEqual(expect.arrayContaining(['ci.yml', 'release.yml']));
  const result = run(actionlint, ['-no-color', ...workflows.map((f) => `${WORKFLOW_DIR}/${f}`)]);
  expect({ status: result.status, output: describeRun(result) }).toMatchObject({ status: 0 });
});

it('pins every action to a major version or a commit', () => {
  const uses = [...steps(ci), ...steps(release)].map((s) => s.uses).filter(Boolean);
  expect(uses.length).toBeGreaterThan(5);
  for (const action of uses) expect(action).toMatch(/@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/);
});

describe('ci.yml', () => {
  const job = ci.jobs.affected;

  it('runs on pull requests and pushes to main', () => {
    expect(ci.on).toHaveProperty('pull_request');
    expect(ci.on.push.branches).toEqual(['main']);
  });

  it('checks out full history, sets up Node 24 with the npm cache and installs from the lockfile', () => {
    expect(step(job, 'actions/checkout').with['fetch-depth']).toBe(0);
    expect(step(job, 'actions/setup-node').with).toMatchObject({ 'node-version': 24, cache: 'npm' });
    expect(scripts(job)).toMatch(/^npm ci( \|\| npm install)?$/m);
  });

  it('lints, tests and builds only affected projects between the SHAs nx-set-shas found', () => {
    const order = job.steps.map((s: Yaml) => s.uses?.split('@')[0] ?? s.run);
    expect(order.indexOf('nrwl/nx-set-shas')).toBeGreaterThan(
      order.findIndex((entry: string) => entry?.startsWith('npm ci')),
    );
    expect(scripts(job)).toMatch(
      /npx nx affected -t lint test build --base="?\$NX_BASE"? --head="?\$NX_HEAD"?/,
    );
    const nxCache = job.steps.find(
      (s: Yaml) => s.uses?.startsWith('actions/cache@') && s.with.path === '.nx/cache',
    );
    expect(nxCache).toBeDefined();
  });

  it('provides MongoDB, RabbitMQ and Redis as health-checked service containers', () => {
    expect(Object.keys(job.services).sort()).toEqual(['mongo', 'rabbitmq', 'redis']);
    for (const service of Object.values(job.services) as Yaml[]) {
      expect(service.options).toMatch(/--health-cmd/);
      expect(service.ports).toHaveLength(1);
    }
    expect(job.services.rabbitmq.image).toMatch(/^rabbitmq:3[.\d]*-management$/);
    expect(Object.keys(job.env)).toEqual(expect.arrayContaining(['MONGO_URL', 'AMQP_URL', 'REDIS_URL']));
  });

  it('builds, without pushing, an image for each affected app', () => {
    expect(scripts(job)).toMatch(/npx nx show projects --affected --type app --json/);
    const image = ci.jobs.image;
    expect(image.needs).toBe('affected');
    expect(image.strategy.matrix.app).toBe('${{ fromJSON(needs.affected.outputs.apps) }}');
    expect(step(image, 'docker/build-push-action').with).toMatchObject({
      file: 'docker/Dockerfile',
      'build-args': 'APP=${{ matrix.app }}',
      push: false,
    });
  });
});

describe('release.yml', () => {
  const job = release.jobs.image;

  it('runs on v* tags only, with permission to write packages', () => {
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
    expect(release.permissions).toMatchObject({ packages: 'write', contents: 'read' });
  });

  it('logs in to GHCR, tags with metadata-action and pushes all five images', () => {
    expect(job.strategy.matrix.app).toEqual([...APPS]);
    expect(step(job, 'docker/login-action').with.registry).toBe('ghcr.io');
    expect(step(job, 'docker/metadata-action').with.images).toMatch(/bookstore-\$\{\{ matrix\.app \}\}$/);
    expect(step(job, 'docker/build-push-action').with).toMatchObject({
      file: 'docker/Dockerfile',
      'build-args': 'APP=${{ matrix.app }}',
      push: true,
      tags: '${{ steps.meta.outputs.tags }}',
    });
  });
});
