import { deadLetters } from '@bookstore/shared/platform';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';

import { DeadLetterRepository } from './dead-letter.repository';
import { DEAD_LETTER_QUEUE_NAME } from './dead-letters.tokens';

/**
 * `bookstore_dead_letters`: the messages parked in the service's `dead_letters` collection,
 * counted at scrape time. The collection, not the dead-letter queue: the queue is emptied into it
 * at once, so its depth is nearly always 0 while messages wait for an operator.
 */
@Injectable()
export class DeadLetterMetrics implements OnModuleInit, OnModuleDestroy {
  private stop?: () => void;

  constructor(
    private readonly letters: DeadLetterRepository,
    @Inject(DEAD_LETTER_QUEUE_NAME) private readonly queue: string,
  ) {}

  onModuleInit(): void {
    this.stop = deadLetters.read(async () => [
      { labels: { queue: this.queue }, value: await this.letters.count(this.queue) },
    ]);
  }

  onModuleDestroy(): void {
    this.stop?.();
  }
}
