import type { ValidationArguments } from 'class-validator';
import { registerDecorator } from 'class-validator';

import { isConnectionUrl, urlCredentialsRule, weakPasswordRule } from './secret-rules';

/** Production is the one environment whose secrets are checked: development keeps its documented defaults. */
const inProduction = (args: ValidationArguments) =>
  (args.object as { NODE_ENV?: unknown }).NODE_ENV === 'production';

/** The strings a field holds: itself, or each item of a list (e.g. a cluster's node URLs). */
const stringsOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');

/**
 * A decorator that applies `rule` (null = passes) only with NODE_ENV=production, to the field or to
 * each item of a list field, and reports the first rule broken, never the value.
 */
function productionRule(name: string, rule: (value: string, args: ValidationArguments) => string | null) {
  const broken = (value: unknown, args: ValidationArguments) =>
    stringsOf(value)
      .map((item) => rule(item, args))
      .find((problem) => problem !== null) ?? null;
  return (target: object, propertyName: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          !inProduction(args) || broken(value, args) === null,
        defaultMessage: (args: ValidationArguments) =>
          `with NODE_ENV=production ${broken(args.value, args) ?? 'is invalid'}`,
      },
    });
}

/**
 * With NODE_ENV=production: the password is no placeholder or documented default, long, varied,
 * not a common one, and not the account name held by the field `identityField` (e.g. ADMIN_EMAIL).
 */
export function IsProductionPassword(identityField?: string) {
  return productionRule('isProductionPassword', (value, args) =>
    weakPasswordRule(
      value,
      identityField ? String((args.object as Record<string, unknown>)[identityField] ?? '') : undefined,
    ),
  );
}

/** With NODE_ENV=production: a connection URL carries no placeholder password nor a server's default credentials. */
export function HasProductionCredentials() {
  return productionRule('hasProductionCredentials', (value) => urlCredentialsRule(value));
}

/**
 * A URL of one of `protocols` (e.g. amqp, amqps) with a host and a valid port, in every environment;
 * on a list field (a cluster's nodes), a non-empty list of such URLs.
 */
export function IsConnectionUrl(protocols: readonly string[]) {
  const valid = (value: unknown) => typeof value === 'string' && isConnectionUrl(value, protocols);
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isConnectionUrl',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) ? value.length > 0 && value.every(valid) : valid(value),
        defaultMessage: (args: ValidationArguments) =>
          `must be a ${protocols.map((protocol) => `${protocol}://`).join(' or ')} URL with a host and a port in 1-65535` +
          (Array.isArray(args.value) ? ' (or several, comma-separated)' : ''),
      },
    });
}
