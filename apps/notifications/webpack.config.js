const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

const { apiDocsOff } = require('../../tools/webpack/api-docs');

module.exports = {
  output: {
    // BOOKSTORE_DIST lets parallel checkouts or sandboxes build side by side.
    path: join(process.env.BOOKSTORE_DIST ?? join(__dirname, '../../dist/apps'), 'notifications'),
    ...(process.env.NODE_ENV !== 'production' && {
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    }),
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      assets: ['./src/assets'],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      sourceMaps: true,
    }),
    // Only the gateway serves API documents: no @nestjs/swagger in a service.
    apiDocsOff(),
  ],
};
