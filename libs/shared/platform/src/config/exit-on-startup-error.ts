import { ConfigError } from './load-config';

/** Ends a process that could not start, with the reason on stderr and no stack for config errors. */
export function exitOnStartupError(error: unknown): never {
  const text =
    error instanceof ConfigError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(
    `${JSON.stringify({ level: 'error', time: new Date().toISOString(), msg: 'start-up failed', error: text })}\n`,
  );
  process.exit(1);
}
