// The services' webpack builds: `@nestjs/swagger` replaced by ./api-docs-off.js. It loads lodash,
// js-yaml and swagger's own modules, about 3 MiB of resident memory in each process
// (docs/BENCHMARKS.md, issue 15's footprint), only for metadata nothing but the gateway reads.
const { NormalModuleReplacementPlugin } = require('webpack');
const { join } = require('path');

const SWAGGER = '@nestjs/swagger';

/** Points a service's imports of `@nestjs/swagger` at the no-op decorators, bundled. */
class ApiDocsOffPlugin {
  apply(compiler) {
    // Nx's plugin (applied before this one) makes every package external, and externals match the
    // import as written, before any replacement: swagger must not be one.
    const externals = [compiler.options.externals ?? []].flat();
    compiler.options.externals = externals.map((external) =>
      typeof external === 'function'
        ? (data, callback) => (data.request === SWAGGER ? callback() : external(data, callback))
        : external,
    );
    new NormalModuleReplacementPlugin(/^@nestjs\/swagger$/, join(__dirname, 'api-docs-off.js')).apply(
      compiler,
    );
  }
}

/** The plugin for a service's webpack config. */
function apiDocsOff() {
  return new ApiDocsOffPlugin();
}

module.exports = { apiDocsOff };
