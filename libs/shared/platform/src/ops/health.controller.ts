import { Controller, Get, Header } from '@nestjs/common';
import { HealthCheck } from '@nestjs/terminus';

import { metricsRegistry } from './metrics.registry';
import { ReadinessService } from './readiness.service';

/** Probes and scraping on the ops port: liveness checks only the process. */
@Controller()
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('health/live')
  live() {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  @Get('health/ready')
  // No swagger documentation: nothing documents the ops port, and asking for it makes terminus load
  // @nestjs/swagger (3 MiB resident) in every service.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  ready() {
    return this.readiness.check();
  }

  @Get('metrics')
  @Header('Content-Type', metricsRegistry.contentType)
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
