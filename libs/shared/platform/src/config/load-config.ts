import 'reflect-metadata';

import { plainToInstance } from 'class-transformer';
import type { ValidationError } from 'class-validator';
import { getMetadataStorage, validateSync } from 'class-validator';

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
 * once with a clear message instead of failing later. Class fields carry the dev defaults, and their
 * type says how a variable is read (a numeric default makes it a number); this is the only place
 * that reads `process.env`.
 */
export function loadConfig<T extends object>(cls: ConfigClass<T>, env: NodeJS.ProcessEnv = process.env): T {
  const defaults = new cls() as Record<string, unknown>;
  const given: Record<string, unknown> = {};
  // Fields with a default, and optional ones that only carry validation decorators.
  const validated = getMetadataStorage()
    .getTargetValidationMetadatas(cls, '', true, false)
    .map((metadata) => metadata.propertyName);
  for (const key of new Set([...Object.keys(defaults), ...validated])) {
    const raw = env[key];
    if (raw !== undefined && raw !== '') given[key] = convert(raw, kindOf(cls, key, defaults[key]));
  }
  const config = plainToInstance(cls, { ...defaults, ...given });
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigError(errors.flatMap((error) => describe(error, env)));
  return config;
}

/**
 * "VARIABLE: rule" lines for one invalid variable. The value is never shown: variables hold
 * passwords, often inside URLs, and start-up errors end up in logs. A rule text that quotes the
 * value (class-validator's `$value`) gets it masked.
 */
function describe(error: ValidationError, env: NodeJS.ProcessEnv): string[] {
  const secrets = [env[error.property], ...(Array.isArray(error.value) ? error.value : [error.value])]
    .filter((value): value is string => typeof value === 'string' && value.length > 0)
    .sort((a, b) => b.length - a.length);
  const mask = (text: string) => secrets.reduce((masked, value) => masked.split(value).join('***'), text);
  const rules = Object.values(error.constraints ?? {}).map((text) =>
    mask(text.startsWith(`${error.property} `) ? text.slice(error.property.length + 1) : text),
  );
  return (rules.length > 0 ? rules : ['is invalid']).map((rule) => `${error.property}: ${rule}`);
}

/** The type of a field: its default's, else its declared type (decorator metadata) when it has none. */
function kindOf(cls: object, key: string, fallback: unknown): string {
  if (Array.isArray(fallback)) return 'list';
  if (fallback !== undefined) return typeof fallback;
  const declared = Reflect.getMetadata('design:type', (cls as { prototype: object }).prototype, key) as
    { name?: string } | undefined;
  return declared?.name?.toLowerCase() ?? 'string';
}

/** Reads a variable as its field's type; what cannot be read stays invalid for validation. */
function convert(raw: string, kind: string): unknown {
  // A list default (e.g. a cluster's node URLs) reads a comma-separated variable.
  if (kind === 'list')
    return raw
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  if (kind === 'number') return /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : raw;
  if (kind === 'boolean') {
    if (/^(true|1|yes)$/i.test(raw)) return true;
    if (/^(false|0|no)$/i.test(raw)) return false;
  }
  return raw;
}
