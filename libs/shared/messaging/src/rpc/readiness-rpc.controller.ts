import type { ReadinessReply, ServiceName } from '@bookstore/shared/contracts';
import { healthReadyPattern } from '@bookstore/shared/contracts';
import { ReadinessService } from '@bookstore/shared/platform';
import type { Type } from '@nestjs/common';
import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';

/**
 * Answers `<service>.health.ready` with the same checks as `/health/ready`: a reply at all proves
 * the service consumes its queue; the body says whether its own dependencies are up.
 */
export function readinessRpcController(service: ServiceName): Type<unknown> {
  @Controller()
  class ReadinessRpcController {
    constructor(private readonly readiness: ReadinessService) {}

    @MessagePattern(healthReadyPattern(service))
    async ready(): Promise<ReadinessReply> {
      const report = await this.readiness.report();
      const details: ReadinessReply['details'] = {};
      for (const [key, value] of Object.entries(report.details ?? {})) {
        details[key] = { status: String(value['status']), message: value['message'] as string | undefined };
      }
      return { status: report.status === 'ok' ? 'up' : 'down', details };
    }
  }
  return ReadinessRpcController;
}
