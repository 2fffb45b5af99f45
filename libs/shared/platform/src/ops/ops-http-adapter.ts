import { FastifyAdapter } from '@nestjs/platform-fastify';

/**
 * The ops port's HTTP server (probes and metrics) on Fastify, like the gateway's API, instead of
 * Nest's default Express: a process then loads one HTTP framework, not two (Express, its router,
 * body parsers, multer and mime-db cost about 4 MiB of live heap, docs/BENCHMARKS.md issue 15).
 */
export function opsHttpAdapter(): FastifyAdapter {
  return new FastifyAdapter();
}
