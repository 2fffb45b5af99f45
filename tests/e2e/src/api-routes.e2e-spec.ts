import { api } from '@bookstore/shared/testing';

/**
 * Every route of the public contract is documented in the gateway's OpenAPI document, so clients,
 * Swagger UI and the fuzz suite (which generates its requests from that document) all see it.
 * The list mirrors the tables and the operations section of shared/API.md (which lives outside this
 * repository): a row added there is added here.
 */
const API_ROUTES = [
  // Auth
  'POST /api/v1/auth/register',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/refresh',
  'POST /api/v1/auth/logout',
  'GET /api/v1/auth/me',
  'PATCH /api/v1/auth/users/{id}/roles',
  'GET /api/v1/auth/.well-known/jwks.json',
  'POST /api/v1/auth/logout-all',
  'POST /api/v1/auth/password/forgot',
  'POST /api/v1/auth/password/reset',
  'POST /api/v1/auth/email/verify',
  // Catalog
  'GET /api/v1/books',
  'GET /api/v1/books/{id}',
  'POST /api/v1/books',
  'PATCH /api/v1/books/{id}',
  'DELETE /api/v1/books/{id}',
  'POST /api/v1/books/{id}/stock',
  // Orders
  'POST /api/v1/orders',
  'GET /api/v1/orders',
  'GET /api/v1/orders/{id}',
  'POST /api/v1/orders/{id}/cancel',
  'PATCH /api/v1/orders/{id}/status',
  // Notifications
  'GET /api/v1/notifications',
  'POST /api/v1/notifications/{id}/read',
  'GET /api/v1/notifications/stream',
  // Health and operations
  'GET /api/v1/health',
  'GET /api/v1/admin/dead-letters',
  'POST /api/v1/admin/dead-letters/{id}/replay',
  'DELETE /api/v1/admin/dead-letters/{id}',
];

describe('the OpenAPI document covers the public contract', () => {
  let documented: Set<string>;

  beforeAll(async () => {
    const doc = await api<{ paths: Record<string, Record<string, unknown>> }>('GET', '/docs-json');
    expect(doc.status).toBe(200);
    documented = new Set(
      Object.entries(doc.body.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
  });

  it.each(API_ROUTES)('documents %s', (route) => {
    expect(documented).toContain(route);
  });
});
