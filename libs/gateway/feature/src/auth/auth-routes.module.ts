import { Module } from '@nestjs/common';

/** The public `/api/v1/auth` routes: HTTP in, RPC to the auth service out. */
@Module({})
export class AuthRoutesModule {}
