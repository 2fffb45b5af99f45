import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { DocumentLock, DocumentLockSchema } from './document-lock.schema';
import { DocumentLocks } from './document-locks';

/** `DocumentLocks` over the service's own database; ServiceCoreModule imports it once for all features. */
@Global()
@Module({
  imports: [MongooseModule.forFeature([{ name: DocumentLock.name, schema: DocumentLockSchema }])],
  providers: [DocumentLocks],
  exports: [DocumentLocks],
})
export class DocumentLocksModule {}
