// Container HEALTHCHECK: GET /health/live on the app's ops port. Plain node, because the slim
// base image has neither curl nor wget. The port comes from the same variable the app reads.
const http = require('node:http');

const DEFAULT_OPS_PORTS = { gateway: 9100, auth: 9101, catalog: 9102, orders: 9103, notifications: 9104 };
const app = process.env.APP ?? '';
const port = Number(process.env[`${app.toUpperCase()}_OPS_PORT`] ?? DEFAULT_OPS_PORTS[app]);

const req = http.get({ host: '127.0.0.1', port, path: '/health/live', timeout: 2000 }, (res) => {
  res.resume();
  process.exit(res.statusCode === 200 ? 0 : 1);
});
req.on('timeout', () => req.destroy(new Error('timeout')));
req.on('error', () => process.exit(1));
