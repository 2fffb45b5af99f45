import type { ValidationArguments } from 'class-validator';
import { registerDecorator } from 'class-validator';

import { isConnectionUrl, urlCredentialsRule, weakPasswordRule } from './secret-rules';

/** Production is the one environment whose secrets are checked: development keeps its documented defaults. */
const inProduction = (args: ValidationArguments) =>
  (args.object as { NODE_ENV?: unknown }).NODE_ENV === 'production';

/**
 * A decorator that applies `rule` (null = passes) only with NODE_ENV=production, and reports the
 * rule it broke, never the value.
 */
function productionRule(name: string, rule: (value: string, args: ValidationArguments) => string | null) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          !inProduction(args) || typeof value !== 'string' || rule(value, args) === null,
        defaultMessage: (args: ValidationArguments) =>
          `with NODE_ENV=production ${rule(String(args.value), args) ?? 'is invalid'}`,
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

/** A URL of one of `protocols` (e.g. amqp, amqps) with a host and a valid port, in every environment. */
export function IsConnectionUrl(protocols: readonly string[]) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isConnectionUrl',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isConnectionUrl(value, protocols),
        defaultMessage: () =>
          `must be a ${protocols.map((protocol) => `${protocol}://`).join(' or ')} URL with a host and a port in 1-65535`,
      },
    });
}
