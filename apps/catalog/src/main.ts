import './telemetry';

import { CATALOG_SUBSCRIPTIONS, CatalogConfig } from '@bookstore/catalog/feature';
import { exitOnStartupError, loadConfig } from '@bookstore/shared/platform';
import { runService } from '@bookstore/shared/runtime';

import { AppModule } from './app/app.module';

async function main(): Promise<void> {
  const config = loadConfig(CatalogConfig);
  await runService({
    service: 'catalog',
    module: AppModule.forRoot(config),
    amqpUrls: config.AMQP_URL,
    opsPort: config.CATALOG_OPS_PORT,
    logLevel: config.LOG_LEVEL,
    subscriptions: CATALOG_SUBSCRIPTIONS,
  });
}

main().catch(exitOnStartupError);
