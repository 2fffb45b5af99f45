import './telemetry';

import { NOTIFICATIONS_SUBSCRIPTIONS, NotificationsConfig } from '@bookstore/notifications/feature';
import { exitOnStartupError, loadConfig } from '@bookstore/shared/platform';
import { runService } from '@bookstore/shared/runtime';

import { AppModule } from './app/app.module';

async function main(): Promise<void> {
  const config = loadConfig(NotificationsConfig);
  await runService({
    service: 'notifications',
    module: AppModule.forRoot(config),
    amqpUrls: config.AMQP_URL,
    opsPort: config.NOTIFICATIONS_OPS_PORT,
    logLevel: config.LOG_LEVEL,
    subscriptions: NOTIFICATIONS_SUBSCRIPTIONS,
  });
}

main().catch(exitOnStartupError);
