import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

/**
 * Lints source text as if it stood at `filePath`, with the workspace's real ESLint config and Nx
 * project graph: nothing is written to disk.
 */
async function lint(filePath: string, code: string): Promise<string[]> {
  // The CLI in a child process: the flat config is ESM, which jest's module sandbox cannot load.
  const result = spawnSync(
    join(root, 'node_modules/.bin/eslint'),
    ['--stdin', '--stdin-filename', join(root, filePath), '--format', 'json'],
    { cwd: root, input: code, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false' } },
  );
  const [report] = JSON.parse(result.stdout) as { messages: { ruleId: string; message: string }[] }[];
  return report.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

const boundaryErrors = (messages: string[]) =>
  messages.filter((message) => message.startsWith('@nx/enforce-module-boundaries'));

describe('module boundaries (enforced by lint)', () => {
  it('rejects a service lib importing another service lib', async () => {
    const messages = await lint(
      'libs/catalog/feature/src/probe.ts',
      "import { OrdersFeatureModule } from '@bookstore/orders/feature';\nexport const probe = OrdersFeatureModule;\n",
    );
    expect(boundaryErrors(messages).join('\n')).toMatch(/scope:catalog/);
  });

  it('rejects the contracts lib depending on anything of ours', async () => {
    const messages = await lint(
      'libs/shared/contracts/src/probe.ts',
      "import { loadConfig } from '@bookstore/shared/platform';\nexport const probe = loadConfig;\n",
    );
    expect(boundaryErrors(messages)).not.toHaveLength(0);
  });

  it('rejects importing an app', async () => {
    const messages = await lint(
      'libs/orders/feature/src/probe.ts',
      "import { AppModule } from '../../../../apps/orders/src/app/app.module';\nexport const probe = AppModule;\n",
    );
    expect(boundaryErrors(messages)).not.toHaveLength(0);
  });

  it('rejects shared libs reaching into a service scope', async () => {
    const messages = await lint(
      'libs/shared/testing/src/probe.ts',
      "import { normalizeEmail } from '@bookstore/auth/domain';\nexport const probe = normalizeEmail;\n",
    );
    expect(boundaryErrors(messages).join('\n')).toMatch(/scope:shared/);
  });

  it('allows a service lib to use its own scope and scope:shared', async () => {
    const messages = await lint(
      'libs/catalog/feature/src/probe.ts',
      "import { DomainError } from '@bookstore/shared/contracts';\nexport const probe = DomainError;\n",
    );
    expect(boundaryErrors(messages)).toEqual([]);
  });
});
