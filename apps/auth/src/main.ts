import './telemetry';

import { AUTH_SUBSCRIPTIONS, AuthConfig } from '@bookstore/auth/feature';
import { exitOnStartupError, loadConfig } from '@bookstore/shared/platform';
import { runService } from '@bookstore/shared/runtime';

import { AppModule } from './app/app.module';

async function main(): Promise<void> {
  const config = loadConfig(AuthConfig);
  await runService({
    service: 'auth',
    module: AppModule.forRoot(config),
    amqpUrls: config.AMQP_URL,
    opsPort: config.AUTH_OPS_PORT,
    logLevel: config.LOG_LEVEL,
    subscriptions: AUTH_SUBSCRIPTIONS,
  });
}

main().catch(exitOnStartupError);
