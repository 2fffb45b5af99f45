import { RedisHealthIndicator } from '@bookstore/shared/platform';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';

import { SystemHealthService } from './system-health.service';

@ApiTags('health')
@Controller('health')
export class SystemHealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly system: SystemHealthService,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness of the whole system: every service (asked over RabbitMQ) and Redis' })
  @ApiResponse({ status: 200, description: 'Everything is up' })
  @ApiResponse({ status: 503, description: 'A part is down; the body names it' })
  check() {
    return this.health.check([...this.system.checks(), () => this.redis.check('redis')]);
  }
}
