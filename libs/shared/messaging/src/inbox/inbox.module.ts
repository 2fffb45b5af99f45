import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { InboxService } from './inbox.service';
import { ProcessedEvent, ProcessedEventSchema } from './processed-event.schema';

/** Import in a service that consumes events (it needs MongooseModule.forRoot in the app). */
@Module({
  imports: [MongooseModule.forFeature([{ name: ProcessedEvent.name, schema: ProcessedEventSchema }])],
  providers: [InboxService],
  exports: [InboxService],
})
export class InboxModule {}
