import type { ServiceName } from '@bookstore/shared/contracts';
import { DeadLetterQueue, serviceQueues } from '@bookstore/shared/messaging';
import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { DeadLetterMetrics } from './dead-letter.metrics';
import { DeadLetterRepository } from './dead-letter.repository';
import { DeadLetter, DeadLetterSchema } from './dead-letter.schema';
import { DeadLettersService } from './dead-letters.service';
import { DEAD_LETTER_QUEUE_NAME } from './dead-letters.tokens';
import { deadLettersRpcController } from './dead-letters-rpc.controller';

export interface DeadLettersOptions {
  service: ServiceName;
  amqpUrls: readonly string[];
}

/**
 * Every service's parked events, for operators: moves what its dead-letter queue holds into its
 * own `dead_letters` collection, answers `<service>.dead-letters.list|get|replay|drop` (admin)
 * and reports how many are parked (`bookstore_dead_letters`).
 */
@Module({})
export class DeadLettersModule {
  static forService(options: DeadLettersOptions): DynamicModule {
    return {
      module: DeadLettersModule,
      imports: [MongooseModule.forFeature([{ name: DeadLetter.name, schema: DeadLetterSchema }])],
      controllers: [deadLettersRpcController(options.service)],
      providers: [
        DeadLetterRepository,
        {
          provide: DeadLetterQueue,
          inject: [DeadLetterRepository],
          useFactory: (letters: DeadLetterRepository) =>
            new DeadLetterQueue(options.service, options.amqpUrls, (parked) => letters.park(parked)),
        },
        DeadLettersService,
        { provide: DEAD_LETTER_QUEUE_NAME, useValue: serviceQueues(options.service).deadLetter },
        DeadLetterMetrics,
      ],
    };
  }
}
