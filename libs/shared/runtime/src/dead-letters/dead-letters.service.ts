import type { DeadLetterDetailDto, DeadLetterDto, Page } from '@bookstore/shared/contracts';
import { DeadLetterQueue } from '@bookstore/shared/messaging';
import { Injectable, Logger } from '@nestjs/common';

import type { StoredDeadLetter } from './dead-letter.repository';
import { DeadLetterRepository } from './dead-letter.repository';
import { deadLetterNotFound } from './dead-letters.errors';

/** The operator's use cases on the service's parked events: list, show, replay, drop. */
@Injectable()
export class DeadLettersService {
  private readonly logger = new Logger('DeadLetters');

  constructor(
    private readonly letters: DeadLetterRepository,
    private readonly queue: DeadLetterQueue,
  ) {}

  /** A window of the newest parked events (the gateway merges the services' windows into pages). */
  async list(queue: string | undefined, skip: number, limit: number): Promise<Page<DeadLetterDto>> {
    const { items, total } = await this.letters.list(queue, skip, limit);
    return { items: items.map(toDto), total, page: Math.floor(skip / limit) + 1, limit };
  }

  async get(id: string): Promise<DeadLetterDetailDto> {
    const found = await this.letters.get(id);
    if (!found) throw deadLetterNotFound(id);
    return { ...toDto(found), message: parseContent(found.content) };
  }

  /**
   * Sends the event back to this service's events queue with its attempts reset, then forgets this
   * parking. In that order: a crash in between leaves the record (replaying twice is harmless,
   * every handler is idempotent), never a forgotten message. If it fails again it is parked anew.
   */
  async replay(id: string): Promise<DeadLetterDto> {
    const found = await this.letters.get(id);
    if (!found) throw deadLetterNotFound(id);
    await this.queue.replay(found);
    await this.letters.remove(id, found.parkId);
    this.logger.log({ msg: 'dead letter replayed', id, type: found.type });
    return toDto(found);
  }

  async drop(id: string): Promise<void> {
    if (!(await this.letters.remove(id))) throw deadLetterNotFound(id);
    this.logger.warn({ msg: 'dead letter dropped', id });
  }
}

function toDto(letter: StoredDeadLetter): DeadLetterDto {
  return {
    id: letter.id,
    type: letter.type,
    queue: letter.queue,
    attempts: letter.attempts,
    lastError: letter.lastError,
    correlationId: letter.correlationId,
    parkedAt: letter.parkedAt.toISOString(),
  };
}

function parseContent(content: Buffer): unknown {
  try {
    return JSON.parse(content.toString('utf8'));
  } catch {
    return content.toString('base64');
  }
}
