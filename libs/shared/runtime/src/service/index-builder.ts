import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';

const ATTEMPTS = 6;

/**
 * Builds every model's indexes once at start-up, one collection after another, before the first
 * message is consumed. Unique indexes are what makes the handlers idempotent, so a service never
 * runs without them: after the last attempt the start fails. Why not Mongoose's autoIndex: it
 * builds the collections' indexes concurrently and reports a failure only as an event, and
 * concurrent index builds in one database can deadlock on DocumentDB (seen: "deadlock detected").
 */
@Injectable()
export class IndexBuilder implements OnModuleInit {
  private readonly logger = new Logger(IndexBuilder.name);

  constructor(@InjectConnection() private readonly connection: Connection) {}

  async onModuleInit(): Promise<void> {
    for (const model of Object.values(this.connection.models)) {
      for (let attempt = 1; ; attempt++) {
        try {
          await model.createIndexes();
          break;
        } catch (error) {
          if (attempt >= ATTEMPTS) throw error;
          this.logger.warn({
            msg: 'index build failed; retrying',
            model: model.modelName,
            attempt,
            error: String(error),
          });
          await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
        }
      }
    }
  }
}
