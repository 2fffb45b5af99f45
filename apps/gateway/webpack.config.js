const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: {
    // BOOKSTORE_DIST lets parallel checkouts or sandboxes build side by side.
    path: join(process.env.BOOKSTORE_DIST ?? join(__dirname, '../../dist/apps'), 'gateway'),
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
      assets: [
        './src/assets',
        // The AsyncAPI web component and its stylesheet, served by the gateway at /docs/events (no CDN).
        {
          input: 'node_modules/@asyncapi/web-component/lib',
          glob: 'asyncapi-web-component.js',
          output: 'asyncapi',
        },
        {
          input: 'node_modules/@asyncapi/react-component/styles',
          glob: 'default.min.css',
          output: 'asyncapi',
        },
      ],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      sourceMaps: true,
    }),
  ],
};
