import { generateKeyPairSync } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A private key as found on disk. */
export interface KeyFile {
  name: string;
  pem: string;
  createdAt: Date;
}

/**
 * Reads every `*.pem` of the keys directory (its modification time is the key's age). When there
 * is none, writes a fresh 2048-bit RSA key first, so a development start needs no setup.
 */
export async function loadOrCreateKeyFiles(dir: string, now = new Date()): Promise<KeyFile[]> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  let files = await readKeyFiles(dir);
  if (files.length === 0) {
    await writeNewKey(dir, now);
    files = await readKeyFiles(dir);
  }
  return files;
}

/** Writes a new RSA private key (PKCS#8 PEM, owner-only) named after its creation time. */
export async function writeNewKey(dir: string, now = new Date()): Promise<string> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const name = `${now.toISOString().replace(/[:.]/g, '-')}.pem`;
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  await writeFile(join(dir, name), pem, { mode: 0o600, flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return name;
}

async function readKeyFiles(dir: string): Promise<KeyFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.pem')).sort();
  return Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      const [pem, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
      return { name, pem, createdAt: info.mtime };
    }),
  );
}
