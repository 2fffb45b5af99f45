import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

import { InfraConfig } from './infra.config';
import { ConfigError, loadConfig } from './load-config';

class ExampleConfig extends InfraConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  EXAMPLE_PORT = 9999;

  @IsOptional()
  @IsBoolean()
  EXAMPLE_FLAG?: boolean;
}

describe('loadConfig', () => {
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

  it('stops with one message naming every bad variable', () => {
    expect.assertions(4);
    try {
      loadConfig(ExampleConfig, { EXAMPLE_PORT: '70000', AMQP_URL: 'http://nope', LOG_LEVEL: 'loud' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain('EXAMPLE_PORT="70000"');
      expect(message).toContain('AMQP_URL="http://nope": must be an amqp:// URL');
      expect(message).toContain('LOG_LEVEL="loud"');
    }
  });
});

describe('loadConfig conversions', () => {
  it('rejects a number that is not one, naming the raw value', () => {
    expect(() => loadConfig(ExampleConfig, { EXAMPLE_PORT: '80abc' })).toThrow('EXAMPLE_PORT="80abc"');
  });
});

describe('loadConfig optional fields', () => {
  it('reads an optional field that has no default', () => {
    expect(loadConfig(ExampleConfig, {}).EXAMPLE_FLAG).toBeUndefined();
    expect(loadConfig(ExampleConfig, { EXAMPLE_FLAG: 'true' }).EXAMPLE_FLAG).toBe(true);
  });
});
