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
  @HealthCheck()
  ready() {
    return this.readiness.check();
  }

  @Get('metrics')
  @Header('Content-Type', metricsRegistry.contentType)
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
