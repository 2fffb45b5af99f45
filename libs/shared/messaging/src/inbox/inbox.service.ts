import { EventEnvelope } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';

import { ProcessedEvent } from './processed-event.schema';

export type InboxOutcome = 'processed' | 'duplicate';

const DUPLICATE_KEY = 11000;

/**
 * The inbox: skips an `eventId` this service already handled. Effects should also be keyed by
 * their natural id (order id, event id) so that a crash between the effect and the record here
 * still changes nothing on redelivery.
 */
@Injectable()
export class InboxService {
  constructor(@InjectModel(ProcessedEvent.name) private readonly processed: Model<ProcessedEvent>) {}

  async once(envelope: EventEnvelope, effect: () => Promise<void>): Promise<InboxOutcome> {
    if (await this.seen(envelope.eventId)) return 'duplicate';
    await effect();
    await this.record(envelope);
    return 'processed';
  }

  async seen(eventId: string): Promise<boolean> {
    return (await this.processed.exists({ _id: eventId }).exec()) !== null;
  }

  async record(envelope: EventEnvelope): Promise<void> {
    try {
      await this.processed.create({ _id: envelope.eventId, type: envelope.type, processedAt: new Date() });
    } catch (error) {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    }
  }
}
