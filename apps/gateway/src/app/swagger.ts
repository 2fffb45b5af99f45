import { join } from 'node:path';

import { registerEventDocs } from '@bookstore/gateway/feature';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/**
 * Swagger UI at /docs and the OpenAPI 3 document at /docs-json; the events' AsyncAPI page at
 * /docs/events and its document at /docs/events-json.
 */
export function setupSwagger(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Bookstore API')
      .setDescription('The public API of the bookstore platform. Errors share one shape: ErrorResponseDto.')
      .setVersion('1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', useGlobalPrefix: false });
  // The web component's files, copied next to main.js by webpack.config.js.
  registerEventDocs(app.getHttpAdapter().getInstance(), join(__dirname, 'asyncapi'));
}
