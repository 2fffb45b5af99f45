import {
  correlationIdMiddleware,
  createValidationPipe,
  GatewayConfig,
  HttpErrorFilter,
} from '@bookstore/gateway/feature';
import { onShutdownSignal } from '@bookstore/shared/messaging';
import { exitOnStartupError, JsonLogger, loadConfig } from '@bookstore/shared/platform';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';

import { AppModule } from './app/app.module';
import { GatewayOpsModule } from './app/ops.module';
import { setupSwagger } from './app/swagger';

const BODY_LIMIT = '100kb';

async function main(): Promise<void> {
  const config = loadConfig(GatewayConfig);
  const logger = new JsonLogger('gateway', config.LOG_LEVEL);

  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger,
    bodyParser: false,
  });
  app.use(correlationIdMiddleware);
  app.use(helmet());
  app.enableCors({ origin: config.CORS_ORIGINS, exposedHeaders: ['x-correlation-id', 'retry-after'] });
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.setGlobalPrefix('api/v1');
  app.useGlobalPipes(createValidationPipe());
  setupSwagger(app);
  // Errors thrown by express middleware (body parser) reach the same filter as route errors.
  app.use(expressErrorHandler(new HttpErrorFilter()));
  // Idle keep-alive sockets outlive any client's or proxy's own idle timeout, so a client never
  // reuses a socket the gateway is closing at that instant (the "other side closed" race).
  const server = app.getHttpServer();
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await app.listen(config.GATEWAY_PORT, '0.0.0.0');

  const ops = await NestFactory.create(GatewayOpsModule.forRoot(config), { logger });
  await ops.listen(config.GATEWAY_OPS_PORT, '0.0.0.0');
  logger.log(
    { msg: 'gateway ready', port: config.GATEWAY_PORT, opsPort: config.GATEWAY_OPS_PORT },
    'Bootstrap',
  );

  onShutdownSignal(async () => {
    await app.close();
    await ops.close();
  });
}

function expressErrorHandler(filter: HttpErrorFilter) {
  return (error: unknown, req: unknown, res: unknown, next: unknown) => {
    void next;
    filter.catch(error, {
      switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
    } as never);
  };
}

main().catch(exitOnStartupError);
