import { IsBoolean, IsEmail, IsInt, IsOptional, IsString, Max, Min, NotEquals } from 'class-validator';

import { InfraConfig } from './infra.config';
import { ConfigError, loadConfig } from './load-config';
import { IsProductionPassword } from './production-rules';

class ExampleConfig extends InfraConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  EXAMPLE_PORT = 9999;

  @IsOptional()
  @IsBoolean()
  EXAMPLE_FLAG?: boolean;
}

class AdminConfig extends InfraConfig {
  @IsEmail()
  ADMIN_EMAIL = 'admin@example.com';

  @IsString()
  @IsProductionPassword('ADMIN_EMAIL')
  ADMIN_PASSWORD = 'ChangeMe123!';
}

/** A rule whose message quotes the value, as class-validator's `$value` does. */
class QuotingConfig {
  @NotEquals('hunter2-secret', { message: '$value is not allowed' })
  QUOTED = 'fine';
}

describe('loadConfig', () => {
  it('reads MEMORY_RELEASE_ON_IDLE as a boolean, refusing anything else', () => {
    expect(loadConfig(ExampleConfig, {}).MEMORY_RELEASE_ON_IDLE).toBe(true);
    expect(loadConfig(ExampleConfig, { MEMORY_RELEASE_ON_IDLE: 'false' }).MEMORY_RELEASE_ON_IDLE).toBe(false);
    expect(loadConfig(ExampleConfig, { MEMORY_RELEASE_ON_IDLE: 'true' }).MEMORY_RELEASE_ON_IDLE).toBe(true);
    expect(() => loadConfig(ExampleConfig, { MEMORY_RELEASE_ON_IDLE: 'maybe' })).toThrow(
      /MEMORY_RELEASE_ON_IDLE/,
    );
  });

  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig(ExampleConfig, {});
    expect(config.EXAMPLE_PORT).toBe(9999);
    expect(config.MONGO_URL).toBe('mongodb://127.0.0.1:27017');
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('converts and validates what is set, and ignores unrelated variables', () => {
    const config = loadConfig(ExampleConfig, { EXAMPLE_PORT: '4000', PATH: '/usr/bin', LOG_LEVEL: 'debug' });
    expect(config.EXAMPLE_PORT).toBe(4000);
    expect(config.LOG_LEVEL).toBe('debug');
    expect(Object.keys(config)).not.toContain('PATH');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(ExampleConfig, { EXAMPLE_PORT: '' }).EXAMPLE_PORT).toBe(9999);
  });

  it('stops with one message naming every bad variable and its rule', () => {
    expect.assertions(4);
    try {
      loadConfig(ExampleConfig, { EXAMPLE_PORT: '70000', AMQP_URL: 'http://nope', LOG_LEVEL: 'loud' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain('EXAMPLE_PORT: must not be greater than 65535');
      expect(message).toContain(
        'AMQP_URL: must be a amqp:// or amqps:// URL with a host and a port in 1-65535',
      );
      expect(message).toContain('LOG_LEVEL: must be one of the following values');
    }
  });

  it('never echoes a value: a password in a URL stays out of the message', () => {
    const secret = 'S3cr3t-Pa55word';
    const message = messageOf(() =>
      loadConfig(ExampleConfig, { AMQP_URL: `amqp://app:${secret}@rabbit:99999` }),
    );
    expect(message).toContain('AMQP_URL: must be');
    expect(message).not.toContain(secret);
    expect(message).not.toContain('rabbit');
  });

  it('masks a value that a rule’s own message quotes', () => {
    const message = messageOf(() => loadConfig(QuotingConfig, { QUOTED: 'hunter2-secret' }));
    expect(message).toBe('Invalid configuration:\n  - QUOTED: *** is not allowed');
  });
});

describe('loadConfig conversions', () => {
  it('rejects a number that is not one, naming the variable only', () => {
    const message = messageOf(() => loadConfig(ExampleConfig, { EXAMPLE_PORT: '80abc' }));
    expect(message).toContain('EXAMPLE_PORT: must be an integer number');
    expect(message).not.toContain('80abc');
  });
});

describe('loadConfig optional fields', () => {
  it('reads an optional field that has no default', () => {
    expect(loadConfig(ExampleConfig, {}).EXAMPLE_FLAG).toBeUndefined();
    expect(loadConfig(ExampleConfig, { EXAMPLE_FLAG: 'true' }).EXAMPLE_FLAG).toBe(true);
  });
});

describe('loadConfig in production', () => {
  const production = { NODE_ENV: 'production', AMQP_URL: 'amqp://app:Xq7-long-Secret@rabbit:5672' };

  it('refuses the default or a placeholder admin password, naming the variable and the rule', () => {
    for (const password of [undefined, 'REPLACE_ME', 'changeme', 'change-me-in-dev']) {
      const message = messageOf(() => loadConfig(AdminConfig, { ...production, ADMIN_PASSWORD: password }));
      expect(message).toContain('ADMIN_PASSWORD: with NODE_ENV=production must not be a placeholder');
      if (password) expect(message).not.toContain(password);
    }
  });

  it('refuses a weak admin password with the rule it breaks', () => {
    const cases = {
      'Sh0rt!pass': 'must be at least 12 characters long',
      aaaaaaaaaaaaaaaa: 'must mix at least 3 kinds of character',
      'Password123!!': 'must not be one of the most common passwords',
      'Opsadmin-2025!': 'must not be or contain the account name',
    };
    for (const [password, rule] of Object.entries(cases)) {
      const message = messageOf(() =>
        loadConfig(AdminConfig, {
          ...production,
          ADMIN_EMAIL: 'opsadmin@example.com',
          ADMIN_PASSWORD: password,
        }),
      );
      expect({ password, message }).toEqual({
        password,
        message: expect.stringContaining(`ADMIN_PASSWORD: with NODE_ENV=production ${rule}`),
      });
      expect(message).not.toContain(password);
    }
  });

  it('accepts a strong admin password, and any password outside production', () => {
    expect(loadConfig(AdminConfig, { ...production, ADMIN_PASSWORD: 'k7#Vq9-tLm2!zR' }).ADMIN_PASSWORD).toBe(
      'k7#Vq9-tLm2!zR',
    );
    expect(loadConfig(AdminConfig, { ADMIN_PASSWORD: 'REPLACE_ME' }).ADMIN_PASSWORD).toBe('REPLACE_ME');
  });

  it('refuses connection URLs with placeholder passwords or a server’s default credentials', () => {
    const message = messageOf(() =>
      loadConfig(ExampleConfig, {
        NODE_ENV: 'production',
        MONGO_URL: 'mongodb+srv://app:REPLACE_ME@db1:27017,db2:27017/shop',
        AMQP_URL: 'amqp://guest:guest@rabbit:5672',
        REDIS_URL: 'rediss://:changeme@cache:6379',
      }),
    );
    expect(message).toContain('MONGO_URL: with NODE_ENV=production must not carry a placeholder password');
    expect(message).toContain(
      'AMQP_URL: with NODE_ENV=production must not use a server’s default credentials',
    );
    expect(message).toContain('REDIS_URL: with NODE_ENV=production must not carry a placeholder password');
    expect(message).not.toMatch(/REPLACE_ME@|guest:guest|changeme@/);
    expect(() => loadConfig(ExampleConfig, { AMQP_URL: 'amqp://guest:guest@127.0.0.1:5672' })).not.toThrow();
  });
});

describe('loadConfig lists (AMQP_URL: a cluster’s nodes)', () => {
  const nodes = 'amqp://app:Xq7-long-Secret@rabbit-0:5672, amqp://app:Xq7-long-Secret@rabbit-1:5672,';

  it('reads a comma-separated variable as a list, and one URL as a list of one', () => {
    expect(loadConfig(ExampleConfig, { AMQP_URL: nodes }).AMQP_URL).toEqual([
      'amqp://app:Xq7-long-Secret@rabbit-0:5672',
      'amqp://app:Xq7-long-Secret@rabbit-1:5672',
    ]);
    expect(loadConfig(ExampleConfig, {}).AMQP_URL).toEqual(['amqp://guest:guest@127.0.0.1:5672']);
  });

  it('refuses a list with one malformed URL, or none at all, without echoing it', () => {
    const message = messageOf(() => loadConfig(ExampleConfig, { AMQP_URL: `${nodes}http://S3cret@x:1` }));
    expect(message).toContain(
      'AMQP_URL: must be a amqp:// or amqps:// URL with a host and a port in 1-65535',
    );
    expect(message).not.toContain('S3cret');
    expect(messageOf(() => loadConfig(ExampleConfig, { AMQP_URL: ' , ' }))).toContain('AMQP_URL: must be');
  });

  it('applies the production credential rule to every node', () => {
    const message = messageOf(() =>
      loadConfig(ExampleConfig, {
        NODE_ENV: 'production',
        AMQP_URL: `${nodes}amqp://guest:guest@rabbit-2:5672`,
      }),
    );
    expect(message).toContain(
      'AMQP_URL: with NODE_ENV=production must not use a server’s default credentials',
    );
  });
});

function messageOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}
