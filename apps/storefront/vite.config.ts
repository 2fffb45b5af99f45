import { join } from 'node:path';

import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// BOOKSTORE_DIST lets parallel checkouts or sandboxes build side by side (as the services' webpack builds).
const distRoot = process.env.BOOKSTORE_DIST ?? join(__dirname, '../../dist/apps');
// `nx serve storefront` talks to a running gateway: the public API and its docs go through this proxy.
const gateway = process.env.GATEWAY_URL ?? 'http://localhost:3000';

/** The storefront: static files the gateway serves in production, Vite's dev server in development. */
export default defineConfig({
  root: __dirname,
  cacheDir: join(__dirname, '../../node_modules/.vite/storefront'),
  plugins: [preact()],
  // The build target runs `NODE_ENV=production vite build` (project.json): Vite lets a NODE_ENV
  // already set win over its mode, and npm test builds with NODE_ENV=test, which would ship a
  // development bundle (preact/debug, JSX source paths) three times the size.
  build: {
    outDir: join(distRoot, 'storefront'),
    emptyOutDir: true,
    // Hashed file names under assets/: the gateway caches them for good, index.html never.
    assetsDir: 'assets',
    sourcemap: true,
    target: 'es2022',
  },
  server: {
    port: 4200,
    strictPort: true,
    proxy: {
      '/api': { target: gateway, changeOrigin: true },
      '/docs': { target: gateway, changeOrigin: true },
    },
  },
  preview: { port: 4300 },
});
