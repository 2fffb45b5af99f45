import { DynamicModule, Module } from '@nestjs/common';

import { AuthConfig } from './config/auth.config';

/** Event types the auth service consumes; its events queue is bound to exactly these. */
export const AUTH_SUBSCRIPTIONS: readonly string[] = [];

/** The auth service's use cases: message handlers, persistence and domain wiring. */
@Module({})
export class AuthFeatureModule {
  static forRoot(config: AuthConfig): DynamicModule {
    return { module: AuthFeatureModule, providers: [{ provide: 'CONFIG', useValue: config }] };
  }
}
