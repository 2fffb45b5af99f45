import { DynamicModule, Module, Provider } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';

import { AmqpHealthIndicator } from './amqp.health';
import { HealthController } from './health.controller';
import { idleMemoryReleaseProvider } from './idle-memory-release';
import { metricsRegistry } from './metrics.registry';
import { OpsOptions } from './ops.options';
import { OPS_OPTIONS } from './ops.tokens';
import { QueueDepthMetrics } from './queue-depth.metrics';
import { ReadinessMetrics } from './readiness.metrics';
import { ReadinessService } from './readiness.service';

/**
 * `/health/live`, `/health/ready` and `/metrics` for one app. Extra readiness checks come from the
 * app as a `READINESS_CHECKS` provider passed in `providers`. Every metric carries the app's name
 * as its `service` label; readiness and the app's queues are read at scrape time.
 */
@Module({})
export class OpsModule {
  static forRoot(
    options: OpsOptions,
    providers: Provider[] = [],
    imports: DynamicModule['imports'] = [],
  ): DynamicModule {
    // One app per process: its name labels every series, whichever lib recorded it.
    metricsRegistry.setDefaultLabels({ service: options.service });
    return {
      module: OpsModule,
      global: true,
      imports: [TerminusModule.forRoot({ logger: false }), ...imports],
      controllers: [HealthController],
      providers: [
        { provide: OPS_OPTIONS, useValue: options },
        AmqpHealthIndicator,
        ReadinessService,
        ReadinessMetrics,
        QueueDepthMetrics,
        // Every app has one ops module: each process gives memory back when idle, unless told not to.
        ...(options.releaseMemoryWhenIdle === false ? [] : [idleMemoryReleaseProvider()]),
        ...providers,
      ],
      exports: [ReadinessService, OPS_OPTIONS, ...providers],
    };
  }
}
