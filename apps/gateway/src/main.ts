import './telemetry';

import { join } from 'node:path';

import {
  configureGatewayHttp,
  GatewayConfig,
  gatewayHttpAdapter,
  storefrontRoutes,
} from '@bookstore/gateway/feature';
import {
  createServiceLogger,
  exitOnStartupError,
  flushLogs,
  loadConfig,
  nestLoggerFor,
  opsHttpAdapter,
} from '@bookstore/shared/platform';
import { onShutdownSignal } from '@bookstore/shared/runtime';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { AppModule } from './app/app.module';
import { GatewayOpsModule } from './app/ops.module';
import { setupSwagger } from './app/swagger';

async function main(): Promise<void> {
  const config = loadConfig(GatewayConfig);
  // One pino logger for Fastify's request lines and Nest's logs: one stream, the same fields.
  const log = createServiceLogger({ service: 'gateway', level: config.LOG_LEVEL });
  const logger = nestLoggerFor(log);

  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    gatewayHttpAdapter(config, log),
    // JSON bodies are parsed by configureGatewayHttp's parser, not Nest's.
    { logger, bodyParser: false },
  );
  configureGatewayHttp(app, config);
  setupSwagger(app);
  // The storefront's build sits beside the gateway's (dist/apps/storefront, BOOKSTORE_DIST/storefront).
  await app.register(storefrontRoutes, { dir: config.STOREFRONT_DIR || join(__dirname, '../storefront') });
  await app.listen(config.GATEWAY_PORT, '0.0.0.0');

  const ops = await NestFactory.create(GatewayOpsModule.forRoot(config), opsHttpAdapter(), { logger });
  await ops.listen(config.GATEWAY_OPS_PORT, '0.0.0.0');
  logger.log(
    { msg: 'gateway ready', port: config.GATEWAY_PORT, opsPort: config.GATEWAY_OPS_PORT },
    'Bootstrap',
  );

  onShutdownSignal(async () => {
    await app.close();
    await ops.close();
    await flushLogs(log);
  });
}

main().catch(exitOnStartupError);
