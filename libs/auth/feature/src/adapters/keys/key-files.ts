import { generateKeyPairSync } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A private key as found on disk, with the metadata declared beside it. */
export interface KeyFile {
  name: string;
  pem: string;
  /** The declared key id; when absent, the key's RFC 7638 thumbprint is its id. */
  kid?: string;
  activatesAt: Date;
}

/** The metadata file `<name>.json` beside each `<name>.pem`. */
export interface KeyMetadata {
  kid?: string;
  /** ISO-8601: from when the key may sign. Before it, the key is published (JWKS) but does not sign. */
  activatesAt: string;
}

/** How to read the keys directory. */
export interface KeyFileOptions {
  /** Development: create a key when there is none, and metadata for a legacy key that lacks it. */
  generate: boolean;
  now?: Date;
}

/** A keys directory that cannot be used; the message names the file and what to do. */
export class KeyFilesError extends Error {}

const KID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Reads every `<name>.pem` of the keys directory with its `<name>.json` metadata: activation time
 * and key id are declared, never taken from the file's modification time (a Kubernetes Secret
 * mount rewrites every file's mtime at each update). With `generate` (development), an empty
 * directory first gets a fresh key, so a first start needs no setup.
 */
export async function loadKeyFiles(dir: string, options: KeyFileOptions): Promise<KeyFile[]> {
  const now = options.now ?? new Date();
  if (options.generate) await mkdir(dir, { recursive: true, mode: 0o700 });
  let files = await readKeyFiles(dir, options.generate);
  if (files.length === 0 && options.generate) {
    await writeNewKey(dir, now);
    files = await readKeyFiles(dir, options.generate);
  }
  if (files.length === 0)
    throw new KeyFilesError(
      `JWT_KEYS_DIR (${dir}) holds no <name>.pem key: create one with its <name>.json metadata (docs/DEPLOYMENT.md, "Signing keys")`,
    );
  return files;
}

/**
 * Writes a new RSA private key (PKCS#8 PEM, owner-only) named after `activatesAt`, its metadata
 * first: a reader ignores metadata without a key, never the other way round.
 */
export async function writeNewKey(dir: string, activatesAt = new Date(), kid?: string): Promise<string> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const base = activatesAt.toISOString().replace(/[:.]/g, '-');
  const metadata: KeyMetadata = { ...(kid ? { kid } : {}), activatesAt: activatesAt.toISOString() };
  await writeOnce(join(dir, `${base}.json`), `${JSON.stringify(metadata)}\n`);
  await writeOnce(join(dir, `${base}.pem`), privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  return `${base}.pem`;
}

async function readKeyFiles(dir: string, generate: boolean): Promise<KeyFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.pem')).sort();
  return Promise.all(
    names.map(async (name) => {
      const base = name.slice(0, -'.pem'.length);
      const pem = await readFile(join(dir, name), 'utf8');
      const metadata = await readMetadata(dir, base, generate);
      return { name, pem, ...metadata };
    }),
  );
}

async function readMetadata(
  dir: string,
  base: string,
  generate: boolean,
): Promise<Omit<KeyFile, 'name' | 'pem'>> {
  const path = join(dir, `${base}.json`);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (!generate)
      throw new KeyFilesError(
        `${base}.pem has no ${base}.json beside it: write {"activatesAt": "<ISO-8601 time>"} there (docs/DEPLOYMENT.md, "Signing keys")`,
      );
    // A development key from before metadata existed: it has always been active.
    text = JSON.stringify({ activatesAt: new Date(0).toISOString() });
    await writeOnce(path, `${text}\n`);
  }
  return parseMetadata(`${base}.json`, text);
}

function parseMetadata(name: string, text: string): Omit<KeyFile, 'name' | 'pem'> {
  let metadata: Partial<KeyMetadata>;
  try {
    metadata = JSON.parse(text) as Partial<KeyMetadata>;
  } catch {
    throw new KeyFilesError(`${name} is not JSON`);
  }
  const activatesAt = new Date(String(metadata.activatesAt));
  if (typeof metadata.activatesAt !== 'string' || Number.isNaN(activatesAt.getTime()))
    throw new KeyFilesError(`${name}: activatesAt must be an ISO-8601 time`);
  if (metadata.kid !== undefined && (typeof metadata.kid !== 'string' || !KID.test(metadata.kid)))
    throw new KeyFilesError(`${name}: kid must be 1-128 letters, digits, dots, dashes or underscores`);
  return { activatesAt, ...(metadata.kid ? { kid: metadata.kid } : {}) };
}

/** Creates the file unless it exists (two starting replicas may both try; the first one's stays). */
async function writeOnce(path: string, content: string): Promise<void> {
  await writeFile(path, content, { mode: 0o600, flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}
