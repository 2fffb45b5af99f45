import './telemetry';

import { ORDERS_SUBSCRIPTIONS, OrdersConfig } from '@bookstore/orders/feature';
import { exitOnStartupError, loadConfig } from '@bookstore/shared/platform';
import { runService } from '@bookstore/shared/runtime';

import { AppModule } from './app/app.module';

async function main(): Promise<void> {
  const config = loadConfig(OrdersConfig);
  await runService({
    service: 'orders',
    module: AppModule.forRoot(config),
    amqpUrls: config.AMQP_URL,
    opsPort: config.ORDERS_OPS_PORT,
    logLevel: config.LOG_LEVEL,
    subscriptions: ORDERS_SUBSCRIPTIONS,
  });
}

main().catch(exitOnStartupError);
