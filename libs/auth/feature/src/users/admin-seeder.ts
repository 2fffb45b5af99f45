import type { OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';

import { AUTH_CONFIG } from '../auth.tokens';
import type { AuthConfig } from '../config/auth.config';
import { UsersService } from './users.service';

/** Seeds the administrator from ADMIN_EMAIL / ADMIN_PASSWORD at start, idempotently. */
@Injectable()
export class AdminSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminSeeder.name);

  constructor(
    private readonly users: UsersService,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.users.ensureAdmin(this.config.ADMIN_EMAIL, this.config.ADMIN_PASSWORD);
    this.logger.log({ msg: 'administrator ensured', email: this.config.ADMIN_EMAIL });
  }
}
