import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/** Thrown at start-up when a variable is missing or malformed; the message names every problem. */
export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type ConfigClass<T> = new () => T;

/**
 * Builds a typed config object from environment variables and validates it, so a service stops at
 * once with a clear message instead of failing later. Class fields carry the dev defaults; this is
 * the only place that reads `process.env`.
 */
export function loadConfig<T extends object>(cls: ConfigClass<T>, env: NodeJS.ProcessEnv = process.env): T {
  const defined = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const config = plainToInstance(cls, defined, {
    enableImplicitConversion: true,
    excludeExtraneousValues: false,
  });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.flatMap((error) =>
        Object.values(error.constraints ?? {}).map(
          (text) => `${error.property}=${JSON.stringify(error.value)}: ${text}`,
        ),
      ),
    );
  }
  // Keep only the declared fields: the instance must not carry the whole environment around.
  const declared = new cls();
  for (const key of Object.keys(declared) as (keyof T)[]) declared[key] = config[key];
  return declared;
}
