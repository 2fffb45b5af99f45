import { Module } from '@nestjs/common';

import { DeadLettersController } from './dead-letters.controller';

/** The public `/api/v1/admin` routes: operators' tools, admin only. */
@Module({ controllers: [DeadLettersController] })
export class AdminRoutesModule {}
