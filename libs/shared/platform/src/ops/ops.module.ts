import { DynamicModule, Module, Provider } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';

import { AmqpHealthIndicator } from './amqp.health';
import { HealthController } from './health.controller';
import { OpsOptions } from './ops.options';
import { OPS_OPTIONS } from './ops.tokens';
import { ReadinessService } from './readiness.service';

/**
 * `/health/live`, `/health/ready` and `/metrics` for one app. Extra readiness checks come from the
 * app as a `READINESS_CHECKS` provider passed in `providers`.
 */
@Module({})
export class OpsModule {
  static forRoot(
    options: OpsOptions,
    providers: Provider[] = [],
    imports: DynamicModule['imports'] = [],
  ): DynamicModule {
    return {
      module: OpsModule,
      global: true,
      imports: [TerminusModule.forRoot({ logger: false }), ...imports],
      controllers: [HealthController],
      providers: [
        { provide: OPS_OPTIONS, useValue: options },
        AmqpHealthIndicator,
        ReadinessService,
        ...providers,
      ],
      exports: [ReadinessService, OPS_OPTIONS, ...providers],
    };
  }
}
